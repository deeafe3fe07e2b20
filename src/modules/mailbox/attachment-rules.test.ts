import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, contentProblem, decodedSize, fileNameProblem, normaliseBase64 } from './attachment-rules.js';
import { LANGUAGES } from '../../shared/messages.js';
import { MAILBOX_MESSAGE_KEYS, mailboxMessage } from './mailbox-messages.js';
import type { EboxMimeType } from './mailbox.schema.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('e-Box attachment content matches its declared type', () => {
  it.each<[string, EboxMimeType, Uint8Array, string | undefined]>([
    ['a PDF', 'application/pdf', bytes('%PDF-1.7\n…'), undefined],
    ['an HTML page declared as PDF', 'application/pdf', bytes('<html><script>'), 'ebox.content.pdf'],
    ['a PDF with leading junk', 'application/pdf', bytes(' %PDF-1.7'), 'ebox.content.pdf'],
    ['an OOXML package', XLSX, bytes([0x50, 0x4b, 0x03, 0x04], 'xxxx[Content_Types].xmlxl/workbook.xml'), undefined],
    ['a plain ZIP declared as xlsx', XLSX, bytes([0x50, 0x4b, 0x03, 0x04], 'payload.exe'), 'ebox.content.xlsx'],
    ['a PDF declared as xlsx', XLSX, bytes('%PDF-1.7'), 'ebox.content.xlsx'],
    ['a PNG', 'image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), undefined],
    ['a JPEG declared as PNG', 'image/png', bytes([0xff, 0xd8, 0xff, 0xe0]), 'ebox.content.png'],
    ['a JPEG', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), undefined],
    ['a GIF declared as JPEG', 'image/jpeg', bytes('GIF89a'), 'ebox.content.jpeg'],
    ['UTF-8 text', 'text/plain', bytes([...Buffer.from('Één brief, geen €-teken vergeten\n')]), undefined],
    ['Latin-1 text', 'text/plain', bytes([0x45, 0xe9, 0xe9, 0x6e]), 'ebox.content.text'],
    ['a binary with NUL bytes as text', 'text/plain', bytes('abc', [0], 'def'), 'ebox.content.text'],
    ['a CSV', 'text/csv', bytes('kbo;naam\n0212235604;Antwerpen\n'), undefined],
    ['a PNG declared as CSV', 'text/csv', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]), 'ebox.content.text'],
    ['XML', 'application/xml', bytes('<?xml version="1.0"?><a/>'), undefined],
    ['XML with a BOM and leading space', 'application/xml', bytes([0xef, 0xbb, 0xbf], '\n <a/>'), undefined],
    ['text declared as XML', 'application/xml', bytes('hello'), 'ebox.content.xml'],
    ['nothing at all', 'application/pdf', bytes(), 'ebox.empty'],
  ])('%s (%s)', (_label, mime, content, expected) => {
    expect(contentProblem(content, mime)).toBe(expected);
  });
});

describe('e-Box attachment file names', () => {
  it.each<[string, EboxMimeType, string | undefined]>([
    ['Maandafrekening 2026-03 (voorlopig).pdf', 'application/pdf', undefined],
    ['Knipperlichten_Borsbeek.XLSX', XLSX, undefined],
    ['foto.jpeg', 'image/jpeg', undefined],
    ['foto.jpg', 'image/jpeg', undefined],
    ['Überweisung.txt', 'text/plain', undefined],
    ['../../etc/passwd.pdf', 'application/pdf', 'ebox.file_name'],
    ['map/brief.pdf', 'application/pdf', 'ebox.file_name'],
    ['map\\brief.pdf', 'application/pdf', 'ebox.file_name'],
    ['.verborgen.pdf', 'application/pdf', 'ebox.file_name'],
    ['brief".pdf', 'application/pdf', 'ebox.file_name'],
    ['brief\r\nX-Evil: 1.pdf', 'application/pdf', 'ebox.file_name'],
    ['brief..pdf', 'application/pdf', 'ebox.file_name'],
    ['brief.exe', 'application/pdf', 'ebox.file_extension'],
    ['brief.pdf.exe', 'application/pdf', 'ebox.file_extension'],
    ['lijst.csv', 'text/plain', 'ebox.file_extension'],
    ['pdf', 'application/pdf', 'ebox.file_extension'],
  ])('%s as %s', (name, mime, expected) => {
    expect(fileNameProblem(name, mime)?.key).toBe(expected);
  });

  it('gives an ASCII fallback and the exact UTF-8 name in the Content-Disposition header', () => {
    expect(asciiFileName('Überweisung (März).txt')).toBe('Uberweisung (Marz).txt');
    expect(contentDisposition('Überweisung (März).txt')).toBe(`attachment; filename="Uberweisung (Marz).txt"; filename*=UTF-8''%C3%9Cberweisung%20%28M%C3%A4rz%29.txt`);
  });
});

describe('e-Box attachment base64', () => {
  it('accepts strict base64 with line breaks and computes the decoded size without decoding', () => {
    const text = Buffer.from('x'.repeat(100)).toString('base64');
    const wrapped = text.replace(/(.{76})/g, '$1\r\n');
    expect(normaliseBase64(wrapped)).toBe(text);
    for (const n of [0, 1, 2, 3, 4, 5, 100]) expect(decodedSize(Buffer.alloc(n).toString('base64'))).toBe(n);
  });

  it.each(['abc', 'ab$=', 'YQ==YQ==', 'YW=J', 'data:application/pdf;base64,JVBERi0='])('refuses %s', (text) => {
    expect(normaliseBase64(text)).toBeUndefined();
  });
});

describe('e-Box texts', () => {
  it.each(MAILBOX_MESSAGE_KEYS.flatMap((key) => LANGUAGES.map((lang) => [key, lang] as const)))('%s has a %s text', (key, lang) => {
    const text = mailboxMessage(key, lang, { mime: 'x', extensions: 'y', max: 5, night: 'n', today: 't', count: 2, organisation: 'o' });
    expect(text).not.toMatch(/\{\w+\}/);
    if (lang !== 'nl') expect(text).not.toBe(mailboxMessage(key, 'nl', { mime: 'x', extensions: 'y', max: 5, night: 'n', today: 't', count: 2, organisation: 'o' }));
  });
});
