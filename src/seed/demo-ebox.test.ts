import { describe, expect, it } from 'vitest';
import { demoPdf } from './demo-ebox.js';

// Issue 20: the demo's one PDF is written without pdfkit; it must still be a well-formed PDF
// (the e-Box checks an attachment's type by its content) whose cross-reference table is right.
describe('the demo PDF', () => {
  it('is a PDF whose cross-reference table points at its objects, with the text escaped in WinAnsi', () => {
    const pdf = demoPdf('NovaPrima – afrekening (2024)', ['Dossier 2024/0173 – € 412,50', 'a \\ b']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const xref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(xref, xref + 5)).toBe('xref\n');
    const offsets = [...text.slice(xref).matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length, start + length + 10)).toBe('\nendstream');
    expect(text).toContain('(NovaPrima \x96 afrekening \\(2024\\)) Tj');
    expect(text).toContain('(Dossier 2024/0173 \x96 \x80 412,50) Tj T*');
    expect(text).toContain('(a \\\\ b) Tj T*');
  });
});
