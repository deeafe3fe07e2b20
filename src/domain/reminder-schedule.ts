import { brusselsDate, daysBetween, isIsoDate } from './clock.js';

/** What decides whether an OCMW gets a reminder for one request on one day (R6.5). */
export interface ReminderDueInput {
  /** Day s the request was filed (`reminderStartDay`), YYYY-MM-DD — not its receipt date (R6.5′). */
  submittedOn: string;
  /** Day d the reminders run for, YYYY-MM-DD. */
  day: string;
  /** Days after submission before the first reminder (positive integer). */
  delayDays: number;
  /** Days between two reminders (positive integer). */
  frequencyDays: number;
  /** Whether the OCMW has marked the request read (R6.6): read requests get no reminders. */
  read: boolean;
}

/**
 * True when an unread request submitted on s is due for a reminder on day d (R6.5): `d - s >= delay` and `(d - s - delay) mod frequency == 0`; throws RangeError on an invalid date or a delay/frequency that is not a positive integer.
 *
 * This is the reference rule. The service evaluates the same rule set-based in SQL, with
 * d and s as `date` values (so `d - s` is a whole number of days) and the OCMW's settings:
 * `(d - s) >= delay and ((d - s) - delay) % frequency = 0` (plus `read = false`). The first
 * condition keeps the modulo's operand non-negative, so SQL's sign-following `%` agrees.
 */
export function isReminderDue(input: ReminderDueInput): boolean {
  const { submittedOn, day, delayDays, frequencyDays, read } = input;
  if (!isIsoDate(submittedOn)) throw new RangeError(`Invalid submission date "${submittedOn}": use YYYY-MM-DD`);
  if (!isIsoDate(day)) throw new RangeError(`Invalid day "${day}": use YYYY-MM-DD`);
  if (!Number.isInteger(delayDays) || delayDays < 1) {
    throw new RangeError(`Reminder delay must be a positive whole number of days, got ${delayDays}`);
  }
  if (!Number.isInteger(frequencyDays) || frequencyDays < 1) {
    throw new RangeError(`Reminder frequency must be a positive whole number of days, got ${frequencyDays}`);
  }
  if (read) return false;
  const elapsed = daysBetween(submittedOn, day);
  return elapsed >= delayDays && (elapsed - delayDays) % frequencyDays === 0;
}

/**
 * R6.5′: the day the reminder delay counts from — the calendar day (in Brussels) the request was
 * filed, "na de verzenddatum/datum van indiening". Not the receipt date (R6.10), which moves a
 * request filed on a weekend or legal holiday to the next working day. The database keeps the
 * same day as the generated column `help_requests.filed_on`.
 */
export function reminderStartDay(filedAt: Date): string {
  if (Number.isNaN(filedAt.getTime())) throw new RangeError('Invalid filing instant');
  return brusselsDate(filedAt);
}
