/**
 * Who files the Uniek verslag of which subsidy year, and when (SPEC R10.2, R7.2, R8.1). Pure:
 * the organisation's merger facts, the year and the business date in; a decision with a stable
 * reason key out (texts in subsidy-report-messages.ts; `reasonMessage` makes the message an edge renders).
 *
 * The rules, in the order they are checked:
 *  (a) a disappearing OCMW files the years up to and including the last year before its
 *      merger's effective date (2024 for the 2025 mergers); later years are filed by the
 *      merged OCMW — `subsidy.year.disappeared`;
 *  (b) a new merged OCMW (scenario 1) files from the year of the effective date (2025, filed in
 *      February 2026); the earlier years each former OCMW files itself, logged in as that OCMW —
 *      `subsidy.year.before_merger`;
 *  (c) an OCMW that keeps its KBO (scenarios 2 and 3) files every year as before: up to the
 *      merger for its own part (with a note saying so), from then on for the merged whole;
 *  (d) a year before the organisation existed, or after it ceased without a merger, is refused
 *      (`subsidy.year.before_existence`, `subsidy.year.after_existence`), and so is a year that
 *      is not over yet: year Y is filed in Y+1 (`subsidy.year.not_closed`);
 *  (e) submitting is possible only inside the filing window of the year: by default 1 to 28/29
 *      February of Y+1. Drafts may be created and edited before the window; a late submission
 *      is refused (`subsidy.window.not_open`, `subsidy.window.closed`).
 *
 * [choice] When an effective date is not 1 January, the year in which the merger takes effect
 * belongs to the merged OCMW (it exists at the year's end and when the report is filed): every
 * subsidy year is then filed exactly once, never twice and never by nobody. For the seed mergers
 * (1 January 2025) this is "last full year before" = 2024 and "first full year after" = 2025.
 */
import { LANGUAGES, type Language, type LocalizedText, type Message } from '../../shared/i18n.js';
import { formatDate, formatList, subsidyMessage, subsidyMessages, type SubsidyMessageKey } from './subsidy-report-messages.js';

export interface Names {
  nl: string;
  fr: string;
  de: string;
}

export interface OrganisationRef {
  id: string;
  name: Names;
}

/** What the rules need to know about an organisation. */
export interface FilingFacts {
  organisation: OrganisationRef & { validFrom: string; validTo: string | null };
  /** Set when the organisation is a disappearing source of a merger (its target is another organisation). */
  disappearsInto?: { effectiveDate: string; successor: OrganisationRef };
  /** The mergers of which the organisation is the target. */
  mergedFrom: {
    effectiveDate: string;
    /** True for scenario 1 (a new organisation); false when the organisation kept its KBO (scenarios 2, 3). */
    isNewOrganisation: boolean;
    /** The other merging OCMWs (the target itself left out). */
    otherSources: OrganisationRef[];
  }[];
  /** R10.2′: years whose filing window a platform administrator reopened for the organisation, with the last day. */
  reopenedUntil?: Record<number, string>;
}

/**
 * The filing window of a year, as month-day of the following year [choice: configurable].
 * `endMonthDay` may be `MM-end` (the month's last day); a day past the month's end is clamped.
 */
export interface FilingWindow {
  startMonthDay: string;
  endMonthDay: string;
}

export const DEFAULT_FILING_WINDOW: FilingWindow = { startMonthDay: '02-01', endMonthDay: '02-end' };

export type WindowState = 'before' | 'open' | 'closed';

export interface Reason {
  key: Extract<SubsidyMessageKey, `subsidy.${'year' | 'window' | 'note'}.${string}`>;
  year: number;
  organisation: Names;
  successor?: Names;
  sources?: Names[];
  effectiveDate?: string;
  firstYear?: number;
  lastYear?: number;
  validFrom?: string;
  validTo?: string;
  window?: { from: string; to: string };
}

