import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { formatKbo } from '../../shared/identifiers.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import { loadReferenceData, referenceDataVersion } from './reference-data.js';
import * as repo from './registry.repo.js';
import * as clients from './api-clients.repo.js';
import { createHash, randomBytes } from 'node:crypto';
import { API_SCOPES, type ApiScope } from './registry.schema.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
import {
  DOMAIN_NAMES,
  type DomainCode,
  type DomainSummary,
  type Municipality,
  type OrganisationSummary,
} from './registry.schema.js';

export function toOrganisationSummary(row: repo.OrganisationRow): OrganisationSummary {
  return {
    id: row.id,
    kbo: row.kbo,
    kboFormatted: formatKbo(row.kbo),
    kind: row.kind as OrganisationSummary['kind'],
    name: { nl: row.nameNl, fr: row.nameFr, de: row.nameDe },
    status: row.status as OrganisationSummary['status'],
    isDemo: row.isDemo,
    validFrom: row.validFrom,
    validTo: row.validTo,
    accessEndedOn: row.accessEndedOn,
  };
}

export function toDomainSummary(row: Pick<repo.DomainRow, 'id' | 'code'>): DomainSummary {
  const code = row.code as DomainCode;
  return { id: row.id, code, name: DOMAIN_NAMES[code] };
}

