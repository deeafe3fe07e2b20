export {
  createRegistryService,
  toOrganisationSummary,
  toDomainSummary,
  type RegistryService,
} from './registry.service.js';
export * as registryRepo from './registry.repo.js';
export * from './registry.schema.js';
export { loadReferenceData, readSeedMergers, parseMergerCsv, type SeedMergerRow } from './reference-data.js';
import { toDomainSummary } from './registry.service.js';

/** Domain summary from an id and a code read by another module's query. */
export function toDomainSummaryByCode(id: string, code: string) {
  return toDomainSummary({ id, code });
}
export { registryRoutes } from './registry.routes.js';
