import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/db.js';
import { findUserByUsername, type UserRow } from './access.repo.js';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes): R2.6 stores only these hashes. */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when password matches the hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random password, so that an unknown username costs as much as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
}

/**
 * A person (with a national number) whose own password is this one, or undefined. The development
 * identity provider signs in only such people, with the published demo password: a real person in
 * the same database is never reachable through it (issue 21).
 */
export async function personWithPassword(db: Db, username: string, password: string): Promise<(UserRow & { insz: string }) | undefined> {
  const user = await findUserByUsername(db, username);
  if (!user?.insz || !(await verifyPassword(user.passwordHash, password))) return undefined;
  return { ...user, insz: user.insz };
}
