import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/db.js';
import { sqlState } from '../../db/errors.js';
import type { Clock } from '../../domain/clock.js';
import { APPLICATIONS } from '../../shared/applications.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { formatInsz, formatKbo } from '../../shared/identifiers.js';
import { localized, type Language, type Message } from '../../shared/i18n.js';
import { msg as sharedMsg } from '../../shared/messages.js';
import { auditActionLabel, type AuditService } from '../audit/index.js';
import type { RegistryService } from '../registry/index.js';
import type { RoleChoice } from '../auth/auth.schema.js';
import type {
  AddMemberBody,
  ChangeTbBody,
  MemberSummary,
  UserListFilter,
  UserListQuery,
} from './access.schema.js';
import { TYPE_LABELS } from './access.schema.js';
import { accessMessages, type AccessMessageKey } from './access-messages.js';
import type { Cell, ExportTable } from './access-export.js';
import * as repo from './access.repo.js';
import { can, canActOn, permissionsOf, type AuthContext, type MembershipType, type Permission, type SubjectAction } from './authorization.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblems, type StrengthProblem } from './password-strength.js';

/**
 * The person making a call: who, with the role chosen for the session. `language` is the reader's
 * language, read only by the modules not yet moved to keys (issue 18); access management does not
 * read it: it says what went wrong with messages and the edge writes them in the reader's language.
 */
export interface Caller {
  userId: string;
  language: Language;
  context: RoleChoice | null;
}

export function authContextOf(choice: RoleChoice | null | undefined): AuthContext | null {
  if (!choice) return null;
  return {
    role: choice.role,
    organisationId: choice.organisation?.id ?? null,
    domainId: choice.domain?.id ?? null,
    domainCode: choice.domain?.code ?? null,
    applications: choice.applications,
  };
}

type NewPerson = NonNullable<AddMemberBody['person']>;

export interface ManagementDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  audit: AuditService;
  /** INSZ look-ups (person directory) one person may make per hour (OCMW_INSZ_LOOKUPS_PER_HOUR). */
  inszLookupsPerHour?: number;
}

