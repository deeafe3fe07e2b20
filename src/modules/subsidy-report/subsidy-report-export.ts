/**
 * A submitted Uniek verslag as a file: XLSX (exceljs, like the access module's exports) or PDF
 * (pdfkit). Both show the organisation (name, KBO), year, status, when and by whom it was
 * submitted, the lines and the totals (summed exactly in SQL from integer cents).
 */
import type { Language, LocalizedText } from '../../shared/i18n.js';
import { brusselsDate } from '../../domain/clock.js';
import { formatCents, formatDate, subsidyMessage } from './subsidy-report-messages.js';
import { subsidyTypeName } from './subsidy-report.schema.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface ExportableReport {
  year: number;
  status: 'draft' | 'submitted';
  /** The name in each language; the file shows the reader's. */
  organisation: { name: LocalizedText; kbo: string; kboFormatted: string };
  submittedAt: Date | null;
  submittedBy: string | null;
  lines: { position: number; subsidyType: string; amountGrantedCents: number; amountUsedCents: number; justification: string }[];
  totals: { grantedCents: number; usedCents: number };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AMOUNT_FORMAT = '#,##0.00';

/** "10 februari 2025, 14:03" in Brussels time. */
export function formatInstant(at: Date, lang: Language): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' }).format(at);
  return `${formatDate(brusselsDate(at), lang)}, ${time}`;
}

function headerRows(r: ExportableReport, lang: Language): [string, string][] {
  const t = (k: Parameters<typeof subsidyMessage>[0]) => subsidyMessage(k, lang);
  return [
    [t('export.organisation'), nameOf(r, lang)],
    [t('export.kbo'), r.organisation.kboFormatted],
    [t('export.year'), String(r.year)],
    [t('export.status'), t(r.status === 'submitted' ? 'status.submitted' : 'status.draft')],
    [t('export.submitted_at'), r.submittedAt ? formatInstant(r.submittedAt, lang) : ''],
    [t('export.submitted_by'), r.submittedBy ?? ''],
  ];
}

const nameOf = (r: ExportableReport, lang: Language) => r.organisation.name[lang] || r.organisation.name.nl;
const baseName = (r: ExportableReport) => `uniek-verslag-${r.organisation.kbo}-${r.year}`;
/** Cents as an Excel number (the nearest double of the exact decimal; the cell shows 2 decimals). */
const euros = (cents: number) => cents / 100;

export async function toXlsx(r: ExportableReport, lang: Language, createdAt: Date): Promise<ExportFile> {
  const t = (k: Parameters<typeof subsidyMessage>[0], p?: Record<string, string | number>) => subsidyMessage(k, lang, p);
  // Issue 20: exceljs and pdfkit (≈ 60 MiB together) are loaded by the first export, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCMW Portal';
  wb.created = createdAt;
  const ws = wb.addWorksheet(t('export.title', { year: r.year }));
  ws.addRow([t('export.title', { year: r.year })]).font = { bold: true, size: 14 };
  for (const [label, value] of headerRows(r, lang)) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const header = ws.addRow([t('export.line'), t('export.type'), t('export.granted'), t('export.used'), t('export.difference'), t('export.justification')]);
  header.font = { bold: true };
  for (const l of r.lines) {
    ws.addRow([l.position, subsidyTypeName(l.subsidyType, lang), euros(l.amountGrantedCents), euros(l.amountUsedCents), euros(l.amountGrantedCents - l.amountUsedCents), l.justification]);
  }
  const total = ws.addRow([t('export.total'), null, euros(r.totals.grantedCents), euros(r.totals.usedCents), euros(r.totals.grantedCents - r.totals.usedCents)]);
  total.font = { bold: true };
  for (const col of [3, 4, 5]) ws.getColumn(col).numFmt = AMOUNT_FORMAT;
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 48;
  for (const col of [3, 4, 5]) ws.getColumn(col).width = 18;
  ws.getColumn(6).width = 60;
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `${baseName(r)}.xlsx`, contentType: XLSX_TYPE, body };
}

// The PDF's standard fonts (Helvetica) encode WinAnsi (Latin-1 and the Windows-1252 extras, € included).
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch)) out += ch;
    else if (code === 0x202f || code === 0x2009) out += '\u00a0';
    else out += '?';
  }
  return out;
}

export async function toPdf(r: ExportableReport, lang: Language, createdAt: Date): Promise<ExportFile> {
  const t = (k: Parameters<typeof subsidyMessage>[0], p?: Record<string, string | number>) => winAnsi(subsidyMessage(k, lang, p));
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t('export.title', { year: r.year })} - ${winAnsi(nameOf(r, lang))}`, Author: 'OCMW Portal', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('Helvetica-Bold').fontSize(18).text(t('export.title', { year: r.year }), left, doc.page.margins.top);
  doc.moveDown(0.5);
  doc.fontSize(10);
  for (const [label, value] of headerRows(r, lang)) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(winAnsi(label), left, y, { width: 120 });
    doc.font('Helvetica').text(winAnsi(value) || '-', left + 125, y, { width: width - 125 });
  }
  doc.moveDown(1);

  // Columns: no., subsidy, granted, used, justification.
  const cols = [
    { w: 28, align: 'left' as const },
    { w: 132, align: 'left' as const },
    { w: 78, align: 'right' as const },
    { w: 78, align: 'right' as const },
    { w: width - 28 - 132 - 78 - 78, align: 'left' as const },
  ];
  const gap = 6;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]!.w - gap }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x, y + 3, { width: cols[i]!.w - gap, align: cols[i]!.align });
      x += cols[i]!.w;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = left;
    doc.y = y + h;
  };
  const header = [t('export.line'), t('export.type'), t('export.granted'), t('export.used'), t('export.justification')];
  drawRow(header, true);
  for (const l of r.lines) {
    if (doc.y + 20 > bottom()) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow([String(l.position), winAnsi(subsidyTypeName(l.subsidyType, lang)), formatCents(l.amountGrantedCents, lang), formatCents(l.amountUsedCents, lang), winAnsi(l.justification)], false);
  }
  drawRow([t('export.total'), '', formatCents(r.totals.grantedCents, lang), formatCents(r.totals.usedCents, lang), ''], true);

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(t('export.generated', { date: formatInstant(createdAt, lang) }), left, doc.y, { width });
  doc.end();
  await finished;
  return { filename: `${baseName(r)}.pdf`, contentType: 'application/pdf', body: Buffer.concat(chunks) };
}
