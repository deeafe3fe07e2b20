import { sql, type SQL } from 'drizzle-orm';

/**
 * One login attempt, reserved atomically on a row with `failed_attempts` and `locked_until`
 * (people: users; FTP channels: channel_accounts). The attempt is counted before the password is
 * checked, so parallel guesses get no extra tries: `set` counts it (and locks at the
 * maxFailures-th, or starts afresh once a lock has run out), `open` is the condition that the
 * row may try at all. The caller resets both columns after a right password.
 */
export function loginAttempt(now: Date, maxFailures: number, lockMinutes: number): { set: SQL; open: SQL } {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockRanOut = sql`locked_until is not null and locked_until <= ${at}`;
  return {
    set: sql`failed_attempts = case when ${lockRanOut} then 1 else failed_attempts + 1 end,
             locked_until = case
               when ${lockRanOut} then null
               when failed_attempts + 1 >= ${maxFailures} then ${at} + make_interval(mins => ${lockMinutes})
               else locked_until end`,
    open: sql`(failed_attempts < ${maxFailures} or ${lockRanOut})`,
  };
}
