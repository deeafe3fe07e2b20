import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { localized } from '../../shared/i18n.js';
import { msg } from '../../shared/messages.js';
import { configurationMessages } from './configuration-messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { RegistryService } from '../registry/index.js';
import type { ContactData, OnlineSettingsData, Section, TechnicalData } from './configuration.schema.js';
import { MUTATION_CODES } from './configuration.schema.js';
import * as repo from './configuration.repo.js';

export interface ConfigurationDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  audit: AuditService;
}

/**
 * OCMW-configuratie (SPEC §4): mutation selection with history (R4.3, R4.4) and three sections
 * saved as versions (R4.5–R4.7). Nothing here depends on merger status: a disappearing OCMW
 * keeps its data (R4.8); a new OCMW of scenario 1 starts with every section empty.
 */
export function createConfigurationService({ db, clock, registry, audit }: ConfigurationDeps) {
  function requireConfig(caller: Caller) {
    const ctx = authContextOf(caller.context);
    if (!ctx?.organisationId || !ctx.domainId || !can(ctx, 'app:ocmw-configuratie', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
      throw new AppError('forbidden', msg('auth.forbidden'));
    }
    return ctx.organisationId;
  }

  async function saveSection(caller: Caller, section: Exclude<Section, 'mutations'>, data: unknown) {
    const organisationId = requireConfig(caller);
    const before = await repo.currentVersion(db, organisationId, section);
    await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      await repo.insertVersion(tx, organisationId, section, data, caller.userId);
      await audit.record(tx, {
        actorUserId: caller.userId,
        actorRole: caller.context?.role ?? null,
        organisationId,
        domainId: caller.context?.domain?.id ?? null,
        action: `config.${section}.save`,
        before: before?.data ?? null,
        after: data,
      });
    });
  }

  const service = {
    /** Whether a section is filled in, for the merger checklist (R4.8, R7.2). */
    async isSectionComplete(organisationId: string, section: Section): Promise<boolean> {
      if (section === 'mutations') return (await repo.openSelections(db, organisationId)).length > 0;
      return (await repo.currentVersion(db, organisationId, section)) !== undefined;
    },

    /** The four sections of the caller's OCMW, as last saved. */
    async view(caller: Caller) {
      const organisationId = requireConfig(caller);
      const org = await registry.getOrganisation(organisationId);
      const open = await repo.openSelections(db, organisationId);
      const [technical, contact, online] = await Promise.all(
        (['technical', 'contact', 'online'] as const).map((s) => repo.currentVersion(db, organisationId, s)),
      );
      return {
        organisation: { id: org.id, name: localized(org.name), kbo: org.kbo },
        mutations: {
          selected: MUTATION_CODES.filter((c) => open.some((o) => o.mutationType === c)),
          since: Object.fromEntries(open.map((o) => [o.mutationType, o.validFrom])),
        },
        technical: technical?.data ?? null,
        contact: contact?.data ?? null,
        online: online?.data ?? null,
        complete: { mutations: open.length > 0, technical: Boolean(technical), contact: Boolean(contact), online: Boolean(online) },
      };
    },

    /**
     * R4.3/R4.4: "Bewaren" of the mutation checkboxes. Newly ticked types start a period today,
     * unticked ones end theirs today; the history is never rewritten, so re-selecting never
     * delivers what happened while a type was off.
     */
    async saveMutations(caller: Caller, selected: string[]) {
      const organisationId = requireConfig(caller);
      const today = clock.today();
      const open = new Set((await repo.openSelections(db, organisationId)).map((o) => o.mutationType));
      const wanted = new Set(selected);
      const add = [...wanted].filter((c) => !open.has(c));
      const remove = [...open].filter((c) => !wanted.has(c));
      if (add.length || remove.length) {
        await db.transaction(async (txh) => {
          const tx = txh as unknown as Db;
          await repo.applySelection(tx, organisationId, add, remove, today, caller.userId);
          await audit.record(tx, {
            actorUserId: caller.userId,
            actorRole: caller.context?.role ?? null,
            organisationId,
            domainId: caller.context?.domain?.id ?? null,
            action: 'config.mutations.save',
            before: { selected: [...open].sort() },
            after: { selected: [...wanted].sort(), on: today },
          });
        });
      }
      return service.view(caller);
    },

    async mutationHistory(caller: Caller) {
      return repo.selectionHistory(db, requireConfig(caller));
    },

    async saveTechnical(caller: Caller, data: TechnicalData) {
      await saveSection(caller, 'technical', data);
      return service.view(caller);
    },

    /** R4.6: the postcode must exist in the postcode list. */
    async saveContact(caller: Caller, data: ContactData) {
      const lookup = await registry.lookupPostcode(data.postcode);
      if (lookup.municipalities.length === 0) {
        throw new AppError('validation', msg('http.validation'), { postcode: configurationMessages.msg('config.postcode_unknown') });
      }
      await saveSection(caller, 'contact', data);
      return service.view(caller);
    },

    async saveOnlineSettings(caller: Caller, data: OnlineSettingsData) {
      await saveSection(caller, 'online', data);
      return service.view(caller);
    },

    // ── for the vendor API (R6.9): the REST account's OCMW, without a portal session ──

    /** The current contact data (R4.6) or settings (R4.7) of an OCMW, or null when never saved. */
    async currentSection(organisationId: string, section: 'contact' | 'online') {
      return ((await repo.currentVersion(db, organisationId, section))?.data ?? null) as ContactData | OnlineSettingsData | null;
    },

    /** Saves a section for an OCMW on behalf of a REST account; audited with the account's name. */
    async saveSectionAs(organisationId: string, section: 'contact' | 'online', data: ContactData | OnlineSettingsData, actor: string) {
      if (section === 'contact') {
        const lookup = await registry.lookupPostcode((data as ContactData).postcode);
        if (lookup.municipalities.length === 0) {
          throw new AppError('validation', msg('http.validation'), { postcode: configurationMessages.msg('config.postcode_unknown') });
        }
      }
      const before = await repo.currentVersion(db, organisationId, section);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.insertVersion(tx, organisationId, section, data, null);
        await audit.record(tx, { actorUserId: null, actorRole: actor, organisationId, domainId: null, action: `config.${section}.save`, before: before?.data ?? null, after: data });
      });
      return data;
    },

    async sectionHistory(caller: Caller, section: Exclude<Section, 'mutations'>) {
      return repo.versionHistory(db, requireConfig(caller), section);
    },
  };
  return service;
}

export type ConfigurationService = ReturnType<typeof createConfigurationService>;
