/**
 * Reading the region's HTB file (R1.6, R2.14): one row per merging OCMW with its KBO, the
 * merged OCMW's KBO and the HTB's INSZ, surname, first name and e-mail. This part only turns an
 * .xlsx into rows and checks each row on its own; the service checks them against the data.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { validateInsz, validateKbo } from '../../shared/identifiers.js';
import { zipProblem } from '../../domain/zip-archive.js';

export const HTB_COLUMNS = [
  { key: 'sourceKbo', header: 'KBO fuserend OCMW', aliases: ['kbo fuserend ocmw', 'kbo ocmw', 'source kbo', 'kbo source'] },
  { key: 'targetKbo', header: 'KBO fusie-OCMW', aliases: ['kbo fusie-ocmw', 'kbo fusie ocmw', 'target kbo', 'kbo target'] },
  { key: 'insz', header: 'INSZ HTB', aliases: ['insz htb', 'insz', 'niss'] },
  { key: 'surname', header: 'Naam', aliases: ['naam', 'surname', 'nom'] },
  { key: 'firstName', header: 'Voornaam', aliases: ['voornaam', 'first name', 'prénom', 'prenom'] },
  { key: 'email', header: 'E-mailadres', aliases: ['e-mailadres', 'e-mail', 'email', 'e-mail adres'] },
] as const;

export type HtbColumn = (typeof HTB_COLUMNS)[number]['key'];
export type RawHtbRow = { row: number } & Record<HtbColumn, string>;

export const MAX_HTB_FILE_BYTES = 2 * 1024 * 1024;
/** What the workbook may unpack to: far above a real HTB file, far below what hurts the server. */
export const MAX_HTB_UNPACKED_BYTES = 32 * 1024 * 1024;

export type ParseResult =
  | { ok: true; rows: RawHtbRow[] }
  | { ok: false; problem: 'import.not_xlsx' | 'import.columns' | 'import.empty' | 'import.too_large' | 'import.unpacked_too_large' };

/** Issue 20: exceljs (≈ 0.25 s and 30 MiB to load) only when a workbook is read or written. */
async function exceljs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value && value.result !== undefined) return String(value.result).trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** Parses the first worksheet; the header row may use the Dutch headers or their aliases. */
export async function parseHtbWorkbook(buffer: Buffer): Promise<ParseResult> {
  if (buffer.length > MAX_HTB_FILE_BYTES) return { ok: false, problem: 'import.too_large' };
  // An .xlsx is a zip archive: refuse anything else before handing it to the parser.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) return { ok: false, problem: 'import.not_xlsx' };
  // The parser unpacks every entry in memory: refuse a zip bomb before it does.
  const zip = zipProblem(buffer, { maxEntries: 1000, maxUnpackedBytes: MAX_HTB_UNPACKED_BYTES });
  if (zip === 'not_zip') return { ok: false, problem: 'import.not_xlsx' };
  if (zip) return { ok: false, problem: 'import.unpacked_too_large' };
  const wb = new (await exceljs()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: 'import.not_xlsx' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, problem: 'import.empty' };
  const header = ws.getRow(1);
  const positions = new Map<HtbColumn, number>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    const column = HTB_COLUMNS.find((c) => c.header.toLowerCase() === text || (c.aliases as readonly string[]).includes(text));
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  if (positions.size !== HTB_COLUMNS.length) return { ok: false, problem: 'import.columns' };
  const rows: RawHtbRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = Object.fromEntries(HTB_COLUMNS.map((c) => [c.key, cellText(row.getCell(positions.get(c.key)!).value)])) as Record<HtbColumn, string>;
    if (Object.values(values).every((v) => v === '')) return;
    rows.push({ row: rowNumber, ...values });
  });
  if (rows.length === 0) return { ok: false, problem: 'import.empty' };
  return { ok: true, rows };
}

export interface CheckedRow {
  row: number;
  sourceKbo: string;
  targetKbo: string;
  insz: string;
  surname: string;
  firstName: string;
  email: string;
  /** Message keys with params: what is wrong with this row on its own. */
  problems: { key: string; params?: Record<string, string> }[];
}

const email = z.email();

/** Checks one row on its own: identifiers (R0.1, R0.2), names and e-mail; normalises them. */
export function checkHtbRow(raw: RawHtbRow): CheckedRow {
  const problems: CheckedRow['problems'] = [];
  const source = validateKbo(raw.sourceKbo);
  const target = validateKbo(raw.targetKbo);
  const insz = validateInsz(raw.insz);
  if (!source.valid) problems.push(...source.errors.map((key) => ({ key, params: { field: 'KBO fuserend OCMW' } })));
  if (!target.valid) problems.push(...target.errors.map((key) => ({ key, params: { field: 'KBO fusie-OCMW' } })));
  if (!insz.valid) problems.push(...insz.errors.map((key) => ({ key })));
  if (!raw.surname || !raw.firstName) problems.push({ key: 'import.name_required' });
  if (!email.safeParse(raw.email).success) problems.push({ key: 'import.email' });
  return {
    row: raw.row,
    sourceKbo: source.valid ? source.normalized : raw.sourceKbo,
    targetKbo: target.valid ? target.normalized : raw.targetKbo,
    insz: insz.valid ? insz.normalized : raw.insz,
    surname: raw.surname,
    firstName: raw.firstName,
    email: raw.email,
    problems,
  };
}

/** Builds an .xlsx in the expected format (the example file, tests, and a template to download). */
export async function buildHtbWorkbook(rows: Omit<RawHtbRow, 'row'>[]): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = 'OCMW Portal';
  const ws = wb.addWorksheet('HTB');
  ws.addRow(HTB_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(HTB_COLUMNS.map((c) => r[c.key]));
  ws.columns.forEach((c) => {
    c.width = 24;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
