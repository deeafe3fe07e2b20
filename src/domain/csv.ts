import { stringify } from 'csv-stringify/sync';

/**
 * A cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, so Excel and LibreOffice show it as text (OWASP "CSV
 * injection"; issue 17, finding 4). Every other value is left as it is.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer of the portal: UTF-8 with a BOM and ";" so that Excel in a Belgian locale
 * opens it with its accents intact; every cell neutralised.
 */
export function toCsv(rows: string[][]): Buffer {
  const text = stringify(rows.map((r) => r.map(neutraliseCell)), { delimiter: ';' });
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
}