/** Access management (SPEC §2, issue #3): every rule is checked here, whatever the caller is. */
export function createManagementService({ db, clock, registry, audit, inszLookupsPerHour = 60 }: ManagementDeps) {
  const msg = accessMessages.msg;
  const fail = (code: 'forbidden' | 'not_found', key: AccessMessageKey) => new AppError(code, msg(key));
  const forbidden = () => new AppError('forbidden', sharedMsg('auth.forbidden'));
  const invalid = (fields: FieldMessages) => new AppError('validation', sharedMsg('http.validation'), fields);
  /** The password policy's problems, one sentence each, in the order found (shared with the web form). */
  const passwordMessages = (problems: StrengthProblem[]): Message[] => problems.map((p) => sharedMsg(p));

  function ctxOf(caller: Caller): AuthContext {
    const ctx = authContextOf(caller.context);
    if (!ctx) throw new AppError('forbidden', sharedMsg('auth.context_required'));
    return ctx;
  }

  function auditBase(caller: Caller, organisationId: string, domainId: string | null) {
    return { actorUserId: caller.userId, actorRole: caller.context?.role ?? null, organisationId, domainId };
  }

  /** Loads a domain of the caller's organisation and checks the permission; 404 for other organisations' domains. */
  async function requireDomain(caller: Caller, domainId: string, permission: Permission) {
    const ctx = ctxOf(caller);
    const domain = await registry.findDomain(domainId);
    if (!domain || domain.organisationId !== ctx.organisationId) throw fail('not_found', 'domain.not_found');
    if (!can(ctx, permission, { organisationId: domain.organisationId, domainId })) throw forbidden();
    return domain;
  }

  function requireOrganisation(caller: Caller, permission: Permission): string {
    const ctx = ctxOf(caller);
    if (!ctx.organisationId || !can(ctx, permission, { organisationId: ctx.organisationId })) {
      throw forbidden();
    }
    return ctx.organisationId;
  }

  /** Field errors of the new-person part of a form (R2.5, R2.6). */
  async function newPersonProblems(person: NewPerson | undefined, existing: repo.UserRow | undefined): Promise<FieldMessages> {
    const fields: FieldMessages = {};
    if (existing) {
      if (person) fields.person = msg('person.already_known');
      return fields;
    }
    if (!person) {
      fields.person = msg('person.fields_required');
      return fields;
    }
    if (person.username !== person.usernameConfirm) fields['person.usernameConfirm'] = msg('username.mismatch');
    else if (await repo.isUsernameTaken(db, person.username)) fields['person.username'] = sharedMsg('username.taken');
    if (person.password !== person.passwordConfirm) fields['person.passwordConfirm'] = sharedMsg('password.mismatch');
    const problems = await passwordProblems(person.password, person);
    if (problems.length) fields['person.password'] = passwordMessages(problems);
    return fields;
  }

  async function createPerson(tx: Db, insz: string, person: NewPerson, passwordHash: string): Promise<string> {
    try {
      return await repo.insertUser(tx, {
        username: person.username,
        passwordHash,
        insz,
        surname: person.surname,
        firstName: person.firstName,
        title: person.title ?? null,
        language: person.language,
        email: person.email,
      });
    } catch (error) {
      // Two managers creating the same username or INSZ at the same moment.
      if (sqlState(error) === '23505') throw new AppError('conflict', sharedMsg('username.taken'), { 'person.username': sharedMsg('username.taken') });
      throw error;
    }
  }

  /**
   * The review of a person. A known person's account (username, title, language, e-mail) is shown
   * only to the managers of an organisation they already belong to; another organisation sees
   * the name, which is what the guide's flow needs to confirm the person.
   */
  function reviewOf(insz: string, existing: repo.UserRow | undefined, person: NewPerson | undefined, isKnownHere = false) {
    const account = !existing || isKnownHere;
    return {
      insz,
      inszFormatted: formatInsz(insz),
      isNew: !existing,
      username: existing ? (account ? existing.username : null) : (person?.username ?? ''),
      surname: existing?.surname ?? person?.surname ?? '',
      firstName: existing?.firstName ?? person?.firstName ?? '',
      title: existing ? (account ? existing.title : null) : (person?.title ?? null),
      language: existing ? (account ? existing.language : null) : (person?.language ?? 'nl'),
      // A known person's e-mail belongs to them; it is not shown to another organisation.
      email: existing ? null : (person?.email ?? null),
    };
  }

  /**
   * Every look-up of a person by INSZ (the directory of all organisations): audited, and at most
   * inszLookupsPerHour per person per hour, so nobody enumerates a birth date's 999 numbers.
   */
  async function lookUpInsz(caller: Caller, organisationId: string, domainId: string | null, insz: string) {
    const since = new Date(clock.now().getTime() - 3_600_000);
    if ((await audit.countByActorSince(caller.userId, 'person.lookup', since)) >= inszLookupsPerHour) {
      throw new AppError('rate_limited', msg('person.lookups_limited', { max: inszLookupsPerHour }));
    }
    const existing = await repo.findUserByInsz(db, insz);
    await audit.record(db, { ...auditBase(caller, organisationId, domainId), action: 'person.lookup', subjectUserId: existing?.id ?? null, after: { found: Boolean(existing) } });
    const isKnownHere = existing ? await repo.isKnownInOrganisation(db, existing.id, organisationId) : false;
    return { existing, isKnownHere };
  }

  function toSummary(ctx: AuthContext, callerId: string, r: repo.MemberListRow): MemberSummary {
    const subject = { type: r.type as MembershipType, isSelf: r.userId === callerId };
    return {
      userId: r.userId,
      username: r.username,
      surname: r.surname,
      firstName: r.firstName,
      insz: r.insz,
      type: r.type as MembershipType,
      typeLabel: TYPE_LABELS[r.type as MembershipType],
      status: r.status as MemberSummary['status'],
      applications: r.applications,
      email: r.email,
      localEmail: r.localEmail,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      allowed: {
        edit: canActOn(ctx, 'edit', subject),
        block: canActOn(ctx, r.status === 'blocked' ? 'unblock' : 'block', subject),
        remove: canActOn(ctx, 'remove', subject),
      },
    };
  }

  async function loadMember(tx: Db, domainId: string, userId: string) {
    const m = await repo.findMembership(tx, domainId, userId);
    if (!m) throw fail('not_found', 'member.not_found');
    return m;
  }

  function refuseUnlessAllowed(ctx: AuthContext, action: SubjectAction, m: repo.MembershipRow, callerId: string) {
    const subject = { type: m.type as MembershipType, isSelf: m.userId === callerId };
    if (canActOn(ctx, action, subject)) return;
    if (subject.isSelf && action !== 'edit') throw fail('forbidden', 'member.is_self');
    if (subject.type === 'TB') throw fail('forbidden', 'member.is_tb');
    if (subject.type === 'CO_TB') throw fail('forbidden', 'member.co_tb_forbidden');
    if (action === 'remove') throw fail('forbidden', 'member.remove_forbidden');
    throw forbidden();
  }

  /** One change to one member, inside the caller's transaction; returns false when nothing changed. */
  async function applyToMember(
    tx: Db,
    caller: Caller,
    ctx: AuthContext,
    domain: { id: string; organisationId: string },
    userId: string,
    change:
      | { kind: 'remove' }
      | { kind: 'status'; status: 'active' | 'blocked' }
      | { kind: 'applications'; add?: string[]; remove?: string[]; set?: string[] }
      | { kind: 'localEmail'; localEmail: string | null },
  ): Promise<boolean> {
    const m = await loadMember(tx, domain.id, userId);
    const before = { type: m.type, status: m.status, applications: m.applications, localEmail: m.localEmail };
    const base = { ...auditBase(caller, domain.organisationId, domain.id), subjectUserId: userId };
    if (change.kind === 'remove') {
      refuseUnlessAllowed(ctx, 'remove', m, caller.userId);
      await repo.deleteMembership(tx, m.id);
      await audit.record(tx, { ...base, action: 'member.remove', before, after: null });
      return true;
    }
    if (change.kind === 'status') {
      refuseUnlessAllowed(ctx, change.status === 'blocked' ? 'block' : 'unblock', m, caller.userId);
      if (m.status === change.status) return false;
      await repo.updateMembership(tx, m.id, { status: change.status }, clock.now());
      await audit.record(tx, { ...base, action: change.status === 'blocked' ? 'member.block' : 'member.unblock', before: { status: m.status }, after: { status: change.status } });
      return true;
    }
    refuseUnlessAllowed(ctx, 'edit', m, caller.userId);
    if (change.kind === 'localEmail') {
      if (m.localEmail === change.localEmail) return false;
      await repo.updateMembership(tx, m.id, { localEmail: change.localEmail }, clock.now());
      await audit.record(tx, { ...base, action: 'member.update', before: { localEmail: m.localEmail }, after: { localEmail: change.localEmail } });
      return true;
    }
    const next = new Set(change.set ?? m.applications);
    for (const a of change.add ?? []) next.add(a);
    for (const a of change.remove ?? []) next.delete(a);
    const after = [...next].sort();
    if (after.join(',') === m.applications.join(',')) return false;
    await repo.setApplications(tx, m.id, after);
    await repo.updateMembership(tx, m.id, {}, clock.now());
    await audit.record(tx, { ...base, action: 'member.applications', before: { applications: m.applications }, after: { applications: after } });
    return true;
  }

  const MEMBER_COLUMNS = (['col.surname', 'col.firstName', 'col.username', 'col.type', 'col.insz', 'col.status', 'col.applications'] as const).map((k) => msg(k));
  const AUDIT_COLUMNS = (['col.at', 'col.actor', 'col.role', 'col.action', 'col.subject', 'col.domain', 'col.before', 'col.after'] as const).map((k) => msg(k));
  const applicationNames = new Map<string, Cell>(APPLICATIONS.map((a) => [a.code, a.name]));

  function memberCells(r: repo.MemberListRow): Cell[] {
    return [
      r.surname,
      r.firstName,
      r.username,
      TYPE_LABELS[r.type as MembershipType],
      r.insz ? formatInsz(r.insz) : '',
      msg(r.status === 'blocked' ? 'status.blocked' : 'status.active'),
      r.applications.map((a) => applicationNames.get(a) ?? a),
    ];
  }

  return {
    /** "Een gebruiker toevoegen — INSZ — Volgende": is this person known (only the name is shown)? */
    async lookupPerson(caller: Caller, domainId: string, insz: string) {
      const domain = await requireDomain(caller, domainId, 'access.add-user');
      const { existing } = await lookUpInsz(caller, domain.organisationId, domainId, insz);
      const member = existing ? await repo.findMembership(db, domainId, existing.id) : undefined;
      return {
        insz,
        exists: Boolean(existing),
        surname: existing?.surname ?? null,
        firstName: existing?.firstName ?? null,
        isMember: Boolean(member),
      };
    },

    /**
     * Adds a user or co-TB to a domain (R2.4, R2.5), reusing a known person; with dryRun it
     * validates and returns the review without writing. Throws validation with fields,
     * forbidden, not_found or conflict.
     */
    async addMember(caller: Caller, domainId: string, body: AddMemberBody, options: { dryRun: boolean }) {
      const domain = await requireDomain(caller, domainId, body.type === 'CO_TB' ? 'access.manage-co-tb' : 'access.add-user');
      const { existing, isKnownHere } = await lookUpInsz(caller, domain.organisationId, domainId, body.insz);
      const fields = await newPersonProblems(body.person, existing);
      if (existing && (await repo.findMembership(db, domainId, existing.id))) fields.insz = msg('member.exists');
      if (Object.keys(fields).length) throw invalid(fields);
      const review = {
        person: reviewOf(body.insz, existing, body.person, isKnownHere),
        type: body.type,
        applications: [...new Set(body.applications)].sort(),
        localEmail: body.localEmail ?? null,
      };
      if (options.dryRun) return { ...review, userId: isKnownHere ? existing!.id : null };
      const passwordHash = existing ? '' : await hashPassword(body.person!.password);
      const userId = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const id = existing?.id ?? (await createPerson(tx, body.insz, body.person!, passwordHash));
        if (await repo.findMembership(tx, domainId, id)) throw invalid({ insz: msg('member.exists') });
        await repo.insertMembership(tx, { domainId, userId: id, type: body.type, localEmail: review.localEmail, applications: review.applications });
        if (!existing) await audit.record(tx, { ...auditBase(caller, domain.organisationId, domainId), action: 'person.create', subjectUserId: id, after: { username: review.person.username } });
        await audit.record(tx, {
          ...auditBase(caller, domain.organisationId, domainId),
          action: 'member.add',
          subjectUserId: id,
          after: { type: body.type, applications: review.applications, localEmail: review.localEmail },
        });
        return id;
      });
      // Now a member here: the account is this organisation's to see.
      return { ...review, person: reviewOf(body.insz, existing, body.person, true), userId };
    },

    /** "Van Toegangsbeheerder veranderen" (R2.3): the new TB replaces the old one, who stays as co-TB [choice]. */
    async changeTb(caller: Caller, domainId: string, body: ChangeTbBody, options: { dryRun: boolean }) {
      const domain = await requireDomain(caller, domainId, 'access.change-tb');
      const { existing, isKnownHere } = await lookUpInsz(caller, domain.organisationId, domainId, body.insz);
      const current = await repo.findTb(db, domainId);
      const fields = await newPersonProblems(body.person, existing);
      if (existing && current?.userId === existing.id) fields.insz = msg('tb.same_person');
      if (Object.keys(fields).length) throw invalid(fields);
      const review = { person: reviewOf(body.insz, existing, body.person, isKnownHere), localEmail: body.localEmail ?? null, previousTbUserId: current?.userId ?? null };
      if (options.dryRun) return review;
      const passwordHash = existing ? '' : await hashPassword(body.person!.password);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const base = auditBase(caller, domain.organisationId, domainId);
        const id = existing?.id ?? (await createPerson(tx, body.insz, body.person!, passwordHash));
        const old = await repo.findTb(tx, domainId);
        if (old) {
          await repo.updateMembership(tx, old.id, { type: 'CO_TB' }, clock.now());
          await audit.record(tx, { ...base, action: 'tb.replaced', subjectUserId: old.userId, before: { type: 'TB' }, after: { type: 'CO_TB' } });
        }
        const member = await repo.findMembership(tx, domainId, id);
        if (member) {
          await repo.updateMembership(tx, member.id, { type: 'TB', status: 'active', ...(body.localEmail !== undefined ? { localEmail: body.localEmail } : {}) }, clock.now());
        } else {
          await repo.insertMembership(tx, { domainId, userId: id, type: 'TB', localEmail: review.localEmail, applications: [] });
        }
        await audit.record(tx, {
          ...base,
          action: 'tb.appointed',
          subjectUserId: id,
          before: member ? { type: member.type, status: member.status } : null,
          after: { type: 'TB', status: 'active' },
        });
      });
      return review;
    },

    /** One page of a domain's users (R2.9) with what the caller may do to each. */
    async listMembers(caller: Caller, domainId: string, q: UserListQuery) {
      await requireDomain(caller, domainId, 'access.read');
      const ctx = ctxOf(caller);
      const { rows, total } = await repo.listMembers(db, domainId, q, { column: q.sort, order: q.order }, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: rows.map((r) => toSummary(ctx, caller.userId, r)), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * The filtered list with the screen's columns (R2.11), as a table without words: the route
     * writes it as CSV (UTF-8 with BOM) or XLSX in the reader's language (access-export.ts).
     */
    async exportMembers(caller: Caller, domainId: string, q: UserListFilter & { sort: string; order: 'asc' | 'desc' }): Promise<ExportTable> {
      const domain = await requireDomain(caller, domainId, 'access.read');
      const { rows } = await repo.listMembers(db, domainId, q, { column: q.sort, order: q.order }, 0, null);
      const org = await registry.getOrganisation(domain.organisationId);
      return {
        basename: `gebruikers-${org.kbo}-${domain.code}-${clock.today()}`,
        sheet: domain.name,
        header: MEMBER_COLUMNS,
        rows: rows.map(memberCells),
        createdAt: clock.now(),
        persons: rows.map((r) => ({ id: r.userId, insz: r.insz })),
      };
    },

    async getMember(caller: Caller, domainId: string, userId: string) {
      await requireDomain(caller, domainId, 'access.read');
      const ctx = ctxOf(caller);
      const { rows } = await repo.listMembers(db, domainId, { userId }, { column: 'surname', order: 'asc' }, 0, 1);
      const row = rows[0];
      if (!row) throw fail('not_found', 'member.not_found');
      return { ...toSummary(ctx, caller.userId, row), title: row.title, language: row.language };
    },

    /** Changes a member's status, applications or local e-mail; all or nothing. */
    async updateMember(caller: Caller, domainId: string, userId: string, body: { status?: 'active' | 'blocked'; applications?: string[]; localEmail?: string | null }) {
      const domain = await requireDomain(caller, domainId, 'access.read');
      const ctx = ctxOf(caller);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        if (body.status) await applyToMember(tx, caller, ctx, domain, userId, { kind: 'status', status: body.status });
        if (body.applications) await applyToMember(tx, caller, ctx, domain, userId, { kind: 'applications', set: [...new Set(body.applications)] });
        if (body.localEmail !== undefined) await applyToMember(tx, caller, ctx, domain, userId, { kind: 'localEmail', localEmail: body.localEmail });
      });
      return this.getMember(caller, domainId, userId);
    },

    async removeMember(caller: Caller, domainId: string, userId: string): Promise<void> {
      const domain = await requireDomain(caller, domainId, 'access.read');
      const ctx = ctxOf(caller);
      await db.transaction(async (txh) => applyToMember(txh as unknown as Db, caller, ctx, domain, userId, { kind: 'remove' }));
    },

    /**
     * Bulk action on checked users (R2.10): each user in a transaction of its own, so a
     * refusal or failure for one user leaves nothing half applied for them and does not stop
     * the others. Reports done / unchanged / refused (with the reason, a message) per user.
     */
    async bulk(caller: Caller, domainId: string, body: { action: string; userIds: string[]; applications?: string[] }) {
      const domain = await requireDomain(caller, domainId, 'access.read');
      const ctx = ctxOf(caller);
      const results: { userId: string; outcome: 'done' | 'refused' | 'unchanged'; reason?: string | Message }[] = [];
      for (const userId of [...new Set(body.userIds)]) {
        const change =
          body.action === 'remove'
            ? ({ kind: 'remove' } as const)
            : body.action === 'block' || body.action === 'unblock'
              ? ({ kind: 'status', status: body.action === 'block' ? 'blocked' : 'active' } as const)
              : ({ kind: 'applications', [body.action === 'addApplications' ? 'add' : 'remove']: body.applications ?? [] } as const);
        try {
          const changed = await db.transaction(async (txh) => applyToMember(txh as unknown as Db, caller, ctx, domain, userId, change));
          results.push({ userId, outcome: changed ? 'done' : 'unchanged' });
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          // The reason as the domain says it (a message): the route writes it in the reader's language.
          results.push({ userId, outcome: 'refused', reason: error.detail });
        }
      }
      return { results, done: results.filter((r) => r.outcome === 'done').length, refused: results.filter((r) => r.outcome === 'refused').length };
    },

    /**
     * The manager's home of a domain: organisation, KBO, creation date, contact e-mail, TB, counts.
     * The names come in every language; the route gives the reader's.
     */
    async domainHome(caller: Caller, domainId: string) {
      const domain = await requireDomain(caller, domainId, 'access.read');
      const org = await registry.getOrganisation(domain.organisationId);
      const tb = await repo.findTb(db, domainId);
      const tbUser = tb ? await repo.findUser(db, tb.userId) : undefined;
      return {
        organisation: { id: org.id, name: localized(org.name), kbo: org.kbo, kboFormatted: formatKbo(org.kbo) },
        domain: { id: domain.id, code: domain.code, name: localized(domain.name), contactEmail: domain.contactEmail, createdAt: domain.createdAt },
        tb: tbUser ? { userId: tbUser.id, surname: tbUser.surname, firstName: tbUser.firstName } : null,
        counts: await repo.memberCounts(db, domainId),
        permissions: permissionsOf(ctxOf(caller)),
      };
    },

    /** "De details van de hoedanigheid wijzigen": the domain's contact e-mail. */
    async updateDomain(caller: Caller, domainId: string, contactEmail: string) {
      const domain = await requireDomain(caller, domainId, 'access.edit-domain');
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await registry.updateDomainContact(tx, domainId, contactEmail);
        await audit.record(tx, { ...auditBase(caller, domain.organisationId, domainId), action: 'domain.update', before: { contactEmail: domain.contactEmail }, after: { contactEmail } });
      });
      return this.domainHome(caller, domainId);
    },

    /** The organisation's domains the caller can manage (an HTB sees them all; a TB its own). */
    async listDomains(caller: Caller) {
      const ctx = ctxOf(caller);
      if (!ctx.organisationId) return [];
      const all = await registry.listDomains(ctx.organisationId);
      return all.filter((d) => can(ctx, 'access.read', { organisationId: ctx.organisationId!, domainId: d.id }));
    },

    async listManagers(caller: Caller) {
      const organisationId = requireOrganisation(caller, 'access.read');
      return (await repo.listManagers(db, organisationId)).map((m) => ({ ...m, role: m.role as 'HTB' | 'CO_HTB' }));
    },

    /** Adds a co-HTB (R2.1); a new INSZ needs the new-person fields. */
    async addCoHtb(caller: Caller, body: { insz: string; person?: NewPerson }, options: { dryRun: boolean }) {
      const organisationId = requireOrganisation(caller, 'access.manage-co-htb');
      const { existing, isKnownHere } = await lookUpInsz(caller, organisationId, null, body.insz);
      const fields = await newPersonProblems(body.person, existing);
      if (existing && (await repo.findManager(db, organisationId, existing.id))) fields.insz = msg('manager.exists');
      if (Object.keys(fields).length) throw invalid(fields);
      const review = { person: reviewOf(body.insz, existing, body.person, isKnownHere) };
      if (options.dryRun) return review;
      const passwordHash = existing ? '' : await hashPassword(body.person!.password);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const id = existing?.id ?? (await createPerson(tx, body.insz, body.person!, passwordHash));
        await repo.insertManagers(tx, [{ organisationId, userId: id, role: 'CO_HTB' }]);
        await audit.record(tx, { ...auditBase(caller, organisationId, null), action: 'co-htb.add', subjectUserId: id, after: { role: 'CO_HTB' } });
      });
      return review;
    },

    async removeCoHtb(caller: Caller, userId: string): Promise<void> {
      const organisationId = requireOrganisation(caller, 'access.manage-co-htb');
      const manager = await repo.findManager(db, organisationId, userId);
      if (!manager) throw fail('not_found', 'member.not_found');
      if (manager.role === 'HTB') throw fail('forbidden', 'manager.htb_fixed');
      if (userId === caller.userId) throw fail('forbidden', 'member.is_self');
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.deleteManager(tx, organisationId, userId);
        await audit.record(tx, { ...auditBase(caller, organisationId, null), action: 'co-htb.remove', subjectUserId: userId, before: { role: 'CO_HTB' } });
      });
    },

    /** The audit log of the organisation ((co-)HTB) or of the TB's own domain (R2.12). */
    async listAudit(caller: Caller, q: { domainId?: string; action?: string; from?: string; to?: string; page: number; pageSize: number }) {
      const organisationId = requireOrganisation(caller, 'access.read-audit');
      const ctx = ctxOf(caller);
      const domainId = ctx.domainId ?? q.domainId;
      return audit.list({ ...q, organisationId, domainId });
    },

    /** The audit log as a table without words; the route writes it as CSV or XLSX in the reader's language. */
    async exportAudit(caller: Caller, q: { domainId?: string; action?: string; from?: string; to?: string }): Promise<ExportTable> {
      const page = await this.listAudit(caller, { ...q, page: 1, pageSize: 100_000 });
      const rows = page.items.map((i) => [
        i.at,
        i.actorUsername ?? '',
        i.actorRole ?? '',
        // The action as people call it (issue 18), in the export's language.
        auditActionLabel(i.action),
        i.subjectUsername ?? '',
        i.domainId ?? '',
        i.before == null ? '' : JSON.stringify(i.before),
        i.after == null ? '' : JSON.stringify(i.after),
      ]);
      return { basename: `audit-${clock.today()}`, sheet: 'Audit', header: AUDIT_COLUMNS, rows, createdAt: clock.now() };
    },

    /**
     * Finds the person with this INSZ, or creates one with a generated username and a
     * temporary password that is returned once (R2.14: the region's HTB file names people who
     * may have no account yet). Runs in the caller's transaction.
     */
    async ensurePerson(tx: Db, p: { insz: string; surname: string; firstName: string; email: string }) {
      const existing = await repo.findUserByInsz(tx, p.insz);
      if (existing) return { userId: existing.id, created: null };
      const base = `${p.firstName}.${p.surname}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, '')
        .slice(0, 40) || 'htb';
      let username = base;
      for (let i = 2; await repo.isUsernameTaken(tx, username); i++) username = `${base}${i}`;
      const temporaryPassword = randomBytes(12).toString('base64url');
      const userId = await repo.insertUser(tx, {
        username,
        passwordHash: await hashPassword(temporaryPassword),
        insz: p.insz,
        surname: p.surname,
        firstName: p.firstName,
        language: 'nl',
        email: p.email,
        // A temporary password: the person chooses their own at the first login (issue 16).
        mustChangePassword: true,
      });
      return { userId, created: { username, temporaryPassword } };
    },

    /** The person with this INSZ, if known (name only). */
    async findPersonByInsz(insz: string) {
      const u = await repo.findUserByInsz(db, insz);
      return u && { userId: u.id, surname: u.surname, firstName: u.firstName, username: u.username };
    },

    /** The current HTB of an organisation, if any. */
    async findHtb(organisationId: string) {
      return repo.findHtb(db, organisationId);
    },

    /**
     * Makes the person the HTB of the organisation (R1.6, R2.14); a previous HTB stays as
     * co-HTB [choice]. Runs in the caller's transaction; returns what changed.
     */
    async appointHtb(tx: Db, actor: { userId: string; role: string }, organisationId: string, userId: string): Promise<'appoint' | 'replace' | 'unchanged'> {
      const current = await repo.findHtb(tx, organisationId);
      if (current?.userId === userId) return 'unchanged';
      const base = { actorUserId: actor.userId, actorRole: actor.role, organisationId, domainId: null };
      if (current) {
        await repo.setManagerRole(tx, organisationId, current.userId, 'CO_HTB');
        await audit.record(tx, { ...base, action: 'htb.replaced', subjectUserId: current.userId, before: { role: 'HTB' }, after: { role: 'CO_HTB' } });
      }
      const existingRole = await repo.findManager(tx, organisationId, userId);
      if (existingRole) await repo.setManagerRole(tx, organisationId, userId, 'HTB');
      else await repo.insertManagers(tx, [{ organisationId, userId, role: 'HTB' }]);
      await audit.record(tx, { ...base, action: 'htb.appointed', subjectUserId: userId, before: existingRole ?? null, after: { role: 'HTB' } });
      return current ? 'replace' : 'appoint';
    },

    /** "Mijn persoonlijke gegevens" */
    async getMe(caller: Caller) {
      const u = await repo.findUser(db, caller.userId);
      if (!u) throw new AppError('not_found', sharedMsg('http.not_found'));
      return { username: u.username, insz: u.insz, surname: u.surname, firstName: u.firstName, title: u.title as 'DE_HEER' | 'MEVROUW' | null, language: u.language as Language, email: u.email };
    },

    async updateMe(caller: Caller, body: { surname: string; firstName: string; title: 'DE_HEER' | 'MEVROUW' | null; language: Language; email: string }) {
      const before = await this.getMe(caller);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.updateUser(tx, caller.userId, { ...body, updatedAt: clock.now() });
        await audit.record(tx, {
          actorUserId: caller.userId,
          actorRole: caller.context?.role ?? null,
          organisationId: caller.context?.organisation?.id ?? null,
          domainId: caller.context?.domain?.id ?? null,
          action: 'person.update',
          subjectUserId: caller.userId,
          before: { surname: before.surname, firstName: before.firstName, title: before.title, language: before.language, email: before.email },
          after: body,
        });
      });
      return this.getMe(caller);
    },

    /**
     * "Mijn wachtwoord wijzigen": the current password is required and the policy applies
     * (R2.6). The caller (auth) ends the person's other sessions afterwards.
     */
    async changePassword(caller: Caller, body: { currentPassword: string; newPassword: string; newPasswordConfirm: string }) {
      const u = await repo.findUser(db, caller.userId);
      if (!u) throw new AppError('not_found', sharedMsg('http.not_found'));
      const fields: FieldMessages = {};
      if (!(await verifyPassword(u.passwordHash, body.currentPassword))) fields.currentPassword = msg('password.current_wrong');
      const problems = await passwordProblems(body.newPassword, u);
      if (problems.length) fields.newPassword = passwordMessages(problems);
      if (body.newPassword !== body.newPasswordConfirm) fields.newPasswordConfirm = sharedMsg('password.mismatch');
      if (Object.keys(fields).length) throw invalid(fields);
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.updateUser(tx, u.id, { passwordHash, mustChangePassword: false, updatedAt: clock.now() });
        await audit.record(tx, {
          actorUserId: u.id,
          actorRole: caller.context?.role ?? null,
          organisationId: caller.context?.organisation?.id ?? null,
          domainId: caller.context?.domain?.id ?? null,
          action: 'person.password',
          subjectUserId: u.id,
        });
      });
    },
  };
}

export type ManagementService = ReturnType<typeof createManagementService>;
