import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/db.js';
import { addDays, daysBetween } from '../domain/clock.js';
import { formatHelpReference } from '../domain/help-reference.js';
import { receiptDate } from '../domain/holidays.js';
import { generateSelfSigned } from '../http/self-signed.js';
import { channelsRepo, checkCertificate } from '../modules/channels/index.js';
import { helpRequestsRepo } from '../modules/help-requests/index.js';

/**
 * OCMW Online demo data (N1): a REST account of OCMW Antwerpen managed by Cevi, with a
 * generated client certificate whose key is written to `<data>/demo-vendor/` for the curl
 * example in the README; and help requests in every state, including some sent to OCMW
 * Borsbeek before the 2025 merger (now visible at Antwerpen, R6.7).
 */
export interface OnlineSeedInput {
  today: string;
  antwerpen: { organisationId: string; domainId: string };
  borsbeekId: string;
  ceviId: string;
  tbUserId: string;
  /** Where the demo vendor's certificate and key go; nothing is written without it. */
  filesDir?: string;
}

const PEOPLE = [
  ['Dubois', 'Sarah', ['leefloon']],
  ['Janssens', 'Karim', ['energie', 'schuldhulp']],
  ['Peeters', 'Lotte', ['huisvesting']],
  ['Yilmaz', 'Emre', ['medische-kosten']],
  ['Vermeulen', 'Jef', ['leefloon', 'huisvesting']],
  ['Nowak', 'Anna', ['schuldhulp']],
  ['Claes', 'Mira', ['energie']],
  ['Diallo', 'Mamadou', ['andere']],
  ['Van den Broeck', 'Els', ['medische-kosten', 'energie']],
  ['Mertens', 'Pieter', ['leefloon']],
] as const;

export async function seedOnlineData(tx: Db, input: OnlineSeedInput): Promise<{ requests: number; certificateFingerprint: string }> {
  // ── the REST account of OCMW Antwerpen, delegated to Cevi, with every OCMW Online permission ──
  // Valid from the day before the business date (OCMW_TODAY may lie in 2024) to a year after the
  // real date: the vendor port checks validity on the wall clock, ChaMan's upload rules on the
  // business date, and the demo's curl call must pass both.
  const realToday = new Date().toISOString().slice(0, 10);
  const from = addDays(input.today < realToday ? input.today : realToday, -1);
  const until = addDays(input.today > realToday ? input.today : realToday, 365);
  const cert = await generateSelfSigned({
    subject: 'CN=Cevi - Logins demo, O=Cevi - Logins, C=BE',
    days: daysBetween(from, until),
    usage: 'client',
    notBefore: new Date(`${from}T00:00:00Z`),
  });
  await channelsRepo.upsertSender(
    tx,
    { domainId: input.antwerpen.domainId, contactName: 'Dienst ICT OCMW Antwerpen', phoneCode: '+32', phoneNumber: '3 338 20 00', email: 'ict@antwerpen.ocmw.demo.example', language: 'nl' },
    new Date(),
  );
  const account = await channelsRepo.insertAccount(tx, {
    domainId: input.antwerpen.domainId,
    kind: 'REST',
    name: 'OCMW Online via Cevi',
    permissions: ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin'],
    management: 'external',
    intermediaryOrganisationId: input.ceviId,
  });
  // Checked as ChaMan checks an upload: on the business date (noon, unless it is today).
  const businessNow = input.today === realToday ? new Date() : new Date(`${input.today}T12:00:00Z`);
  const report = checkCertificate({ name: 'cevi-demo.cer', bytes: cert.der }, { for: 'rest', now: businessNow });
  if (!report.readable || !report.accepted) throw new Error(`demo certificate refused: ${JSON.stringify(report.violations)}`);
  await channelsRepo.insertCertificate(tx, {
    accountId: account.id,
    name: 'cevi-demo.cer',
    fingerprint: report.fingerprintHex,
    der: cert.der,
    subject: report.subject,
    issuer: report.issuer,
    keyType: report.key,
    signature: report.signature,
    selfSigned: report.selfSigned,
    notBefore: new Date(report.notBefore),
    notAfter: new Date(report.notAfter),
    uploadedBy: input.tbUserId,
    uploadedByOrganisationId: input.ceviId,
  });
  if (input.filesDir) {
    mkdirSync(input.filesDir, { recursive: true });
    writeFileSync(path.join(input.filesDir, 'cevi-demo.crt'), cert.certPem);
    writeFileSync(path.join(input.filesDir, 'cevi-demo.key'), cert.keyPem, { mode: 0o600 });
  }

  // ── help requests: the last six weeks at Antwerpen, and two filed at Borsbeek in December 2024 ──
  const specs = [
    ...PEOPLE.map(([surname, firstName, kinds], i) => ({ organisationId: input.antwerpen.organisationId, filedOn: addDays(input.today, -3 * i - 1), surname, firstName, kinds, nis: '11002', postcode: '2000', state: i % 3 })),
    { organisationId: input.borsbeekId, filedOn: '2024-12-16', surname: 'Goossens', firstName: 'Lien', kinds: ['leefloon'], nis: '11007', postcode: '2150', state: 1 },
    { organisationId: input.borsbeekId, filedOn: '2024-12-20', surname: 'Hermans', firstName: 'Wim', kinds: ['energie'], nis: '11007', postcode: '2150', state: 2 },
  ];
  for (const [i, s] of specs.entries()) {
    const receivedOn = receiptDate(s.filedOn);
    const year = Number(receivedOn.slice(0, 4));
    const filedAt = new Date(`${s.filedOn}T${String(8 + (i % 10)).padStart(2, '0')}:15:00+01:00`);
    const request = await helpRequestsRepo.insertRequest(tx, {
      reference: formatHelpReference(year, await helpRequestsRepo.nextSequence(tx, year)),
      organisationId: s.organisationId,
      filedAt,
      receivedOn,
      language: i % 4 === 1 ? 'fr' : 'nl',
      kinds: [...s.kinds],
      postcode: s.postcode,
      nis: s.nis,
      surname: s.surname,
      firstName: s.firstName,
      email: `${s.firstName.toLowerCase()}.${s.surname.toLowerCase().replace(/\s+/g, '')}@burger.demo.example`,
      phone: i % 2 === 0 ? `0470 ${String(100000 + i * 7919).slice(0, 6)}` : null,
      message: 'Ik heb hulp nodig. Kan iemand van het OCMW mij contacteren?',
      readAt: s.state >= 1 ? new Date(filedAt.getTime() + 86_400_000) : null,
      readBy: s.state >= 1 ? 'user.antwerpen' : null,
      decidedAt: s.state === 2 ? new Date(filedAt.getTime() + 2 * 86_400_000) : null,
      decidedBy: s.state === 2 ? 'user.antwerpen' : null,
    });
    await helpRequestsRepo.insertEvent(tx, { requestId: request.id, kind: 'filed', at: filedAt, toOrganisationId: s.organisationId });
    if (s.state >= 1) await helpRequestsRepo.insertEvent(tx, { requestId: request.id, kind: 'read', at: request.readAt!, by: 'user.antwerpen' });
    if (s.state === 2) await helpRequestsRepo.insertEvent(tx, { requestId: request.id, kind: 'decided', at: request.decidedAt!, by: 'user.antwerpen' });
  }
  return { requests: specs.length, certificateFingerprint: cert.fingerprint };
}