function toMunicipality(row: repo.MunicipalityRow): Municipality {
  return {
    nis: row.nis,
    name: { nl: row.nameNl, fr: row.nameFr, de: row.nameDe },
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export interface RegistryDeps {
  db: Db;
  clock: Clock;
}

/** Organisations, domains, municipalities and postcodes (SPEC R0, R1). */
export function createRegistryService({ db, clock }: RegistryDeps) {
  const service = {
    /** Loads the shipped REFNIS/postcode data; idempotent, run at every start. */
    async syncReferenceData(): Promise<{ municipalities: number }> {
      // Issue 20: only when the shipped data differs from what was loaded last (its hash).
      const version = referenceDataVersion();
      if ((await repo.referenceDataVersion(db)) !== version) {
        const data = loadReferenceData();
        await db.transaction(async (tx) => {
          await repo.upsertReferenceData(tx as Db, data);
          await repo.setReferenceDataVersion(tx as Db, version);
        });
      }
      return { municipalities: await repo.countMunicipalities(db) };
    },

    /** Returns the organisation, named as on the date (default: today, R1.6); throws not_found. */
    async getOrganisation(id: string, options: { on?: string } = {}): Promise<OrganisationSummary> {
      const row = await repo.findOrganisation(db, id, options.on ?? clock.today());
      if (!row) throw new AppError('not_found', msg('http.not_found'));
      return toOrganisationSummary(row);
    },

    async findOrganisationByKbo(kbo: string): Promise<OrganisationSummary | undefined> {
      const row = await repo.findOrganisationByKbo(db, kbo, clock.today());
      return row && toOrganisationSummary(row);
    },

    async listOrganisationsByIds(ids: string[], on: string = clock.today()): Promise<Map<string, OrganisationSummary>> {
      const rows = await repo.listOrganisationsByIds(db, [...new Set(ids)], on);
      return new Map(rows.map((r) => [r.id, toOrganisationSummary(r)]));
    },

    /** Pages through organisations, filtered by kind and a name/KBO search. */
    async listOrganisations(q: { kind?: string; q?: string; page: number; pageSize: number }) {
      const { rows, total } = await repo.listOrganisations(db, {
        kind: q.kind,
        q: q.q,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
        on: clock.today(),
      });
      return { items: rows.map(toOrganisationSummary), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * R1.6: the names organisations bear on a date (default: today) — what every module shows a
     * user (lists, confirmations, mails); an unknown id is left out.
     */
    async organisationNames(ids: string[], on: string = clock.today()): Promise<Map<string, OrganisationSummary['name']>> {
      const rows = await repo.organisationNamesOn(db, [...new Set(ids)], on);
      return new Map(rows.map((r) => [r.id, { nl: r.nameNl, fr: r.nameFr, de: r.nameDe }]));
    },

    /**
     * R8.2, R9.5: for an organisation that disappeared in a merger effective on or before the date
     * (default: today), the effective date and the merged OCMW named as on that date.
     */
    async findDisappearance(organisationId: string, on: string = clock.today()) {
      const row = await repo.disappearance(db, organisationId, on);
      return row && { effectiveDate: row.effectiveDate, mergedInto: { id: row.targetId, name: { nl: row.nameNl, fr: row.nameFr, de: row.nameDe } } };
    },

    /** R1.6: inside the caller's transaction, the organisation bears these names from the date on (null: no longer). */
    async setNameFrom(tx: Db, organisationId: string, validFrom: string, name: OrganisationSummary['name'] | null): Promise<void> {
      if (name) await repo.upsertOrganisationName(tx, { organisationId, validFrom, nameNl: name.nl, nameFr: name.fr, nameDe: name.de });
      else await repo.deleteOrganisationName(tx, organisationId, validFrom);
    },

    async listDomains(organisationId: string): Promise<DomainSummary[]> {
      return (await repo.listDomainsOf(db, organisationId)).map(toDomainSummary);
    },

    async findDomain(
      id: string,
    ): Promise<(DomainSummary & { organisationId: string; contactEmail: string | null; createdAt: string }) | undefined> {
      const row = await repo.findDomain(db, id);
      return (
        row && {
          ...toDomainSummary(row),
          organisationId: row.organisationId,
          contactEmail: row.contactEmail,
          createdAt: row.createdAt.toISOString(),
        }
      );
    },

    /** Sets a domain's contact e-mail inside the caller's transaction. */
    async updateDomainContact(tx: Db, id: string, contactEmail: string): Promise<void> {
      await repo.updateDomainContact(tx, id, contactEmail);
    },

    /**
     * Creates a machine credential for an institution (SPEC §13): limited to `scopes`, optionally
     * expiring after `expiresInDays`; the token is returned once and stored as its SHA-256.
     * Throws validation when the organisation is not an institution or a scope is unknown.
     */
    async createApiClient(organisationId: string, name: string, scopes: string[], options: { expiresInDays?: number } = {}) {
      const org = await repo.findOrganisation(db, organisationId);
      if (org?.kind !== 'institution') throw new AppError('validation', msg('token.institution_only'), { kbo: msg('token.institution_only') });
      const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
      if (scopes.length === 0 || unknown.length) {
        const scopeMessage = msg('token.scopes', { scopes: API_SCOPES.join(', ') });
        throw new AppError('validation', scopeMessage, { scope: scopeMessage });
      }
      const expiresInDays = options.expiresInDays;
      const token = `ocmw_${randomBytes(32).toString('base64url')}`;
      const expiresAt = expiresInDays ? new Date(clock.now().getTime() + expiresInDays * 86_400_000) : null;
      const uniqueScopes = [...new Set(scopes)].sort() as ApiScope[];
      const id = await clients.insertApiClient(db, { organisationId, name, tokenHash: sha256(token), scopes: uniqueScopes, expiresAt });
      return { id, token, scopes: uniqueScopes, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) };
    },

    /**
     * The institution behind a bearer token, or undefined when unknown, revoked or expired; a
     * resolved token's use is recorded with its id, the method and the route.
     */
    async resolveApiClient(token: string, use: { method: string; route: string }) {
      const now = clock.now();
      const client = await clients.findActiveClient(db, sha256(token), now);
      if (client) await clients.insertUse(db, { clientId: client.id, ...use, at: now });
      return client;
    },

    /** Every machine credential (never the secret), of one organisation when given. */
    async listApiClients(organisationId?: string) {
      return (await clients.listClients(db, organisationId)).map((c) => ({
        ...c,
        createdAt: c.createdAt.toISOString(),
        expiresAt: c.expiresAt?.toISOString() ?? null,
        revokedAt: c.revokedAt?.toISOString() ?? null,
      }));
    },

    /** Revokes a token at once; false when unknown or already revoked. */
    async revokeApiClient(id: string): Promise<boolean> {
      return clients.revokeClient(db, id, clock.now());
    },

    /** The municipalities a postcode covers on a date (default: today), for the citizen to pick from. */
    /** One organisation with its domains, for an administrator or the organisation itself; throws forbidden otherwise. */
    async organisationDetail(viewer: { isAdmin: boolean; organisationId: string | null }, id: string) {
      if (!viewer.isAdmin && viewer.organisationId !== id) throw new AppError('forbidden', msg('auth.forbidden'));
      const organisation = await service.getOrganisation(id);
      return { ...organisation, domains: await service.listDomains(id) };
    },

    async lookupPostcode(postcode: string, date?: string): Promise<{ postcode: string; date: string; municipalities: Municipality[] }> {
      const at = date ?? clock.today();
      const rows = await repo.lookupPostcodeAt(db, postcode, at);
      return { postcode, date: at, municipalities: rows.map(toMunicipality) };
    },

    /** Names of NIS codes: the period valid on the date, else the latest period of the code. */
    async municipalityNames(nisCodes: string[], date: string): Promise<Map<string, Municipality>> {
      const result = new Map<string, Municipality>();
      // Periods come oldest first: a later period replaces an earlier one unless that one is valid on the date.
      for (const row of await repo.listMunicipalityPeriods(db, [...new Set(nisCodes)])) {
        const chosen = result.get(row.nis);
        const chosenValid = chosen && chosen.validFrom <= date && (chosen.validTo === null || chosen.validTo > date);
        if (!chosenValid) result.set(row.nis, toMunicipality(row));
      }
      return result;
    },
  };
  return service;
}

export type RegistryService = ReturnType<typeof createRegistryService>;