export type FilingDecision =
  | { allowed: true; year: number; window: { from: string; to: string }; note?: Reason }
  | { allowed: false; year: number; window: { from: string; to: string }; reason: Reason };

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]|end)$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function resolveMonthDay(year: number, monthDay: string): string {
  const m = MONTH_DAY.exec(monthDay);
  if (!m) throw new Error(`Invalid filing window day "${monthDay}": use MM-DD or MM-end`);
  const month = Number(m[1]);
  const last = daysInMonth(year, month);
  const day = m[2] === 'end' ? last : Math.min(Number(m[2]), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Checks a window once (at start-up): both ends valid and the start not after the end. */
export function assertFilingWindow(window: FilingWindow): FilingWindow {
  // The report of 2023 is filed in 2024, a leap year: 02-29 is then a real day while checking the order.
  const { from, to } = filingWindow(2023, window);
  if (from > to) throw new Error(`Invalid filing window ${window.startMonthDay}…${window.endMonthDay}: the start is after the end`);
  return window;
}

/** How a filing window is written in the configuration (`OCMW_SUBSIDY_WINDOW`): `MM-DD..MM-DD`, the end may be `MM-end`. */
export const FILING_WINDOW_FORMAT = 'MM-DD..MM-DD (the end may be MM-end, the last day of that month), e.g. 02-01..02-end';

/**
 * Reads a window as the configuration writes it (`02-01..02-end`, `01-15..03-31`): both ends in
 * the year after the subsidy year, the start not after the end. Returns the problem in English
 * (for the start-up error list) when the text is not such a window.
 */
export function parseFilingWindow(text: string): { ok: true; window: FilingWindow } | { ok: false; problem: string } {
  const parts = text.trim().split('..');
  if (parts.length !== 2) return { ok: false, problem: `"${text}" is not a window: write ${FILING_WINDOW_FORMAT}` };
  const [startMonthDay, endMonthDay] = parts.map((p) => p.trim().toLowerCase()) as [string, string];
  for (const [which, value] of [['start', startMonthDay], ['end', endMonthDay]] as const) {
    const m = MONTH_DAY.exec(value);
    if (!m) return { ok: false, problem: `the ${which} "${value}" is not a day: write ${FILING_WINDOW_FORMAT}` };
    // 02-29 exists in leap years (and means the month's last day otherwise); 02-30 or 04-31 never do.
    if (m[2] !== 'end' && Number(m[2]) > daysInMonth(2024, Number(m[1]))) {
      return { ok: false, problem: `the ${which} "${value}" is not a day of that month` };
    }
  }
  if (startMonthDay.endsWith('-end')) return { ok: false, problem: `the start "${startMonthDay}" must be a day (MM-DD); only the end may be MM-end` };
  const window = { startMonthDay, endMonthDay };
  // The report of 2023 is filed in 2024, a leap year: 02-29 is then a real day while checking the order.
  const { from, to } = filingWindow(2023, window);
  if (from > to) return { ok: false, problem: `the start ${startMonthDay} is after the end ${endMonthDay}: the window lies within one calendar year` };
  return { ok: true, window };
}

/**
 * The dates (inclusive) between which the report of `year` can be submitted: in year + 1; R10.2′:
 * up to `reopenedUntil` when a platform administrator reopened it for the OCMW (never shorter).
 */
export function filingWindow(year: number, window: FilingWindow = DEFAULT_FILING_WINDOW, reopenedUntil?: string | null): { from: string; to: string } {
  const to = resolveMonthDay(year + 1, window.endMonthDay);
  return { from: resolveMonthDay(year + 1, window.startMonthDay), to: reopenedUntil && reopenedUntil > to ? reopenedUntil : to };
}

export function windowState(year: number, today: string, window: FilingWindow = DEFAULT_FILING_WINDOW, reopenedUntil?: string | null): WindowState {
  const w = filingWindow(year, window, reopenedUntil);
  return today < w.from ? 'before' : today > w.to ? 'closed' : 'open';
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The first subsidy year that a merger's target files for the merged whole (see the [choice] above). */
export function firstYearOfMergedOcmw(effectiveDate: string): number {
  return yearOf(effectiveDate);
}

/** The last subsidy year a disappearing OCMW files itself. */
export function lastYearOfDisappearingOcmw(effectiveDate: string): number {
  return firstYearOfMergedOcmw(effectiveDate) - 1;
}

/** Rules (a)–(d): may this organisation file (create, and later submit) its report of `year`? */
export function decideYear(facts: FilingFacts, year: number, today: string, window: FilingWindow = DEFAULT_FILING_WINDOW): FilingDecision {
  const w = filingWindow(year, window);
  const org = facts.organisation;
  const refuse = (reason: Omit<Reason, 'year' | 'organisation'>): FilingDecision => ({
    allowed: false,
    year,
    window: w,
    reason: { year, organisation: org.name, ...reason },
  });

  // (a) the merged OCMW files from its first year on.
  const gone = facts.disappearsInto;
  if (gone && year >= firstYearOfMergedOcmw(gone.effectiveDate)) {
    return refuse({
      key: 'subsidy.year.disappeared',
      successor: gone.successor.name,
      effectiveDate: gone.effectiveDate,
      lastYear: lastYearOfDisappearingOcmw(gone.effectiveDate),
      firstYear: firstYearOfMergedOcmw(gone.effectiveDate),
    });
  }
  // (b) a new organisation: the years before it are the former OCMWs' own.
  const creation = facts.mergedFrom
    .filter((m) => m.isNewOrganisation)
    .sort((x, y) => x.effectiveDate.localeCompare(y.effectiveDate))[0];
  if (creation && year < firstYearOfMergedOcmw(creation.effectiveDate)) {
    return refuse({
      key: 'subsidy.year.before_merger',
      sources: creation.otherSources.map((s) => s.name),
      effectiveDate: creation.effectiveDate,
      firstYear: firstYearOfMergedOcmw(creation.effectiveDate),
    });
  }
  // (d) existence and a closed year.
  if (year < yearOf(org.validFrom)) return refuse({ key: 'subsidy.year.before_existence', validFrom: org.validFrom });
  if (org.validTo && `${year}-01-01` >= org.validTo) return refuse({ key: 'subsidy.year.after_existence', validTo: org.validTo });
  if (year >= yearOf(today)) return refuse({ key: 'subsidy.year.not_closed', window: w });

  // Allowed: say so when this is a last report, or a keeper's own part before its merger (c).
  let note: Reason | undefined;
  if (gone && year === lastYearOfDisappearingOcmw(gone.effectiveDate)) {
    note = { key: 'subsidy.note.last_report', year, organisation: org.name, successor: gone.successor.name, firstYear: firstYearOfMergedOcmw(gone.effectiveDate) };
  } else {
    const kept = facts.mergedFrom.find((m) => !m.isNewOrganisation && year === lastYearOfDisappearingOcmw(m.effectiveDate));
    if (kept) {
      note = {
        key: kept.otherSources.length === 1 ? 'subsidy.note.own_part_one' : 'subsidy.note.own_part_many',
        year,
        organisation: org.name,
        sources: kept.otherSources.map((s) => s.name),
        firstYear: firstYearOfMergedOcmw(kept.effectiveDate),
      };
    }
  }
  return { allowed: true, year, window: w, ...(note ? { note } : {}) };
}

/** Rule (e): may a report of `year` be submitted today? Undefined when it may. */
export function decideSubmission(year: number, organisation: Names, today: string, window: FilingWindow = DEFAULT_FILING_WINDOW, reopenedUntil?: string | null): Reason | undefined {
  const w = filingWindow(year, window, reopenedUntil);
  const state = windowState(year, today, window, reopenedUntil);
  if (state === 'open') return undefined;
  return { key: state === 'before' ? 'subsidy.window.not_open' : 'subsidy.window.closed', year, organisation, window: w };
}

/** A value written out for each portal language (names, long dates, lists), for a message parameter. */
function perLanguage(write: (lang: Language) => string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((l) => [l, write(l)])) as unknown as LocalizedText;
}

const nameIn = (n: Names, lang: Language) => (lang === 'fr' ? n.fr : lang === 'de' ? n.de : n.nl);
const names = (n: Names) => perLanguage((l) => nameIn(n, l));
const longDate = (date: string) => perLanguage((l) => formatDate(date, l));

/**
 * The reason (or note) as a message (issue 18): a key and its parameters, each name, list and date
 * already written for every language ("1 februari 2025", "A en B"), rendered at the edge.
 */
export function reasonMessage(reason: Reason): Message {
  return subsidyMessages.msg(reason.key, {
    year: reason.year,
    organisation: names(reason.organisation),
    ...(reason.successor ? { successor: names(reason.successor) } : {}),
    ...(reason.sources ? { sources: perLanguage((l) => formatList(reason.sources!.map((s) => nameIn(s, l)), l)) } : {}),
    ...(reason.effectiveDate ? { effectiveDate: longDate(reason.effectiveDate) } : {}),
    ...(reason.firstYear !== undefined ? { firstYear: reason.firstYear } : {}),
    ...(reason.lastYear !== undefined ? { lastYear: reason.lastYear } : {}),
    ...(reason.validFrom ? { validFrom: longDate(reason.validFrom) } : {}),
    ...(reason.validTo ? { validTo: longDate(reason.validTo) } : {}),
    ...(reason.window ? { from: longDate(reason.window.from), to: longDate(reason.window.to) } : {}),
  });
}

/** The reason (or note) as a sentence in the language (tests, and edges without the composed catalogue). */
export function describe(reason: Reason, lang: Language): string {
  return subsidyMessage(reason.key, lang, reasonMessage(reason).params);
}
