import type { Db } from '../../db/db.js';
import { registryRepo } from '../registry/index.js';

/**
 * R1.6: a merged OCMW that keeps a source's KBO (scenarios 2 and 3) bears the name of its merged
 * municipality from the effective date — OCMW Bilzen (KBO kept) becomes "OCMW Bilzen-Hoeselt" on
 * 1 January 2025 — recorded as a dated name in the registry, in the caller's transaction. Nothing
 * is recorded when the name stays the same (Hasselt) or the organisation is new (scenario 1: it is
 * created with its name).
 */
export async function recordMergedName(tx: Db, m: { targetOrganisationId: string; targetNis: string; effectiveDate: string }): Promise<void> {
  const org = await registryRepo.findOrganisation(tx, m.targetOrganisationId, m.effectiveDate);
  const [municipality] = await registryRepo.listMunicipalitiesAt(tx, [m.targetNis], m.effectiveDate);
  if (!org || !municipality || org.validFrom >= m.effectiveDate) return;
  const name = { nameNl: `OCMW ${municipality.nameNl}`, nameFr: `CPAS ${municipality.nameFr}`, nameDe: `ÖSHZ ${municipality.nameDe}` };
  if (name.nameNl === org.nameNl && name.nameFr === org.nameFr && name.nameDe === org.nameDe) return;
  await registryRepo.upsertOrganisationName(tx, { organisationId: m.targetOrganisationId, validFrom: m.effectiveDate, ...name });
}

/** Undoes recordMergedName when the merger is changed or removed before its effective date. */
export async function forgetMergedName(tx: Db, m: { targetOrganisationId: string; effectiveDate: string }): Promise<void> {
  await registryRepo.deleteOrganisationName(tx, m.targetOrganisationId, m.effectiveDate);
}
