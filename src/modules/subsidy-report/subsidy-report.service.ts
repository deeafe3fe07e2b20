import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import type { AuditService } from '../audit/index.js';
import type { RegistryService } from '../registry/index.js';

export interface SubsidyReportDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  audit: AuditService;
}

/** The Uniek verslag per OCMW per subsidy year (SPEC R10.2). */
export function createSubsidyReportService(deps: SubsidyReportDeps) {
  void deps;
  return {};
}

export type SubsidyReportService = ReturnType<typeof createSubsidyReportService>;
