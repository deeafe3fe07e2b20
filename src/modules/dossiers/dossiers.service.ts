import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { translate, type Language } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { RegisterFormInput } from './dossiers.schema.js';
import { findOverlap } from './form-rules.js';
import * as repo from './dossiers.repo.js';

export type DossierUser = Caller & { username: string };

function validation(lang: Language, fields: Record<string, string>) {
  return new AppError('validation', translate('http.validation', lang), fields);
}

/**
 * Dossiers (SPEC R9): the forms of a social investigation — integration decisions and A036
 * certificates — registered and stopped by users with "Sociale Agent" of the OCMW, as a social
 * software package would. No two running forms of one kind overlap for a person in an OCMW.
 */
export function createDossiersService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  function requireAgent(caller: Caller): string {
    const ctx = authContextOf(caller.context);
    if (!ctx?.organisationId || !can(ctx, 'app:sociale-agent', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
      throw new AppError('forbidden', translate('auth.forbidden', caller.language));
    }
    return ctx.organisationId;
  }

  /** R9.4 is read by agents and by the OCMW-configuratie administrators, who may change it. */
  function requireSettings(caller: Caller, write: boolean): string {
    const ctx = authContextOf(caller.context);
    const target = ctx?.organisationId ? { organisationId: ctx.organisationId, domainId: ctx.domainId } : undefined;
    const config = can(ctx, 'app:ocmw-configuratie', target);
    if (ctx?.organisationId && (config || (!write && can(ctx, 'app:sociale-agent', target)))) return ctx.organisationId;
    throw new AppError('forbidden', translate('auth.forbidden', caller.language));
  }

  const audited = (caller: Caller, organisationId: string, action: string, after: unknown, before: unknown = null) => ({
    actorUserId: caller.userId,
    actorRole: caller.context?.role ?? null,
    organisationId,
    domainId: caller.context?.domain?.id ?? null,
    action,
    before,
    after,
  });

  const service = {
    async list(caller: Caller, q: { page: number; pageSize: number; insz?: string; status?: string; kind?: string }) {
      const organisationId = requireAgent(caller);
      const { rows, total } = await repo.listDossiers(db, organisationId, q, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: rows, total, page: q.page, pageSize: q.pageSize };
    },

    async get(caller: Caller, id: string) {
      const organisationId = requireAgent(caller);
      const dossier = await repo.findDossier(db, organisationId, id);
      if (!dossier) throw new AppError('not_found', translate('http.not_found', caller.language));
      return { ...dossier, formList: (await repo.formsOfDossier(db, id)).map(({ organisationId: _o, ...f }) => f) };
    },

    /** R9.1–R9.2: registers a form, in the person's open dossier (opened when there is none). */
    async registerForm(caller: DossierUser, input: RegisterFormInput) {
      const organisationId = requireAgent(caller);
      const lang = caller.language;
      const formId = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.lockPerson(tx, organisationId, input.insz);
        const clash = findOverlap(await repo.formsOfPerson(tx, organisationId, input.insz), { kind: input.kind, startDate: input.startDate, endDate: input.endDate ?? null });
        if (clash) {
          throw validation(lang, {
            startDate: translate('dossier.overlap', lang, { start: clash.startDate, end: clash.endDate ?? translate('dossier.open_ended', lang) }),
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
          createdBy: caller.username,
        });
        await audit.record(tx, audited(caller, organisationId, 'dossier.form.register', { id, ...input }));
        return id;
      });
      const form = (await repo.findForm(db, organisationId, formId))!;
      const { organisationId: _o, ...rest } = form;
      return rest;
    },

    /** Stops a running form on an end date on or after its start. */
    async stopForm(caller: DossierUser, formId: string, endDate: string) {
      const organisationId = requireAgent(caller);
      const lang = caller.language;
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const form = await repo.findForm(tx, organisationId, formId);
        if (!form) throw new AppError('not_found', translate('http.not_found', lang));
        if (form.status === 'stopped') throw new AppError('conflict', translate('dossier.already_stopped', lang));
        if (endDate < form.startDate) throw validation(lang, { endDate: translate('dossier.end_before_start', lang) });
        await repo.stopForm(tx, form.id, endDate, caller.username, clock.now());
        await audit.record(tx, audited(caller, organisationId, 'dossier.form.stop', { id: form.id, endDate }, { status: form.status, endDate: form.endDate }));
      });
      const { organisationId: _o, ...rest } = (await repo.findForm(db, organisationId, formId))!;
      return rest;
    },

    async settings(caller: Caller) {
      const organisationId = requireSettings(caller, false);
      return (await repo.findSettings(db, organisationId)) ?? { handledByVendor: false, updatedBy: null, updatedAt: null };
    },

    /** R9.4: "handled by the software vendor": the cut-over then lists the forms instead of moving them. */
    async saveSettings(caller: DossierUser, handledByVendor: boolean) {
      const organisationId = requireSettings(caller, true);
      const before = await repo.findSettings(db, organisationId);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.saveSettings(tx, organisationId, handledByVendor, caller.username);
        await audit.record(tx, audited(caller, organisationId, 'dossier.settings.save', { handledByVendor }, before ? { handledByVendor: before.handledByVendor } : null));
      });
      return service.settings(caller);
    },

    /** For the merger engine (R9.4): whether an OCMW's vendor moves its forms itself. */
    async isHandledByVendor(organisationId: string): Promise<boolean> {
      return (await repo.findSettings(db, organisationId))?.handledByVendor ?? false;
    },
  };
  return service;
}

export type DossiersService = ReturnType<typeof createDossiersService>;
