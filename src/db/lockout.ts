import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db.js';

/**
 * Login throttling (issue 17, finding 7), shared by people's login and the FTP channels' HTTP
 * Basic: failures are counted per account name AND source address in `login_throttles`, whether
 * or not the account exists, so the answer never tells a real name from an unknown one. The first
 * `maxFailures - 1` wrong passwords cost nothing; from the maxFailures-th on, each failure closes
 * that pair for a delay that doubles from `delaySeconds` up to `maxDelayMinutes`. Another source
 * (the real user at their desk) is not held back. A right password clears the pair; a quiet day
 * forgives it.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  delaySeconds: number;
  maxDelayMinutes: number;
}

/** The row key of one account name (case-insensitive) from one source; hashed so the table holds no names or addresses. */
export function throttleKey(kind: 'person' | 'channel', name: string, source: string): string {
  return createHash('sha256').update(`${kind}\n${name.toLowerCase()}\n${source}`).digest('hex');
}

/**
 * Reserves one attempt atomically, before the password is checked (parallel guesses get no extra
 * tries). Returns the seconds to wait when the pair is closed, or 0 when the attempt may go on.
 */
export async function reserveAttempt(db: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const count = sql`(case when t.last_attempt_at < ${at} - interval '1 day' then 1 else t.failed_attempts + 1 end)`;
  const lockFor = (n: SQL) =>
    sql`case when ${n} >= ${policy.maxFailures}
          then ${at} + make_interval(secs => least(${policy.delaySeconds} * power(2, least(${n} - ${policy.maxFailures}, 30)), ${policy.maxDelayMinutes * 60}))
          else null end`;
  const reserved = await queryRows<{ n: number }>(
    db,
    sql`insert into login_throttles as t (key, failed_attempts, locked_until, last_attempt_at)
        values (${key}, 1, ${lockFor(sql`1`)}, ${at})
        on conflict (key) do update set failed_attempts = ${count}, locked_until = ${lockFor(count)}, last_attempt_at = ${at}
        where t.locked_until is null or t.locked_until <= ${at}
        returning failed_attempts as n`,
  );
  if (reserved.length > 0) return 0;
  const [row] = await queryRows<{ wait: number }>(
    db,
    sql`select greatest(1, ceil(extract(epoch from (locked_until - ${at}))))::int as wait from login_throttles where key = ${key}`,
  );
  return row?.wait ?? 1;
}

/** Forgets the pair's failures (after a right password). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from login_throttles where key = ${key}`);
}

/** Drops pairs quiet for a day (housekeeping); returns how many. */
export async function purgeQuietThrottles(db: Db, now: Date): Promise<number> {
  const rows = await queryRows<{ key: string }>(db, sql`delete from login_throttles where last_attempt_at < ${now.toISOString()}::timestamptz - interval '1 day' returning key`);
  return rows.length;
}
