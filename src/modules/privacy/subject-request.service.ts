import type { Db } from '../../db/db.js';
import { brusselsDate, type Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { localized, type Message } from '../../shared/i18n.js';
import type { Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { cutoffDate, effectiveSettings } from './retention-rules.js';
import { listOverrides } from './retention.repo.js';
import { subjectRequestMessages } from './subject-request-messages.js';
import { type ErasureBody, type SubjectKind } from './subject-request.schema.js';
import * as repo from './subject-request.repo.js';
import type { AccessLog } from './access-log.js';
import { privacyOfficerOf, type PrivacyOfficer } from './privacy-officer.js';

export interface SubjectRequestDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** Issue 24: the look-up, the export and the erasure are reads of the person's data. */
  accessLog: AccessLog;
}

/** Whether one kind of the person's data may be erased now, and if not, why (a message for the edge). */
export interface ErasureVerdict {
  kind: SubjectKind;
  count: number;
  erasable: boolean;
  reason: Message;
}

const { msg: subjectMsg } = subjectRequestMessages;

/**
 * A citizen's request (issue 24, GDPR art. 15 and 17), for the privacy officer of one OCMW (the
 * application `privacy-officer`, own organisation only): everything the OCMW holds on one INSZ in
 * the portal, as one file; and the erasure of what the law allows, with the reason recorded.
 * A person of whom the OCMW holds nothing is 404 (so another OCMW's officer learns nothing).
 */
export function createSubjectRequestService({ db, clock, audit, accessLog }: SubjectRequestDeps) {
  const officerOf = (caller: Caller) => privacyOfficerOf(caller);

  /** Everything held on the INSZ, read through `from` (the erasure's transaction, or the database); 404 when nothing. */
  async function held(organisationId: string, insz: string, from: Db = db): Promise<repo.SubjectData> {
    const data = await repo.readSubject(from, organisationId, insz);
    const counts = countsOf(data);
    if (Object.values(counts).every((n) => n === 0)) throw new AppError('not_found', subjectMsg('subject.nothing_held'));
    return data;
  }

  /** Per kind: may it be erased today, and why (not). Forms follow the retention in force. */
  async function verdicts(data: repo.SubjectData, from: Db = db): Promise<ErasureVerdict[]> {
    const today = clock.today();
    const counts = countsOf(data);
    const settings = effectiveSettings(await listOverrides(from));
    const cutoffOf = (kind: 'dossier-forms' | 'help-requests') => cutoffDate(today, settings.find((s) => s.kind === kind)!.days);
    const formCutoff = cutoffOf('dossier-forms');
    const requestCutoff = cutoffOf('help-requests');
    const open = data.helpRequests.filter((r) => r.decidedAt === null).length;
    // A decided request is kept for its retention period (appeals, complaints, recovery), like the purge does.
    const inTerm = data.helpRequests.filter((r) => r.decidedAt !== null && brusselsDate(new Date(r.decidedAt)) >= requestCutoff).length;
    const keptForms = data.dossierForms.filter((f) => f.status === 'running' || (f.endDate ?? f.stoppedAt?.slice(0, 10) ?? '9999-12-31') >= formCutoff).length;
    const verdict = (kind: SubjectKind, erasable: boolean, reason: Message): ErasureVerdict => ({ kind, count: counts[kind], erasable: erasable && counts[kind] > 0, reason });
    return [
      open > 0
        ? verdict('helpRequests', false, subjectMsg('subject.keep.help_requests_open', { open }))
        : inTerm > 0
          ? verdict('helpRequests', false, subjectMsg('subject.keep.help_requests_term', { kept: inTerm, until: requestCutoff }))
          : verdict('helpRequests', true, subjectMsg('subject.erase.help_requests')),
      keptForms > 0
        ? verdict('dossierForms', false, subjectMsg('subject.keep.dossier_forms', { kept: keptForms, until: formCutoff }))
        : verdict('dossierForms', true, subjectMsg('subject.erase.dossier_forms')),
      verdict('eboxDocuments', false, subjectMsg('subject.keep.ebox_documents')),
      verdict('mutations', false, subjectMsg('subject.keep.mutations')),
      verdict('mails', true, subjectMsg('subject.erase.mails')),
      verdict('userAccount', false, subjectMsg('subject.keep.user_account')),
      verdict('accessLog', false, subjectMsg('subject.keep.access_log')),
    ];
  }

  async function record(tx: Db, officer: PrivacyOfficer, action: string, after: Record<string, unknown>) {
    // The audit log carries no national number (issue 24): the access log holds the INSZ next to who asked.
    await audit.record(tx, { actorUserId: officer.userId, actorRole: officer.role, organisationId: officer.organisationId, domainId: officer.domainId, action: `privacy.${action}`, after });
  }

  /** One access-log entry for the request itself, through the one writer of the access log. */
  function logRead(officer: PrivacyOfficer, insz: string, action: string) {
    accessLog.record({ organisationId: officer.organisationId, actor: { userId: officer.userId, role: officer.role }, channel: 'portal', action: `subject-request.${action}`, objectKind: 'person', insz });
  }

  return {
    /** What the OCMW holds on the INSZ, counted per kind, and per kind whether it may be erased (404 when nothing). */
    async overview(caller: Caller, insz: string) {
      const officer = officerOf(caller);
      const data = await held(officer.organisationId, insz);
      // What the OCMW holds on the person is itself their data: the look-up is logged like a read. A
      // look-up that finds nothing is not: its entry would itself become data held on the INSZ.
      logRead(officer, insz, 'overview');
      return { insz, date: clock.today(), kinds: await verdicts(data) };
    },

    /** Everything held on the INSZ, for the file handed to the citizen (audited, and one access-log row). */
    async export(caller: Caller, insz: string) {
      const officer = officerOf(caller);
      const data = await held(officer.organisationId, insz);
      const counts = countsOf(data);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await record(tx, officer, 'subject-export', { counts });
        await repo.insertRegisterEntry(tx, { organisationId: officer.organisationId, kind: 'export', insz, reason: null, officerUserId: officer.userId, businessDate: clock.today(), counts });
      });
      logRead(officer, insz, 'subject-export');
      const org = caller.context?.organisation;
      return { insz, date: clock.today(), organisation: { kbo: org?.kbo ?? '', name: localized(org?.name ?? { nl: '' }) }, counts, data };
    },

    /**
     * Erases the kinds asked for, all or nothing: 409 naming the first kind the law keeps (and why).
     * The person's data is locked, then read, inside the erasure's transaction (`lockSubject`), so
     * what is checked is what is erased: a decision, a stop, an acknowledgement queued or re-sent
     * meanwhile either committed before the read (and is seen) or waits until the erasure's commit. Help requests are pseudonymised
     * like the retention purge does (their counts stay); the person's acknowledgements are deleted,
     * queued ones included (never sent); forms past their term are deleted. The officer's reason goes
     * to the register, which only the privacy officer reads; the audit log, which the organisation's
     * managers read, says only that an erasure happened, with its counts (no INSZ, no reason).
     */
    async erase(caller: Caller, body: ErasureBody) {
      const officer = officerOf(caller);
      const erased: Partial<Record<SubjectKind, number>> = {};
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        // Locked first, then read: what is checked is what is erased, even on a busy server.
        await repo.lockSubject(tx, officer.organisationId, body.insz);
        const data = await held(officer.organisationId, body.insz, tx);
        const byKind = new Map((await verdicts(data, tx)).map((v) => [v.kind, v]));
        for (const kind of body.kinds) {
          const v = byKind.get(kind)!;
          if (!v.erasable) throw new AppError('conflict', v.count === 0 ? subjectMsg('subject.erase.nothing', { kind }) : v.reason);
        }
        if (body.kinds.includes('helpRequests')) erased.helpRequests = await repo.pseudonymiseHelpRequests(tx, data.helpRequests.map((r) => r.id));
        if (body.kinds.includes('mails')) erased.mails = await repo.deleteMails(tx, data.mails.map((m) => m.id));
        if (body.kinds.includes('dossierForms')) erased.dossierForms = await repo.deleteForms(tx, data.dossierForms.map((f) => f.id));
        await record(tx, officer, 'subject-erasure', { erased });
        await repo.insertRegisterEntry(tx, { organisationId: officer.organisationId, kind: 'erasure', insz: body.insz, reason: body.reason, officerUserId: officer.userId, businessDate: clock.today(), counts: erased });
      });
      logRead(officer, body.insz, 'subject-erasure');
      return { insz: body.insz, erased };
    },

    /**
     * The register of the organisation's citizens' requests, newest first, paged: who asked for
     * which INSZ, when, why, and what it counted or erased. Only the privacy officer (403 otherwise).
     */
    async register(caller: Caller, page: { page: number; pageSize: number }) {
      const officer = officerOf(caller);
      const { rows, total } = await repo.listRegister(db, officer.organisationId, (page.page - 1) * page.pageSize, page.pageSize);
      return { items: rows, total, page: page.page, pageSize: page.pageSize };
    },
  };
}

/** How many items of each kind the person has at the OCMW. */
export function countsOf(data: repo.SubjectData): Record<SubjectKind, number> {
  return {
    helpRequests: data.helpRequests.length,
    dossierForms: data.dossierForms.length,
    eboxDocuments: data.eboxDocuments.length,
    mutations: data.mutations.length,
    mails: data.mails.length,
    userAccount: data.userAccount ? 1 : 0,
    accessLog: data.accessLog.length,
  };
}

export type SubjectRequestService = ReturnType<typeof createSubjectRequestService>;
