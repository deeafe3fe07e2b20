import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { domains, organisations } from '../db/schema.js';
import { hashPassword } from '../modules/access/index.js';
import { channelsRepo } from '../modules/channels/index.js';

export { DEMO_SFTP } from './demo-credentials.js';
import { DEMO_SFTP } from './demo-credentials.js';

/**
 * Gives OCMW Antwerpen's Maatschappelijk Welzijn domain an SFTP account with "Mutaties
 * RijksRegister", so the demo's daily mutation files can be fetched at once. Only at a real demo
 * start (bootstrap), never in the tests' template database, whose tests create their own accounts.
 */
export async function seedDemoFileChannel(db: Db, passwordHash?: Promise<string>): Promise<void> {
  const [domain] = await db
    .select({ id: domains.id })
    .from(domains)
    .innerJoin(organisations, eq(organisations.id, domains.organisationId))
    .where(and(eq(domains.code, 'MW'), sql`${organisations.nameNl} = 'OCMW Antwerpen'`));
  if (!domain) return;
  await channelsRepo.insertAccount(db, {
    domainId: domain.id,
    kind: 'SFTP',
    name: 'Bestandskanaal demo',
    permissions: ['mutaties-rijksregister', 'mediprima-afrekening', 'novaprima-waarschuwingen'],
    username: DEMO_SFTP.username,
    passwordHash: await (passwordHash ?? hashPassword(DEMO_SFTP.password)),
  });
}
