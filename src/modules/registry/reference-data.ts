import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * Reads the reference data shipped in data/ (sources in data/README.md): REFNIS municipalities
 * with validity, the 2025 municipality successions and the postcode list. Pure file parsing;
 * the registry repository loads the result into the database.
 */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

export interface MunicipalityRow {
  nis: string;
  validFrom: string;
  validTo: string | null;
  nameNl: string;
  nameFr: string;
  nameDe: string;
}
export interface SuccessionRow {
  oldNis: string;
  newNis: string;
  effectiveDate: string;
}
export interface PostcodeRow {
  postcode: string;
  nis: string;
}
export interface ReferenceData {
  municipalities: MunicipalityRow[];
  successions: SuccessionRow[];
  postcodes: PostcodeRow[];
}

// The REFNIS list starts its validity periods on 2019-01-01; older history is not in the data.
const HISTORY_START = '2019-01-01';
const OPEN_END = '9999-12-31';

const REFERENCE_FILES = ['refnis_2025_mergers.csv', 'refnis_2025_belgif.csv', 'be_postal_codes_2025.csv'];

/**
 * Issue 20: the version of the shipped reference data without parsing it: a hash of the data
 * files and of this module's own code (which turns them into rows), so a changed file or a
 * changed reading of it is a new version. Every start compares it with the version loaded last;
 * parsing the files (≈ 150 ms) happens only when they differ.
 */
export function referenceDataVersion(): string {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of REFERENCE_FILES) hash.update(file).update(readFileSync(path.join(DATA_DIR, file)));
  return hash.digest('hex');
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DATA_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true });
}

/** Builds municipalities (with validity), successions and postcodes from the data files. */
export function loadReferenceData(): ReferenceData {
  const mergerRows = readCsv('refnis_2025_mergers.csv');
  const successions: SuccessionRow[] = mergerRows
    .filter((r) => r.old_nis !== r.new_nis)
    .map((r) => ({ oldNis: r.old_nis!, newNis: r.new_nis!, effectiveDate: r.old_end_date! }));
  // A new code starts on the day its predecessors end; the belgif draft has wrong start dates
  // for some of them (flagged in our_flag), so the succession date wins.
  const newCodeStart = new Map(successions.map((s) => [s.newNis, s.effectiveDate]));

  const municipalities: MunicipalityRow[] = [];
  for (const r of readCsv('refnis_2025_belgif.csv')) {
    if (r.level !== 'municipality' || r.our_flag?.startsWith('STALE')) continue;
    const start = newCodeStart.get(r.nis_code!) ?? r.start_date!;
    const end = newCodeStart.has(r.nis_code!) || r.end_date === OPEN_END ? null : r.end_date!;
    municipalities.push({
      nis: r.nis_code!,
      validFrom: start,
      validTo: end,
      nameNl: r.name_nl!,
      nameFr: r.name_fr!,
      nameDe: r.name_de!,
    });
  }
  // The merged municipalities themselves, ending on their merger date. A code that was kept
  // (Antwerpen 11002) gets a second period: same code, other territory.
  for (const r of mergerRows) {
    municipalities.push({
      nis: r.old_nis!,
      validFrom: HISTORY_START,
      validTo: r.old_end_date!,
      nameNl: r.old_name_nl!,
      nameFr: r.old_name_fr!,
      nameDe: r.old_name_de!,
    });
  }

  const postcodes = readCsv('be_postal_codes_2025.csv').map((r) => ({ postcode: r.postal_code!, nis: r.nis_code! }));
  return { municipalities, successions, postcodes };
}

export interface SeedMergerRow {
  mergerName: string;
  scenario: number;
  sourceName: string;
  sourceNis: string;
  targetName: string;
  targetNis: string;
  sourceKeepsKbo: boolean;
  effectiveDate: string;
}

/** Parses a merger list in the format of data/mergers-2025.csv (one row per merging OCMW). */
export function parseMergerCsv(text: string): SeedMergerRow[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((r) => ({
    mergerName: r.merger_nl ?? '',
    scenario: Number(r.scenario),
    sourceName: r.source_name_nl ?? '',
    sourceNis: r.source_nis ?? '',
    targetName: r.target_name_nl ?? '',
    targetNis: r.target_nis ?? '',
    sourceKeepsKbo: (r.source_keeps_kbo ?? '').toLowerCase() === 'yes',
    effectiveDate: r.effective_date ?? '',
  }));
}

export function readSeedMergers(): SeedMergerRow[] {
  return parseMergerCsv(readFileSync(path.join(DATA_DIR, 'mergers-2025.csv'), 'utf8'));
}
