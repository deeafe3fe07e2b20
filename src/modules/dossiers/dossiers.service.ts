import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { PERMISSION_NAMES, type RestPermission } from '../channels/channels.schema.js';
import type { RegistryService } from '../registry/index.js';
import { dossierMessages } from './dossiers-messages.js';
import type { RegisterFormInput } from './dossiers.schema.js';
import { findOverlap, stopRefusal } from './form-rules.js';
import * as repo from './dossiers.repo.js';

export type DossierUser = Caller & { username: string };

/** The ChaMan REST account behind a client certificate on the vendor port (R6.9, R3.11). */
export interface DossierVendor {
  accountName: string;
  organisationId: string;
  permissions: string[];
}

/**
 * The REST permission that lets an OCMW's social software register, stop and list its forms
 * through the vendor API (R9.2), with its label in each language for the refusal.
 */
export const DOSSIER_REST_PERMISSION: RestPermission = 'dossiers-integraties';

/** Who registers or stops a form: the OCMW it acts for, and how the audit log and the form name it. */
interface Actor {
  organisationId: string;
  userId: string | null;
  role: string | null;
  domainId: string | null;
  /** `created_by`/`stopped_by`: the username, or `rest:<account>` for the vendor API. */
  by: string;
}

/** The filter of a page of dossiers (portal): the INSZ comes only from a POST body. */
export type DossierListFilter = FormListFilter;

/** The filter of a page of forms (vendor API). */
export interface FormListFilter {
  page: number;
  pageSize: number;
  insz?: string;
  status?: 'running' | 'stopped' | 'cancelled' | 'ended';
  kind?: 'integration' | 'a036';
}

const { msg: dossierMsg } = dossierMessages;

function validation(fields: FieldMessages) {
  return new AppError('validation', msg('http.validation'), fields);
}

/**
 * Dossiers (SPEC R9): the forms of a social investigation — integration decisions and A036
 * certificates — registered and stopped by users with "Sociale Agent" of the OCMW, as a social
 * software package would. No two running forms of one kind overlap for a person in an OCMW.
 */
