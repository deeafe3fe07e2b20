/**
 * An edge of the access module (issue 18): the exports of the user list and the audit log (R2.11,
 * R2.12) are written in the reader's language here. The management service describes a table
 * without words — column headers and statuses as messages, names that have a form per language
 * as LocalizedText — and the route renders it as CSV (UTF-8 with BOM) or XLSX.
 */
import { toCsv } from '../../domain/csv.js';
import { isMessage, pick, type Language, type LocalizedText, type Message } from '../../shared/i18n.js';
import { catalogue } from '../../messages.js';

/**
 * A cell as the domain says it: text as it is, a message, a name with a form per language, or a
 * list of those (written joined with ", ").
 */
export type Cell = string | Message | LocalizedText | readonly Cell[];

export interface ExportTable {
  /** The file name without extension (the same in every language). */
  basename: string;
  sheet: string | LocalizedText;
  header: Message[];
  rows: Cell[][];
  createdAt: Date;
  /** Issue 24: the persons the table shows (user id, INSZ), for the access log of the edge that sends it. */
  persons?: { id: string; insz: string | null }[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell (or a name) as text in the language; a name without that language's form is Dutch. */
export function textIn(value: Cell, lang: Language): string {
  if (typeof value === 'string') return value;
  if (isCellList(value)) return value.map((v) => textIn(v, lang)).join(', ');
  if (isMessage(value)) return catalogue.render(value, lang);
  return pick(value, lang);
}

function isCellList(value: Cell): value is readonly Cell[] {
  return Array.isArray(value);
}

/** The table as a file in the reader's language. */
export async function renderTable(table: ExportTable, format: 'csv' | 'xlsx', lang: Language): Promise<ExportFile> {
  const header = table.header.map((m) => textIn(m, lang));
  const rows = table.rows.map((r) => r.map((cell) => textIn(cell, lang)));
  if (format === 'csv') return { filename: `${table.basename}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv([header, ...rows]) };
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCMW Portal';
  wb.created = table.createdAt;
  const ws = wb.addWorksheet(textIn(table.sheet, lang));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = Math.min(60, Math.max(12, header[i]!.length + 2, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2)));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `${table.basename}.xlsx`, contentType: XLSX_TYPE, body: buffer };
}
