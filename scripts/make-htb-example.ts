// Writes docs/examples/htb-import.xlsx: the region's HTB file for two of the demo mergers
// (Pajottegem: a new HTB; Antwerpen: the current HTB confirmed). Run: node --import tsx scripts/make-htb-example.ts
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../src/db/db.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createClock } from '../src/domain/clock.js';
import { buildHtbWorkbook } from '../src/modules/merger/htb-import.js';
import { PRE_MERGER_DATE, seedDemo } from '../src/seed/demo.js';
import { createServices } from '../src/services.js';
import { inszFromParts } from '../src/shared/identifiers.js';

const database = await openDatabase({});
await migrateDatabase(database);
const services = createServices({ db: database.db, clock: createClock(), config: { sessionHours: 8, loginMaxFailures: 5, loginLockMinutes: 15 } });
await services.registry.syncReferenceData();
await seedDemo({ db: database.db, registry: services.registry, mergers: services.mergers, today: createClock().today(), until: PRE_MERGER_DATE });
const mergers = await services.mergers.listMergers();
const pajottegem = mergers.find((m) => m.name === 'Pajottegem')!;
const antwerpen = mergers.find((m) => m.name === 'Antwerpen')!;
const htbAntwerpen = await services.access.findUser((await services.management.findHtb(antwerpen.target.organisation.id))!.userId);
const rows = [
  ...pajottegem.sources.map((s) => ({
    sourceKbo: s.organisation.kboFormatted,
    targetKbo: pajottegem.target.organisation.kboFormatted,
    insz: inszFromParts('780315', 142).replace(/(\d{2})(\d{2})(\d{2})(\d{3})(\d{2})/, '$1.$2.$3-$4.$5'),
    surname: 'Vermeulen',
    firstName: 'Griet',
    email: 'griet.vermeulen@pajottegem.demo.example',
  })),
  ...antwerpen.sources.map((s) => ({
    sourceKbo: s.organisation.kboFormatted,
    targetKbo: antwerpen.target.organisation.kboFormatted,
    insz: htbAntwerpen!.insz!,
    surname: htbAntwerpen!.surname,
    firstName: htbAntwerpen!.firstName,
    email: htbAntwerpen!.email,
  })),
];
writeFileSync('docs/examples/htb-import.xlsx', await buildHtbWorkbook(rows));
await database.close();
console.log(`docs/examples/htb-import.xlsx: ${rows.length} rows`);
