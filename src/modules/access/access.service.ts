import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import type { RegistryService } from '../registry/index.js';
import { toDomainSummaryByCode } from '../registry/index.js';
import type { Role, RoleChoice } from '../auth/auth.schema.js';
import { isLanguage, type Language } from '../../shared/i18n.js';
import * as repo from './access.repo.js';
import { permissionsOf, type AuthContext } from './authorization.js';

export interface AccessDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
}

/** The identifier of a role choice: stable, and re-checked against live data when used. */
export function choiceId(role: Role, organisationId: string | null, domainId: string | null): string {
  return [role, organisationId ?? '-', domainId ?? '-'].join(':');
}

/** People and their roles (SPEC §2). The next issue extends this with full access management. */
export function createAccessService({ db, clock, registry }: AccessDeps) {
  return {
    async findUser(id: string) {
      return repo.findUser(db, id);
    },

    /** The platform administrators' addresses and own languages (alerts meant for them, each in theirs). */
    async platformAdmins(): Promise<{ email: string; language: Language }[]> {
      return (await repo.platformAdmins(db)).map((a) => ({ email: a.email, language: isLanguage(a.language) ? a.language : 'nl' }));
    },

    /** The day the person's first role starts, when none has started yet (a merger's new OCMW); else undefined. */
    async firstUpcomingStart(userId: string): Promise<string | undefined> {
      return repo.firstUpcomingStart(db, userId, clock.today());
    },

    /** Every role the person may choose today (R2.13), sorted by organisation name; ADMIN first. */
    async listRoleChoices(userId: string): Promise<RoleChoice[]> {
      const user = await repo.findUser(db, userId);
      if (!user) return [];
      const rows = await repo.listRoleChoices(db, userId, clock.today());
      const orgs = await registry.listOrganisationsByIds(rows.map((r) => r.organisationId!).filter(Boolean));
      const choices: RoleChoice[] = rows.map((r) => {
        const ctx: AuthContext = {
          role: r.role as Role,
          organisationId: r.organisationId,
          domainId: r.domainId,
          domainCode: r.domainCode,
          applications: r.applications,
        };
        return {
          id: choiceId(r.role as Role, r.organisationId, r.domainId),
          role: r.role as Role,
          organisation: orgs.get(r.organisationId!) ?? null,
          domain: r.domainId && r.domainCode ? toDomainSummaryByCode(r.domainId, r.domainCode) : null,
          applications: r.applications,
          permissions: permissionsOf(ctx),
        };
      });
      choices.sort(
        (a, b) =>
          (a.organisation?.name.nl ?? '').localeCompare(b.organisation?.name.nl ?? '', 'nl') ||
          (a.domain?.code ?? '').localeCompare(b.domain?.code ?? '') ||
          a.role.localeCompare(b.role),
      );
      if (user.isPlatformAdmin) {
        choices.unshift({
          id: choiceId('ADMIN', null, null),
          role: 'ADMIN',
          organisation: null,
          domain: null,
          applications: [],
          permissions: ['platform.admin'],
        });
      }
      return choices;
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
