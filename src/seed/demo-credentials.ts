import { hashPassword } from '../modules/access/index.js';

/** The one password of every demo login (README, the start-up lines). Only ever in demo data. */
export const DEMO_PASSWORD = 'Demo-Portaal-2025!';

/** Issue 23: the demo's SFTP account of OCMW Antwerpen (README: fetching its daily files with sftp and curl). */
export const DEMO_SFTP = { username: 'antwsftp', password: 'Sftp-Demo-25!' } as const;

/**
 * The demo passwords' argon2id hashes (R2.6), started before the database is opened: argon2 runs
 * on libuv's thread pool, so on a first start its ~50 ms per hash overlap the embedded database's
 * start on the main thread instead of adding to it (issue 20: the first start to ready).
 */
export function hashDemoPasswords(): { people: Promise<string>; sftp: Promise<string> } {
  const people = hashPassword(DEMO_PASSWORD);
  const sftp = hashPassword(DEMO_SFTP.password);
  // A start that finds data already there never awaits them.
  people.catch(() => undefined);
  sftp.catch(() => undefined);
  return { people, sftp };
}
