import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db.js';
import { migrateDatabase } from '../db/migrate.js';
import { createClock } from '../domain/clock.js';
import { createServices } from '../services.js';
import { seedDemo } from './demo.js';

// R7.6: the demo must start with the business clock before a merger date (OCMW_TODAY=2024-12-01),
// and its vendor certificate must then work on the vendor port, which checks validity on the
// business clock. The seed's own logic is under test here, so one fresh embedded database does.

const dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo seed on another business date', () => {
  it.each(['2024-12-01', '2025-12-31'])('seeds at %s with a demo vendor certificate valid on that date', async (today) => {
    const database = await openDatabase({});
    try {
      await migrateDatabase(database);
      const clock = createClock({ fixedToday: today });
      const services = createServices({ db: database.db, clock, config: { sessionHours: 8, loginMaxFailures: 5, loginLockMinutes: 15 } });
      await services.registry.syncReferenceData();
      const filesDir = path.join(dir, today);
      const seeded = await seedDemo({ db: database.db, registry: services.registry, mergers: services.mergers, today, demoFilesDir: filesDir });
      expect(seeded.organisations).toBeGreaterThan(500);

      const pem = readFileSync(path.join(filesDir, 'cevi-demo.crt'), 'utf8');
      const certificate = new X509Certificate(pem);
      expect(new Date(certificate.validFrom).getTime()).toBeLessThanOrEqual(new Date(`${today}T12:00:00Z`).getTime());
      expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(new Date(`${today}T12:00:00Z`).getTime());
      const fingerprint = createHash('sha256').update(certificate.raw).digest('hex');
      expect(await services.channels.authenticateCertificate(fingerprint)).toMatchObject({ ok: true, client: { accountName: 'OCMW Online via Cevi' } });
    } finally {
      await database.close();
    }
  }, 120_000);
});
