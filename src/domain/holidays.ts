import { addDays, isIsoDate } from './clock.js';

/** A holiday's name in the four portal languages. */
export interface HolidayName {
  nl: string;
  fr: string;
  de: string;
  en: string;
}

/** One Belgian legal public holiday on a given date (YYYY-MM-DD). */
export interface LegalHoliday {
  date: string;
  name: HolidayName;
}

/** First year of the Gregorian calendar's computus (the reform of October 1582). */
const FIRST_YEAR = 1583;
/** Last year that still fits a four-digit YYYY-MM-DD date. */
const LAST_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Invalid date "${date}": use YYYY-MM-DD`);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Gregorian Easter Sunday of a year (1583–9999) as YYYY-MM-DD; throws RangeError outside that range. */
export function easterSunday(year: number): string {
  assertYear(year);
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The ten Belgian legal public holidays of a year (1583–9999), sorted by date; throws RangeError outside that range. */
export function belgianLegalHolidays(year: number): LegalHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => isoDate(year, month, day);
  const holidays: LegalHoliday[] = [
    { date: fixed(1, 1), name: { nl: 'Nieuwjaar', fr: 'Nouvel An', de: 'Neujahr', en: "New Year's Day" } },
    { date: addDays(easter, 1), name: { nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' } },
    { date: fixed(5, 1), name: { nl: 'Dag van de Arbeid', fr: 'Fête du Travail', de: 'Tag der Arbeit', en: 'Labour Day' } },
    {
      date: addDays(easter, 39),
      name: { nl: 'Onze-Lieve-Heer-Hemelvaart', fr: 'Ascension', de: 'Christi Himmelfahrt', en: 'Ascension Day' },
    },
    { date: addDays(easter, 50), name: { nl: 'Pinkstermaandag', fr: 'Lundi de Pentecôte', de: 'Pfingstmontag', en: 'Whit Monday' } },
    { date: fixed(7, 21), name: { nl: 'Nationale feestdag', fr: 'Fête nationale', de: 'Nationalfeiertag', en: 'Belgian National Day' } },
    {
      date: fixed(8, 15),
      name: { nl: 'Onze-Lieve-Vrouw-Hemelvaart', fr: 'Assomption', de: 'Mariä Himmelfahrt', en: 'Assumption Day' },
    },
    { date: fixed(11, 1), name: { nl: 'Allerheiligen', fr: 'Toussaint', de: 'Allerheiligen', en: "All Saints' Day" } },
    { date: fixed(11, 11), name: { nl: 'Wapenstilstand', fr: 'Armistice', de: 'Waffenstillstand', en: 'Armistice Day' } },
    { date: fixed(12, 25), name: { nl: 'Kerstmis', fr: 'Noël', de: 'Weihnachten', en: 'Christmas Day' } },
  ];
  // Ascension can fall on 30 April or on 1 May (Easter on 22 or 23 March, e.g. 2008): sort, and
  // keep both entries when it coincides with Labour Day.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** True when date (YYYY-MM-DD, year 1583–9999) is a Belgian legal public holiday; throws RangeError on an invalid date. */
export function isBelgianLegalHoliday(date: string): boolean {
  assertDate(date);
  return belgianLegalHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** True when date (YYYY-MM-DD) is a Monday to Friday that is not a Belgian legal holiday; throws RangeError on an invalid date. */
export function isWorkingDay(date: string): boolean {
  assertDate(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBelgianLegalHoliday(date);
}

/**
 * The receipt date of a request filed on filedOn (R6.10): the filing day when it is a working day, else the next working day; throws RangeError on an invalid date.
 */
export function receiptDate(filedOn: string): string {
  assertDate(filedOn);
  let day = filedOn;
  // Short loop: the longest run of non-working days is four (Ascension on Thursday 30 April,
  // Labour Day, a weekend — Easter on 22 March, as in 1818 and 2285).
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