export function createDossiersService({ db, clock, audit, registry }: { db: Db; clock: Clock; audit: AuditService; registry: RegistryService }) {
  function requireAgent(caller: Caller): string {
    const ctx = authContextOf(caller.context);
    if (!ctx?.organisationId || !can(ctx, 'app:sociale-agent', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
      throw new AppError('forbidden', msg('auth.forbidden'));
    }
    return ctx.organisationId;
  }

  /** R9.4 is read by agents and by the OCMW-configuratie administrators, who may change it. */
  function requireSettings(caller: Caller, write: boolean): string {
    const ctx = authContextOf(caller.context);
    const target = ctx?.organisationId ? { organisationId: ctx.organisationId, domainId: ctx.domainId } : undefined;
    const config = can(ctx, 'app:ocmw-configuratie', target);
    if (ctx?.organisationId && (config || (!write && can(ctx, 'app:sociale-agent', target)))) return ctx.organisationId;
    throw new AppError('forbidden', msg('auth.forbidden'));
  }

  /** A portal user with "Sociale Agent" acts for the organisation of the chosen role. */
  function agent(caller: DossierUser): Actor {
    return {
      organisationId: requireAgent(caller),
      userId: caller.userId,
      role: caller.context?.role ?? null,
      domainId: caller.context?.domain?.id ?? null,
      by: caller.username,
    };
  }

  /**
   * A REST account acts for its own OCMW when it has the dossier permission (else forbidden,
   * naming the permission); an account of an organisation that is no OCMW has no dossiers.
   */
  async function vendorActor(client: DossierVendor): Promise<Actor> {
    if (!client.permissions.includes(DOSSIER_REST_PERMISSION)) {
      throw new AppError('forbidden', msg('vendor.permission', { permission: PERMISSION_NAMES[DOSSIER_REST_PERMISSION] }));
    }
    const organisation = await registry.getOrganisation(client.organisationId);
    if (organisation.kind !== 'ocmw') throw new AppError('forbidden', msg('auth.forbidden'));
    const by = `rest:${client.accountName}`;
    return { organisationId: organisation.id, userId: null, role: by, domainId: null, by };
  }

  const audited = (actor: Actor, action: string, after: unknown, before: unknown = null) => ({
    actorUserId: actor.userId,
    actorRole: actor.role,
    organisationId: actor.organisationId,
    domainId: actor.domainId,
    action,
    before,
    after,
  });

  async function listForms(organisationId: string, q: FormListFilter) {
    const { rows, total } = await repo.listForms(db, organisationId, q, (q.page - 1) * q.pageSize, q.pageSize, clock.today());
    return { items: rows.map(({ organisationId: _o, ...f }) => f), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * R9.5: from the effective date a disappearing OCMW registers no form for a period on or after
   * that date (a form ending before it, a late regularisation, still can); the refusal names the
   * merged OCMW, and the field to change (the end date when the form starts before the date).
   */
  async function refuseAfterMerger(organisationId: string, input: RegisterFormInput) {
    const gone = await registry.findDisappearance(organisationId, clock.today());
    if (!gone || (input.endDate != null && input.endDate < gone.effectiveDate)) return;
    const message = dossierMsg('dossier.merged_away', { ocmw: gone.mergedInto.name, date: gone.effectiveDate });
    throw new AppError('rule_violation', message, { [input.startDate < gone.effectiveDate ? 'endDate' : 'startDate']: message });
  }

  /** R9.1–R9.2: registers a form, in the person's open dossier (opened when there is none). */
  async function registerForm(actor: Actor, input: RegisterFormInput) {
    const { organisationId } = actor;
    await refuseAfterMerger(organisationId, input);
    const formId = await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      await repo.lockPerson(tx, organisationId, input.insz);
      const clash = findOverlap(await repo.formsOfPerson(tx, organisationId, input.insz), { kind: input.kind, startDate: input.startDate, endDate: input.endDate ?? null });
      if (clash) {
        throw validation({
          startDate: clash.endDate
            ? dossierMsg('dossier.overlap', { start: clash.startDate, end: clash.endDate })
            : dossierMsg('dossier.overlap_open_ended', { start: clash.startDate }),
        });
      }
      const open = await repo.findOpenDossier(tx, organisationId, input.insz);
      const dossierId = open?.id ?? (await repo.openDossier(tx, organisationId, input.insz, input.startDate));
      if (open && input.startDate < open.openedOn) await repo.extendDossierBack(tx, open.id, input.startDate);
      const id = await repo.insertForm(tx, {
        dossierId,
        organisationId,
        insz: input.insz,
        kind: input.kind,
        subtype: input.subtype,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        createdBy: actor.by,
      });
      // Issue 24: the audit log names the form, not the person (the INSZ is in the form and, for reads, in the access log).
      const { insz: _insz, ...form } = input;
      await audit.record(tx, audited(actor, 'dossier.form.register', { id, ...form }));
      return id;
    });
    const { organisationId: _o, ...rest } = (await repo.findForm(db, organisationId, formId, clock.today()))!;
    return rest;
  }

  /** Stops a running form of the actor's OCMW on an end date on or after its start. */
  async function stopForm(actor: Actor, formId: string, endDate: string) {
    const { organisationId } = actor;
    await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      const form = await repo.findForm(tx, organisationId, formId, clock.today(), true);
      if (!form) throw new AppError('not_found', msg('http.not_found'));
      const refusal = stopRefusal(form, endDate, clock.today());
      if (refusal?.field) throw validation({ [refusal.field]: dossierMsg(refusal.key, { end: form.endDate }) });
      if (refusal) throw new AppError('conflict', dossierMsg(refusal.key));
      await repo.stopForm(tx, form.id, endDate, actor.by, clock.now());
      await audit.record(tx, audited(actor, 'dossier.form.stop', { id: form.id, endDate }, { status: form.status, endDate: form.endDate }));
    });
    const { organisationId: _o, ...rest } = (await repo.findForm(db, organisationId, formId, clock.today()))!;
    return rest;
  }

  async function settingsOf(organisationId: string) {
    return (await repo.findSettings(db, organisationId)) ?? { handledByVendor: false, updatedBy: null, updatedAt: null };
  }

  const service = {
    async list(caller: Caller, q: DossierListFilter) {
      const organisationId = requireAgent(caller);
      const { rows, total } = await repo.listDossiers(db, organisationId, q, (q.page - 1) * q.pageSize, q.pageSize, clock.today());
      return { items: rows, total, page: q.page, pageSize: q.pageSize };
    },

    async get(caller: Caller, id: string) {
      const organisationId = requireAgent(caller);
      const dossier = await repo.findDossier(db, organisationId, id, clock.today());
      if (!dossier) throw new AppError('not_found', msg('http.not_found'));
      return { ...dossier, formList: (await repo.formsOfDossier(db, id, clock.today())).map(({ organisationId: _o, ...f }) => f) };
    },

    /** R9.1–R9.2: registers a form for the user's OCMW; throws validation (with the field) for an overlap. */
    async registerForm(caller: DossierUser, input: RegisterFormInput) {
      return registerForm(agent(caller), input);
    },

    /** Stops a running form on an end date on or after its start; not_found for another OCMW's form. */
    async stopForm(caller: DossierUser, formId: string, endDate: string) {
      return stopForm(agent(caller), formId, endDate);
    },

    async settings(caller: Caller) {
      return settingsOf(requireSettings(caller, false));
    },

    /** R9.4: "handled by the software vendor": the cut-over then lists the forms instead of moving them. */
    async saveSettings(caller: DossierUser, handledByVendor: boolean) {
      const organisationId = requireSettings(caller, true);
      const before = await repo.findSettings(db, organisationId);
      const actor: Actor = {
        organisationId,
        userId: caller.userId,
        role: caller.context?.role ?? null,
        domainId: caller.context?.domain?.id ?? null,
        by: caller.username,
      };
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.saveSettings(tx, organisationId, handledByVendor, caller.username);
        await audit.record(tx, audited(actor, 'dossier.settings.save', { handledByVendor }, before ? { handledByVendor: before.handledByVendor } : null));
      });
      return service.settings(caller);
    },

    /** Vendor API (R9.2): a page of the account's OCMW's forms, optionally of one person (INSZ), status or kind. */
    async vendorListForms(client: DossierVendor, q: FormListFilter) {
      return listForms((await vendorActor(client)).organisationId, q);
    },

    /** Vendor API (R9.2): registers a form for the account's OCMW, with the portal's checks. */
    async vendorRegisterForm(client: DossierVendor, input: RegisterFormInput) {
      return registerForm(await vendorActor(client), input);
    },

    /** Vendor API (R9.2): stops a running form of the account's OCMW; not_found for another OCMW's form. */
    async vendorStopForm(client: DossierVendor, formId: string, endDate: string) {
      return stopForm(await vendorActor(client), formId, endDate);
    },

    /** Vendor API (R9.4): whether the OCMW has its software vendor re-enter the forms at a merger (read only). */
    async vendorSettings(client: DossierVendor) {
      return settingsOf((await vendorActor(client)).organisationId);
    },

    /** For the merger engine (R9.4): whether an OCMW's vendor moves its forms itself. */
    async isHandledByVendor(organisationId: string): Promise<boolean> {
      return (await repo.findSettings(db, organisationId))?.handledByVendor ?? false;
    },
  };
  return service;
}

export type DossiersService = ReturnType<typeof createDossiersService>;
