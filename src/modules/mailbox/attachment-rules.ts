/**
 * Pure rules for e-Box attachments (R10.1): a safe file name whose extension fits the declared
 * type, strict base64, and content that really is what the type says (magic bytes for binary
 * types, valid UTF-8 for text types). Each rule answers a message key of mailbox-messages.ts.
 */
import type { EboxMimeType } from './mailbox.schema.js';
import type { MailboxMessageKey } from './mailbox-messages.js';

/** The extensions a file name may end with, per declared type (first one is the usual one). */
export const EXTENSIONS: Record<EboxMimeType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
  'application/xml': ['.xml'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

// Letters and digits of any script, spaces and . _ - ( ); no path separators, quotes or controls.
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u;

/** Why a file name is refused for the type, or undefined when it is fine. */
export function fileNameProblem(fileName: string, mime: EboxMimeType): { key: MailboxMessageKey; params?: Record<string, string> } | undefined {
  if (!SAFE_NAME.test(fileName) || fileName.includes('..')) return { key: 'ebox.file_name' };
  const lower = fileName.toLowerCase();
  const extensions = EXTENSIONS[mime];
  if (!extensions.some((e) => lower.endsWith(e) && lower.length > e.length)) {
    return { key: 'ebox.file_extension', params: { mime, extensions: extensions.join(' / ') } };
  }
  return undefined;
}

/** The base64 text without line breaks, or undefined when it is not strict base64. */
export function normaliseBase64(text: string): string | undefined {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return compact;
}

/** The number of bytes a strict base64 text decodes to (without decoding it). */
export function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const BOM = [0xef, 0xbb, 0xbf];

function utf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why the bytes are not of the declared type, or undefined when they are. */
export function contentProblem(bytes: Uint8Array, mime: EboxMimeType): MailboxMessageKey | undefined {
  if (bytes.length === 0) return 'ebox.empty';
  switch (mime) {
    case 'application/pdf':
      return startsWith(bytes, PDF) ? undefined : 'ebox.content.pdf';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      // An OOXML package is a ZIP whose directory names [Content_Types].xml (stored uncompressed).
      return startsWith(bytes, ZIP) && contains(bytes, ascii('[Content_Types].xml')) ? undefined : 'ebox.content.xlsx';
    case 'image/png':
      return startsWith(bytes, PNG) ? undefined : 'ebox.content.png';
    case 'image/jpeg':
      return startsWith(bytes, JPEG) ? undefined : 'ebox.content.jpeg';
    case 'text/plain':
    case 'text/csv':
      return utf8(bytes) === undefined ? 'ebox.content.text' : undefined;
    case 'application/xml': {
      const text = utf8(startsWith(bytes, BOM) ? bytes.subarray(3) : bytes);
      return text !== undefined && text.trimStart().startsWith('<') ? undefined : 'ebox.content.xml';
    }
  }
}

/** A header-safe file name: the ASCII fallback for `filename=` (the UTF-8 one goes in `filename*=`). */
export function asciiFileName(fileName: string): string {
  return fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 ._()-]/g, '_');
}

/** The Content-Disposition value of a download (RFC 6266: ASCII fallback plus RFC 5987 UTF-8 name). */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}
