import type { Db } from '../../db/db.js';
import { dossiers } from '../../db/schema.js';

/** SQL for dossiers (minimal for issue #5; issue #7 adds forms). */

export async function insertDossiers(db: Db, rows: (typeof dossiers.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(dossiers).values(rows);
}
