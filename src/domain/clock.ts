import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The business clock (SPEC intro): one source of "today" for every module. `today` is a
 * calendar date (YYYY-MM-DD, Europe/Brussels) that can be fixed per process (`OCMW_TODAY`)
 * or, in test mode, per request (header `x-ocmw-today`). `now()` is wall time for what is
 * security rather than business (session expiry, lockouts) and is never overridden.
 */
export interface Clock {
  /** Business date, YYYY-MM-DD. */
  today(): string;
  /** The real calendar date in Brussels, YYYY-MM-DD (to tell the UI the business date differs). */
  realToday(): string;
  /** Wall-clock instant. */
  now(): Date;
  /** Runs fn with today fixed to date (request-scoped override). */
  runWithToday<T>(date: string, fn: () => T): T;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when s is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

// en-CA formats as YYYY-MM-DD. One formatter: building one costs ~100× a format call.
const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

let lastMinute = { minute: Number.NaN, date: '' };
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1892, 4, 1);

/**
 * Calendar date of an instant in Europe/Brussels. Formatting in a time zone is slow for a call
 * on every request, so the last minute's answer is kept: Brussels' offsets are whole hours, so a
 * calendar minute lies within one date.
 */
export function brusselsDate(instant: Date): string {
  // Before 1 May 1892 Brussels kept local mean time (+00:17:30): no memo for those instants.
  if (instant.getTime() < WHOLE_HOUR_OFFSETS_FROM) return BRUSSELS_DATE.format(instant);
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, date: BRUSSELS_DATE.format(instant) };
  return lastMinute.date;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a) for YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

export interface ClockOptions {
  /** Fixed business date for the whole process (OCMW_TODAY). */
  fixedToday?: string;
  /** Wall-clock source; tests inject one. */
  now?: () => Date;
}

export function createClock(options: ClockOptions = {}): Clock {
  if (options.fixedToday !== undefined && !isIsoDate(options.fixedToday)) {
    throw new Error(`Invalid fixed business date "${options.fixedToday}": use YYYY-MM-DD`);
  }
  const wall = options.now ?? (() => new Date());
  const override = new AsyncLocalStorage<string>();
  return {
    today: () => override.getStore() ?? options.fixedToday ?? brusselsDate(wall()),
    realToday: () => brusselsDate(wall()),
    now: () => wall(),
    runWithToday: (date, fn) => {
      if (!isIsoDate(date)) throw new Error(`Invalid business date "${date}"`);
      return override.run(date, fn);
    },
  };
}

/**
 * The current instant moved onto the business date (same time of day), for business records
 * (filing, receipt, reading) when the date is fixed for a demo or a test; the real instant
 * otherwise.
 */
export function businessNow(clock: Clock): Date {
  const now = clock.now();
  const today = clock.today();
  const shift = daysBetween(clock.realToday(), today);
  if (shift === 0) return now;
  let at = new Date(now.getTime() + shift * 86_400_000);
  // A shift across a daylight-saving change can land an hour off the business date.
  if (brusselsDate(at) > today) at = new Date(at.getTime() - 3_600_000);
  else if (brusselsDate(at) < today) at = new Date(at.getTime() + 3_600_000);
  return at;
}
