import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { clearAttempts, reserveAttempt, throttleKey, type ThrottlePolicy } from '../../db/lockout.js';
import type { Db } from '../../db/db.js';
import { sqlState } from '../../db/errors.js';
import { daysBetween, type Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages, type RuleViolationMessage } from '../../shared/errors.js';
import { isLanguage, localized, type LocalizedText, type Message } from '../../shared/i18n.js';
import { formatKbo } from '../../shared/identifiers.js';
import { msg } from '../../shared/messages.js';
import { authContextOf, burnVerification, can, hashPassword, verifyPassword, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { RegistryService } from '../registry/index.js';
import { checkCertificate, type CertificateUse } from './certificate-policy.js';
import { createTrustStore, type TrustStore } from './certificate-trust.js';
import { channelMessages, DELEGATION_STATUS_WORDS, type ChannelMessageKey } from './channel-messages.js';
import type {
  AccountSummary,
  DelegationSummary,
  FtpAccountBody,
  RestAccountBody,
  SenderBody,
  SoapAccountBody,
} from './channels.schema.js';
import { FTP_PERMISSIONS, REST_PERMISSIONS } from './channels.schema.js';
import * as repo from './channels.repo.js';
import { checkFtpPassword, checkFtpUsername, generateFtpPassword } from './ftp-credentials.js';

export interface ChannelsDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  audit: AuditService;
  notifications: NotificationsService;
  /** The channel login's lockout (N5): the people's login settings by default. */
  lockout?: ThrottlePolicy;
  /** R3.9′: the CAs an FTP certificate must chain to (the runtime's roots + OCMW_TRUSTED_CA_FILE). */
  trust?: TrustStore;
  /**
   * Tells the platform administrators (issue 17: a certificate conflict); by default nobody. The
   * alert is keys (issue 18): the mail renderer writes it in each administrator's language.
   */
  alertAdmins?: (alert: AdminAlert) => Promise<void>;
}

/** A mail to the platform administrators as the domain says it: keys, no text. */
export interface AdminAlert {
  kind: string;
  subject: Message;
  body: Message;
}

const MAX_CERTIFICATE_BYTES = 64 * 1024;
const EXPIRY_WARNING_DAYS = 30;
/**
 * R6.9: how long the vendor port may reuse what it read about a client certificate (its account,
 * OCMW and permissions). A ChaMan change in this process forgets everything at once; another
 * instance notices within this time (the security trade-off is in the module README).
 */
export const CERTIFICATE_CACHE_MS = 5_000;
const CERTIFICATE_CACHE_MAX = 10_000;

type CertificateInput = z.infer<typeof FtpAccountBody>['certificate'];

/** A delegation request as the service gives it: the names in every language (the edge picks the reader's). */
export type NamedDelegation = Omit<DelegationSummary, 'intermediary' | 'requester'> & {
  intermediary: { id: string; name: LocalizedText; kbo: string };
  requester: { organisationName: LocalizedText; kbo: string; domain: LocalizedText };
};

class RollbackPreview extends Error {}

/** A certificate's state on the ChaMan page: expired, within the warning period, or fine. */
function expiryOf(daysLeft: number): 'expired' | 'expiring' | 'ok' {
  return daysLeft < 0 ? 'expired' : daysLeft <= EXPIRY_WARNING_DAYS ? 'expiring' : 'ok';
}

/** ChaMan (SPEC §3): every rule is checked here, whoever calls (portal, vendor, CLI). */
export function createChannelsService({ db, clock, registry, audit, notifications, lockout = { maxFailures: 5, delaySeconds: 30, maxDelayMinutes: 15 }, trust = createTrustStore(), alertAdmins = async () => {} }: ChannelsDeps) {
  const { msg: channelMsg } = channelMessages;

  // Fingerprint → certificate and account as last read (R6.9), for CERTIFICATE_CACHE_MS. Only
  // fingerprints that exist are kept (an unknown one is looked up every time, so a new upload
  // works at once everywhere). The generation makes a lookup that started before a change not
  // store what it read.
  type CertificateOwner = NonNullable<Awaited<ReturnType<typeof repo.findCertificateOwner>>>;
  const certificateOwners = new Map<string, { row: CertificateOwner; until: number }>();
  let certificateGeneration = 0;

  /** Called after every ChaMan change of an account or certificate in this process. */
  function forgetCertificates() {
    certificateGeneration++;
    certificateOwners.clear();
  }

  async function certificateOwner(fingerprint: string): Promise<CertificateOwner | undefined> {
    const now = clock.now().getTime();
    const cached = certificateOwners.get(fingerprint);
    if (cached && cached.until > now) return cached.row;
    const generation = certificateGeneration;
    const row = await repo.findCertificateOwner(db, fingerprint);
    if (!row) {
      certificateOwners.delete(fingerprint);
    } else if (generation === certificateGeneration) {
      if (certificateOwners.size >= CERTIFICATE_CACHE_MAX) certificateOwners.clear();
      certificateOwners.set(fingerprint, { row, until: now + CERTIFICATE_CACHE_MS });
    }
    return row;
  }

  /** "now" on the business clock: the real time on the real date, noon on another date. */
  function businessNow(): Date {
    return clock.today() === clock.realToday() ? clock.now() : new Date(`${clock.today()}T12:00:00Z`);
  }

  /** The caller's own domain, when it may use ChaMan (R3.1); vendors use theirs the same way. */
  async function requireChaman(caller: Caller) {
    const ctx = authContextOf(caller.context);
    const domainId = ctx?.domainId;
    if (!ctx || !ctx.organisationId || !domainId || !can(ctx, 'app:chaman', { organisationId: ctx.organisationId, domainId })) {
      throw new AppError('forbidden', msg('auth.forbidden'));
    }
    const domain = (await registry.findDomain(domainId))!;
    const organisation = await registry.getOrganisation(ctx.organisationId);
    return { ctx, domain, organisation };
  }

  function auditBase(caller: Caller, organisationId: string, domainId: string | null) {
    return { actorUserId: caller.userId, actorRole: caller.context?.role ?? null, organisationId, domainId };
  }

  /** Each broken rule as a message; the field says them all, one after the other. */
  function ruleMessages(rules: { rule: string; params?: Record<string, string | number> }[]): RuleViolationMessage[] {
    return rules.map((v) => ({ rule: v.rule, message: channelMsg(v.rule as ChannelMessageKey, v.params) }));
  }

  /** Decodes and checks an uploaded certificate (R3.9); throws validation listing every violated rule. */
  function verifyCertificate(input: CertificateInput, use: CertificateUse, field = 'certificate', kind?: string) {
    const bytes = Buffer.from(input.contentBase64.replace(/\s+/g, ''), 'base64');
    if (bytes.length === 0) throw new AppError('validation', channelMsg('cert.refused'), { [field]: channelMsg('cert.base64') });
    if (bytes.length > MAX_CERTIFICATE_BYTES) throw new AppError('payload_too_large', channelMsg('cert.too_large'), { [field]: channelMsg('cert.too_large') });
    const report = checkCertificate({ name: input.fileName, bytes }, { for: use, now: businessNow(), trust, ...(kind ? { kind } : {}) });
    const violations = ruleMessages(report.violations);
    if (!report.readable || !report.accepted) {
      throw new AppError('validation', channelMsg('cert.refused'), { [field]: violations.map((v) => v.message as Message) }, violations);
    }
    return { report, der: Buffer.from(bytes) };
  }

  /**
   * The certificate policy of an account's kind, the same at creation and at renewal: REST the
   * REST rules (self-signed allowed); SOAP the REST rules but issued by a certificate authority
   * [choice: FTP's rules, without the lifetime limit]; FTP and SFTP the FTP rules.
   */
  function verifyAccountCertificate(input: CertificateInput, kind: string) {
    if (kind === 'FTP' || kind === 'SFTP') return verifyCertificate(input, 'ftp', 'certificate', kind);
    const checked = verifyCertificate(input, 'rest');
    if (kind === 'SOAP' && checked.report.readable && checked.report.selfSigned) {
      const message = channelMsg('cert.self_signed_ftp', { kind });
      throw new AppError('validation', channelMsg('cert.refused'), { certificate: message }, [{ rule: 'cert.self_signed_ftp', message }]);
    }
    return checked;
  }

  /** A certificate that is active elsewhere: the uploader learns only that it cannot be used. */
  const unusable = () => {
    const message = channelMsg('chaman.fingerprint_in_use');
    return new AppError('conflict', message, { certificate: message }, [{ rule: 'cert.fingerprint_in_use', message }]);
  };

  /**
   * Refuses a certificate already active on an account (R3.10) before any transaction, and tells
   * the platform administrators who tried it: registering someone else's certificate must not
   * silently block its owner, and must not tell the uploader whose it is.
   */
  async function refuseCertificateInUse(checked: ReturnType<typeof verifyCertificate>, caller: Caller, organisationId: string) {
    const { report } = checked;
    if (!report.readable || !(await repo.isFingerprintActive(db, report.fingerprintHex))) return;
    const uploader = await registry.getOrganisation(organisationId);
    const params = { organisation: uploader.name, kbo: uploader.kboFormatted, userId: caller.userId, fingerprint: report.fingerprint, subject: report.subject };
    await alertAdmins({ kind: 'admin.alert', subject: channelMsg('mail.admin.cert_conflict.subject'), body: channelMsg('mail.admin.cert_conflict.body', params) });
    throw unusable();
  }

  async function storeCertificate(tx: Db, accountId: string, name: string, checked: ReturnType<typeof verifyCertificate>, caller: Caller, organisationId: string) {
    const { report, der } = checked;
    if (!report.readable) return;
    if (await repo.isFingerprintActive(tx, report.fingerprintHex)) throw unusable();
    try {
      await repo.insertCertificate(tx, {
        accountId,
        name,
        fingerprint: report.fingerprintHex,
        der,
        subject: report.subject,
        issuer: report.issuer,
        keyType: report.key,
        signature: report.signature,
        selfSigned: report.selfSigned,
        notBefore: new Date(report.notBefore),
        notAfter: new Date(report.notAfter),
        uploadedBy: caller.userId,
        uploadedByOrganisationId: organisationId,
      });
    } catch (error) {
      if (sqlState(error) === '23505') throw unusable();
      throw error;
    }
  }



  async function summarizeAccounts(rows: repo.AccountRow[]) {
    const certs = await repo.activeCertificates(db, rows.map((r) => r.id));
    const today = clock.today();
    const intermediaries = await registry.listOrganisationsByIds(rows.map((r) => r.intermediaryOrganisationId).filter((x): x is string => !!x));
    return rows.map((r) => {
      const c = certs.find((x) => x.accountId === r.id);
      const daysLeft = c ? daysBetween(today, c.notAfter.toISOString().slice(0, 10)) : 0;
      const im = r.intermediaryOrganisationId ? intermediaries.get(r.intermediaryOrganisationId) : undefined;
      return {
        id: r.id,
        kind: r.kind as AccountSummary['kind'],
        name: r.name,
        permissions: r.permissions,
        username: r.username,
        management: r.management as AccountSummary['management'],
        intermediary: im ? { id: im.id, name: localized(im.name), kbo: im.kbo } : null,
        certificate: c
          ? {
              id: c.id,
              name: c.name,
              fingerprint: c.fingerprint,
              subject: c.subject,
              issuer: c.issuer,
              keyType: c.keyType,
              signature: c.signature,
              selfSigned: c.selfSigned,
              notBefore: c.notBefore.toISOString(),
              notAfter: c.notAfter.toISOString(),
              expiry: expiryOf(daysLeft),
              daysLeft,
            }
          : null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt?.toISOString() ?? null,
      };
    });
  }

  /** The delegation requests, the organisations and domains named in every language (the edge picks the reader's). */
  async function summarizeDelegations(rows: repo.DelegationRow[]): Promise<NamedDelegation[]> {
    const domainIds = [...new Set(rows.map((r) => r.domainId))];
    const domains = new Map(await Promise.all(domainIds.map(async (id) => [id, await registry.findDomain(id)] as const)));
    const orgs = await registry.listOrganisationsByIds([
      ...rows.map((r) => r.intermediaryOrganisationId),
      ...[...domains.values()].map((d) => d?.organisationId).filter((x): x is string => !!x),
    ]);
    return rows.map((r) => {
      const d = domains.get(r.domainId)!;
      const requester = orgs.get(d.organisationId)!;
      const im = orgs.get(r.intermediaryOrganisationId)!;
      return {
        id: r.id,
        accountName: r.accountName,
        permissions: r.permissions,
        status: r.status as DelegationSummary['status'],
        intermediary: { id: im.id, name: localized(im.name), kbo: im.kbo },
        requester: { organisationName: localized(requester.name), kbo: requester.kbo, domain: localized(d.name) },
        requestedAt: r.requestedAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        reason: r.reason,
        accountId: r.accountId,
      };
    });
  }

  async function requireSender(domainId: string) {
    const sender = await repo.findSender(db, domainId);
    if (!sender) throw new AppError('forbidden', channelMsg('chaman.sender_required'));
    return sender;
  }

  // Read before a transaction opens: on PGlite a query outside the transaction would wait for it.
  async function requesterDomainOf(delegationId: string) {
    const d = await repo.findDelegationUnlocked(db, delegationId);
    return d ? await registry.findDomain(d.domainId) : undefined;
  }

  /**
   * Takes the account's row for a change inside `tx`; an account deleted meanwhile (another
   * session, a merger) is "not found", never an error of the server.
   */
  async function lockLiveAccount(tx: Db, accountId: string) {
    if (!(await repo.lockLiveAccount(tx, accountId))) throw new AppError('not_found', channelMsg('chaman.account_not_found'));
  }

  /** The account's summary after a change; gone meanwhile is "not found". */
  async function summaryAfterChange(accountId: string) {
    const row = await repo.findAccount(db, accountId);
    if (!row) throw new AppError('not_found', channelMsg('chaman.account_not_found'));
    return (await summarizeAccounts([row]))[0]!;
  }

  async function ownAccount(caller: Caller, accountId: string) {
    const { domain, organisation } = await requireChaman(caller);
    const account = await repo.findAccount(db, accountId);
    if (!account || account.domainId !== domain.id) throw new AppError('not_found', channelMsg('chaman.account_not_found'));
    return { domain, organisation, account };
  }

  /**
   * Issue 19: an account whose certificate the caller keeps: its own domain's, or a REST account of
   * another organisation that the caller's vendor accepted (R3.8). Answers where to audit it.
   */
  async function certificateAccount(caller: Caller, accountId: string) {
    const { domain, organisation } = await requireChaman(caller);
    const account = await repo.findAccount(db, accountId);
    if (account && account.domainId === domain.id) {
      // R3.8: an externally managed REST account's certificate is the vendor's to load, not the OCMW's.
      if (account.management === 'external') {
        const vendor = account.intermediaryOrganisationId ? (await registry.listOrganisationsByIds([account.intermediaryOrganisationId])).get(account.intermediaryOrganisationId) : undefined;
        throw new AppError('conflict', channelMsg('chaman.certificate_of_vendor', { intermediary: vendor ? localized(vendor.name) : '' }));
      }
      return { organisation, account, auditAt: [{ organisationId: organisation.id, domainId: domain.id }] };
    }
    if (account && account.management === 'external' && account.intermediaryOrganisationId === organisation.id) {
      const owner = await registry.findDomain(account.domainId);
      return {
        organisation,
        account,
        auditAt: [{ organisationId: organisation.id, domainId: null }, ...(owner ? [{ organisationId: owner.organisationId, domainId: owner.id }] : [])],
      };
    }
    throw new AppError('not_found', channelMsg('chaman.account_not_found'));
  }

  /** The accounts a vendor manages for others, each with the organisation and domain it belongs to. */
  async function managedAccounts(organisationId: string) {
    const rows = await repo.listManagedAccounts(db, organisationId);
    if (rows.length === 0) return [];
    const domains = new Map(await Promise.all([...new Set(rows.map((r) => r.domainId))].map(async (id) => [id, await registry.findDomain(id)] as const)));
    const orgs = await registry.listOrganisationsByIds([...domains.values()].map((d) => d?.organisationId).filter((x): x is string => !!x));
    const summaries = await summarizeAccounts(rows);
    return rows.flatMap((r, i) => {
      const d = domains.get(r.domainId);
      const owner = d ? orgs.get(d.organisationId) : undefined;
      return d && owner ? [{ owner: { organisationName: localized(owner.name), kbo: owner.kbo, domain: localized(d.name) }, account: summaries[i]! }] : [];
    });
  }

  /**
   * The one rule of an open FTP/SFTP channel (HTTPS download and SFTP alike): the account's
   * organisation still has access. R3.12/R8.4: a disappearing OCMW keeps its channels after the
   * merger's effective date; R8.3: once an administrator ended its access, they close with it.
   */
  async function openChannel(account: repo.AccountRow) {
    const domain = await registry.findDomain(account.domainId);
    const organisation = domain && (await registry.listOrganisationsByIds([domain.organisationId])).get(domain.organisationId);
    if (!organisation || (organisation.accessEndedOn !== null && organisation.accessEndedOn <= clock.today())) return undefined;
    // `credential` changes with the password: an SFTP session opened with the old one ends at its next request.
    const credential = createHash('sha256').update(account.passwordHash ?? '').digest('hex').slice(0, 16);
    return { accountId: account.id, organisationId: organisation.id, permissions: account.permissions, username: account.username!, credential };
  }

  /** A delegation request decided already: the refusal says how (in words, not the stored code). */
  function notPending(status: string) {
    return new AppError('conflict', channelMsg('chaman.delegation_not_pending', { status: DELEGATION_STATUS_WORDS[status] ?? status }));
  }

  return {
    /**
     * ChaMan's home page: sender, accounts with certificate state, delegation requests (both ways);
     * names in every language, for the edge to pick the reader's.
     */
    async home(caller: Caller, status?: string) {
      const { domain, organisation } = await requireChaman(caller);
      const sender = await repo.findSender(db, domain.id);
      return {
        organisation: { id: organisation.id, name: localized(organisation.name), kbo: organisation.kbo, kind: organisation.kind },
        domain: { id: domain.id, code: domain.code, name: localized(domain.name) },
        sender: sender
          ? { senderNumber: sender.senderNumber, contactName: sender.contactName, phoneCode: sender.phoneCode, phoneNumber: sender.phoneNumber, email: sender.email, language: sender.language }
          : null,
        accounts: await summarizeAccounts(await repo.listAccounts(db, domain.id)),
        delegations: await summarizeDelegations(await repo.listDelegations(db, { domainId: domain.id, status })),
        incoming:
          organisation.kind === 'vendor'
            ? await summarizeDelegations(await repo.listDelegations(db, { intermediaryId: organisation.id, status }))
            : [],
        managed: organisation.kind === 'vendor' ? await managedAccounts(organisation.id) : [],
      };
    },

    /** R3.2: the sender's contact data (first use, or a change); the sender number is assigned once. */
    async saveSender(caller: Caller, body: z.infer<typeof SenderBody>) {
      const { domain, organisation } = await requireChaman(caller);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const before = await repo.findSender(tx, domain.id);
        const after = await repo.upsertSender(tx, { domainId: domain.id, ...body }, clock.now());
        await audit.record(tx, {
          ...auditBase(caller, organisation.id, domain.id),
          action: before ? 'chaman.sender.update' : 'chaman.sender.create',
          before: before ? { ...before, createdAt: undefined } : null,
          after: { senderNumber: after.senderNumber, ...body },
        });
      });
      return this.home(caller);
    },

    /** The technical intermediaries a REST certificate can be delegated to (R3.7). */
    async listIntermediaries(caller: Caller) {
      await requireChaman(caller);
      const page = await registry.listOrganisations({ kind: 'vendor', page: 1, pageSize: 100 });
      return page.items.map((o) => ({ id: o.id, name: localized(o.name), kbo: o.kbo, kboFormatted: formatKbo(o.kbo) }));
    },

    /**
     * R3.3–R3.6: an FTP or SFTP account (one of each per domain), with its certificate (FTP
     * rules) and credentials; every failing rule is listed. The password (entered, or generated
     * when left empty) is returned this once and stored only as a hash.
     */
    async createFtpAccount(caller: Caller, body: z.infer<typeof FtpAccountBody>) {
      const { domain, organisation } = await requireChaman(caller);
      await requireSender(domain.id);
      const fields: FieldMessages = {};
      const violations: RuleViolationMessage[] = [];
      const password = body.password && body.password.length > 0 ? body.password : generateFtpPassword();
      const userRules = checkFtpUsername(body.username);
      const passwordRules = checkFtpPassword(password);
      for (const [field, rules] of [['username', userRules], ['password', passwordRules]] as const) {
        if (rules.length) {
          const list = ruleMessages(rules.map((rule) => ({ rule })));
          violations.push(...list);
          fields[field] = list.map((v) => v.message as Message);
        }
      }
      if (!userRules.length && (await repo.isFtpUsernameTaken(db, body.username))) fields.username = channelMsg('chaman.username_taken');
      if (await repo.findAccountOfKind(db, domain.id, body.kind)) fields.kind = channelMsg('chaman.one_per_kind', { kind: body.kind });
      let checked: ReturnType<typeof verifyCertificate> | undefined;
      try {
        checked = verifyAccountCertificate(body.certificate, body.kind);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        Object.assign(fields, error.fieldMessages);
        violations.push(...(error.violationMessages ?? []));
      }
      if (Object.keys(fields).length) throw new AppError('validation', msg('http.validation'), fields, violations.length ? violations : undefined);
      if (checked) await refuseCertificateInUse(checked, caller, organisation.id);
      const passwordHash = await hashPassword(password);
      const account = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const created = await repo.insertAccount(tx, { domainId: domain.id, kind: body.kind, name: body.name, permissions: [...new Set(body.permissions)], username: body.username, passwordHash });
        await storeCertificate(tx, created.id, body.certificateName, checked!, caller, organisation.id);
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.create', after: { id: created.id, kind: body.kind, name: body.name, permissions: body.permissions, username: body.username } });
        return created;
      }).catch((error: unknown) => {
        if (sqlState(error) === '23505') throw new AppError('conflict', channelMsg('chaman.one_per_kind', { kind: body.kind }), { kind: channelMsg('chaman.one_per_kind', { kind: body.kind }) });
        throw error;
      });
      forgetCertificates();
      const [summary] = await summarizeAccounts([account]);
      return { account: summary!, delegation: null, password };
    },

    /** A SOAP account (one per domain) with a CA-issued certificate [choice: FTP's rules, without the lifetime limit]. */
    async createSoapAccount(caller: Caller, body: z.infer<typeof SoapAccountBody>) {
      const { domain, organisation } = await requireChaman(caller);
      await requireSender(domain.id);
      if (await repo.findAccountOfKind(db, domain.id, 'SOAP')) {
        throw new AppError('validation', msg('http.validation'), { kind: channelMsg('chaman.one_per_kind', { kind: 'SOAP' }) });
      }
      const checked = verifyAccountCertificate(body.certificate, 'SOAP');
      await refuseCertificateInUse(checked, caller, organisation.id);
      const account = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const created = await repo.insertAccount(tx, { domainId: domain.id, kind: 'SOAP', name: body.name, permissions: [] });
        await storeCertificate(tx, created.id, body.certificateName, checked, caller, organisation.id);
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.create', after: { id: created.id, kind: 'SOAP', name: body.name } });
        return created;
      });
      forgetCertificates();
      const [summary] = await summarizeAccounts([account]);
      return { account: summary!, delegation: null, password: null };
    },

    /**
     * R3.7–R3.8: a REST account. Internal: the certificate comes now (REST rules: self-signed
     * allowed with digitalSignature). External: a delegation request to a technical
     * intermediary; the account appears only when the intermediary accepts and uploads.
     */
    async createRestAccount(caller: Caller, body: z.infer<typeof RestAccountBody>) {
      const { domain, organisation } = await requireChaman(caller);
      await requireSender(domain.id);
      const permissions = [...new Set(body.permissions)];
      if (body.management === 'internal') {
        const checked = verifyCertificate(body.certificate, 'rest');
        await refuseCertificateInUse(checked, caller, organisation.id);
        const account = await db.transaction(async (txh) => {
          const tx = txh as unknown as Db;
          const created = await repo.insertAccount(tx, { domainId: domain.id, kind: 'REST', name: body.name, permissions, management: 'internal' });
          await storeCertificate(tx, created.id, body.certificateName, checked, caller, organisation.id);
          await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.create', after: { id: created.id, kind: 'REST', name: body.name, permissions, management: 'internal' } });
          return created;
        });
        forgetCertificates();
        const [summary] = await summarizeAccounts([account]);
        return { account: summary!, delegation: null, password: null };
      }
      const vendor = await registry.listOrganisationsByIds([body.intermediaryOrganisationId]).then((m) => m.get(body.intermediaryOrganisationId));
      if (!vendor || vendor.kind !== 'vendor') {
        throw new AppError('validation', msg('http.validation'), { intermediaryOrganisationId: channelMsg('chaman.not_intermediary') });
      }
      // The guide: "uw softwareleverancier (niet Smals)" for OCMW Online, which every REST permission serves.
      if (vendor.name.nl === 'Smals') {
        throw new AppError('validation', msg('http.validation'), { intermediaryOrganisationId: channelMsg('chaman.smals_not_for_online') });
      }
      const delegation = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const d = await repo.insertDelegation(tx, { domainId: domain.id, intermediaryOrganisationId: vendor.id, accountName: body.name, permissions, requestedBy: caller.userId });
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.delegation.pending', after: { id: d.id, intermediary: vendor.kbo, name: body.name, permissions } });
        return d;
      });
      const [summary] = await summarizeDelegations([delegation]);
      return { account: null, delegation: summary!, password: null };
    },

    /** "Webservices account" and FTP accounts: change the name or permissions. */
    async updateAccount(caller: Caller, accountId: string, body: { name?: string; permissions?: string[] }) {
      const { domain, organisation, account } = await ownAccount(caller, accountId);
      if (body.permissions) {
        const allowed = account.kind === 'REST' ? Object.keys(REST_PERMISSIONS) : account.kind === 'SOAP' ? [] : Object.keys(FTP_PERMISSIONS);
        const wrong = body.permissions.filter((p) => !allowed.includes(p));
        if (wrong.length) throw new AppError('validation', msg('http.validation'), { permissions: channelMsg('chaman.permissions_kind', { kind: account.kind }) });
      }
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const fields = { ...(body.name ? { name: body.name } : {}), ...(body.permissions ? { permissions: [...new Set(body.permissions)] } : {}), updatedAt: clock.now() };
        await lockLiveAccount(tx, account.id);
        await repo.updateAccount(tx, account.id, fields);
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.update', before: { name: account.name, permissions: account.permissions }, after: fields });
      });
      forgetCertificates();
      return summaryAfterChange(account.id);
    },

    /** R3.10: a new certificate for an account; the account stays, the old certificate is retired. */
    async replaceCertificate(caller: Caller, accountId: string, body: { certificateName: string; certificate: CertificateInput }) {
      // Issue 19: also the vendor that accepted an OCMW's REST account renews its certificate.
      const { organisation, account, auditAt } = await certificateAccount(caller, accountId);
      const checked = verifyAccountCertificate(body.certificate, account.kind);
      await refuseCertificateInUse(checked, caller, organisation.id);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await lockLiveAccount(tx, account.id);
        await repo.deactivateCertificates(tx, account.id);
        await storeCertificate(tx, account.id, body.certificateName, checked, caller, organisation.id);
        const after = { accountId: account.id, fingerprint: checked.report.readable ? checked.report.fingerprintHex : null };
        await audit.record(tx, auditAt.map((at) => ({ ...auditBase(caller, at.organisationId, at.domainId), action: 'chaman.certificate.replace', after })));
      });
      forgetCertificates();
      return summaryAfterChange(account.id);
    },

    /**
     * Issue 19: a new password for the domain's FTP or SFTP account (R3.6 rules), entered or
     * generated, returned this once and stored only as a hash; audited without the password, and
     * told to the domain's sender contact by mail (without the password).
     */
    async resetFtpPassword(caller: Caller, accountId: string, body: { password?: string }) {
      const { domain, organisation, account } = await ownAccount(caller, accountId);
      if (account.kind !== 'FTP' && account.kind !== 'SFTP') throw new AppError('conflict', channelMsg('chaman.password_ftp_only', { kind: account.kind }));
      const password = body.password && body.password.length > 0 ? body.password : generateFtpPassword();
      const rules = checkFtpPassword(password);
      if (rules.length) {
        const list = ruleMessages(rules.map((rule) => ({ rule })));
        throw new AppError('validation', msg('http.validation'), { password: list.map((v) => v.message as Message) }, list);
      }
      const passwordHash = await hashPassword(password);
      const sender = await repo.findSender(db, domain.id);
      const notice = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        // The channel's sign-in delays (login_throttles, per username and source) run their course: a
        // new password does not lift them (the account columns failed_attempts/locked_until are unused).
        await lockLiveAccount(tx, account.id);
        await repo.updateAccount(tx, account.id, { passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: clock.now() });
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.password_reset', after: { id: account.id, kind: account.kind, username: account.username } });
        // The domain's sender contact learns of it (without the password), as of an expiring
        // certificate: a reset nobody expected is the first sign of misuse.
        if (!sender?.email) return undefined;
        const params = { kind: account.kind, account: account.name, username: account.username ?? '', date: clock.today() };
        return notifications.recordMessage(tx, {
          kind: 'ftp-password-reset',
          organisationId: organisation.id,
          to: sender.email,
          subject: channelMsg('mail.ftp_password_reset.subject', params),
          body: channelMsg('mail.ftp_password_reset.body', params),
          languages: [isLanguage(sender.language) ? sender.language : 'nl'],
        });
      });
      if (notice) notifications.deliverLater([notice]);
      return { account: await summaryAfterChange(account.id), password };
    },

    async deleteAccount(caller: Caller, accountId: string): Promise<void> {
      const { domain, organisation, account } = await ownAccount(caller, accountId);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await lockLiveAccount(tx, account.id);
        await repo.updateAccount(tx, account.id, { deletedAt: clock.now() });
        await repo.deactivateCertificates(tx, account.id);
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.account.delete', before: { id: account.id, kind: account.kind, name: account.name } });
      });
      forgetCertificates();
    },

    /** The OCMW cancels its own pending request. */
    async cancelDelegation(caller: Caller, delegationId: string) {
      const { domain, organisation } = await requireChaman(caller);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const d = await repo.findDelegation(tx, delegationId);
        if (!d || d.domainId !== domain.id) throw new AppError('not_found', channelMsg('chaman.delegation_not_found'));
        if (d.status !== 'pending') throw notPending(d.status);
        await repo.updateDelegation(tx, d.id, { status: 'cancelled', decidedBy: caller.userId, decidedAt: clock.now() });
        await audit.record(tx, { ...auditBase(caller, organisation.id, domain.id), action: 'chaman.delegation.cancelled', before: { status: 'pending' }, after: { id: d.id, status: 'cancelled' } });
      });
      return this.home(caller);
    },

    /**
     * The intermediary accepts a request addressed to it and uploads the certificate in the same
     * step; only then the REST account exists for the OCMW (R3.8). Audited on both sides.
     */
    async acceptDelegation(caller: Caller, delegationId: string, body: { certificateName: string; certificate: CertificateInput }) {
      const { organisation } = await requireChaman(caller);
      const checked = verifyCertificate(body.certificate, 'rest');
      const requesterDomain = await requesterDomainOf(delegationId);
      await refuseCertificateInUse(checked, caller, organisation.id);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const d = await repo.findDelegation(tx, delegationId);
        if (!d || d.intermediaryOrganisationId !== organisation.id) throw new AppError('not_found', channelMsg('chaman.delegation_not_found'));
        if (d.status !== 'pending') throw notPending(d.status);
        const account = await repo.insertAccount(tx, {
          domainId: d.domainId,
          kind: 'REST',
          name: d.accountName,
          permissions: d.permissions,
          management: 'external',
          intermediaryOrganisationId: organisation.id,
        });
        await storeCertificate(tx, account.id, body.certificateName, checked, caller, organisation.id);
        await repo.updateDelegation(tx, d.id, { status: 'accepted', decidedBy: caller.userId, decidedAt: clock.now(), accountId: account.id });
        const entry = { action: 'chaman.delegation.accepted', before: { status: 'pending' }, after: { id: d.id, status: 'accepted', accountId: account.id } };
        await audit.record(tx, [
          { ...auditBase(caller, organisation.id, null), ...entry },
          ...(requesterDomain ? [{ ...auditBase(caller, requesterDomain.organisationId, d.domainId), ...entry }] : []),
        ]);
      });
      forgetCertificates();
      return this.home(caller);
    },

    async refuseDelegation(caller: Caller, delegationId: string, reason?: string) {
      const { organisation } = await requireChaman(caller);
      const requesterDomain = await requesterDomainOf(delegationId);
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const d = await repo.findDelegation(tx, delegationId);
        if (!d || d.intermediaryOrganisationId !== organisation.id) throw new AppError('not_found', channelMsg('chaman.delegation_not_found'));
        if (d.status !== 'pending') throw notPending(d.status);
        await repo.updateDelegation(tx, d.id, { status: 'refused', decidedBy: caller.userId, decidedAt: clock.now(), reason: reason ?? null });
        const entry = { action: 'chaman.delegation.refused', before: { status: 'pending' }, after: { id: d.id, status: 'refused', reason: reason ?? null } };
        await audit.record(tx, [
          { ...auditBase(caller, organisation.id, null), ...entry },
          ...(requesterDomain ? [{ ...auditBase(caller, requesterDomain.organisationId, d.domainId), ...entry }] : []),
        ]);
      });
      return this.home(caller);
    },

    /**
     * The daily expiry warnings (beyond the guide): mails the sender contact 30 and 7 days
     * before an active certificate expires. Each (certificate, threshold) is claimed once in
     * the database, so reruns and several instances never send a second mail.
     */
    async sendExpiryWarnings(date: string = clock.today(), options: { dryRun?: boolean } = {}) {
      if (options.dryRun) {
        // Claim inside a transaction that is rolled back: the same rules, nothing kept.
        const preview: repo.ClaimedNotice[] = [];
        await db
          .transaction(async (txh) => {
            preview.push(...(await repo.claimExpiryNotices(txh as unknown as Db, date)));
            throw new RollbackPreview();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RollbackPreview)) throw error;
          });
        return { date, warnings: preview.map((n) => ({ to: n.to, account: n.accountName, threshold: n.thresholdDays, daysLeft: n.daysLeft, status: 'preview' })) };
      }
      const recorded = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const claimed = await repo.claimExpiryNotices(tx, date);
        const rows = [];
        for (const n of claimed) {
          const contactLanguage = isLanguage(n.language) ? n.language : 'nl';
          const params = {
            certificate: n.certificateName,
            account: n.accountName,
            kind: n.accountKind,
            date: n.notAfter,
            days: n.daysLeft,
            fingerprint: n.fingerprint,
          };
          // Issue 18: in the contact's own language, the date as that reader writes it.
          const mail = await notifications.recordMessage(tx, {
            kind: 'certificate-expiry',
            organisationId: n.organisationId,
            to: n.to,
            subject: channelMsg('mail.cert_expiry.subject', params),
            body: channelMsg('mail.cert_expiry.body', params),
            languages: [contactLanguage],
          });
          await repo.setNoticeMail(tx, n.certificateId, n.thresholdDays, mail.id);
          rows.push({ notice: n, mail });
        }
        return rows;
      });
      const warnings = [];
      for (const { notice, mail } of recorded) {
        const delivered = await notifications.deliver(mail);
        warnings.push({ to: notice.to, account: notice.accountName, threshold: notice.thresholdDays, daysLeft: notice.daysLeft, status: delivered.status });
      }
      return { date, warnings };
    },

    /**
     * R6.9: the REST account behind a client certificate (SHA-256 fingerprint, lowercase hex).
     * Refused when the certificate is unknown, replaced, expired or not yet valid, or its account
     * is deleted or not a REST account. What was read is reused for CERTIFICATE_CACHE_MS (a
     * change through this service takes effect at once); the validity dates are checked every time.
     */
    async authenticateCertificate(fingerprint: string): Promise<
      { ok: true; client: { accountId: string; accountName: string; organisationId: string; permissions: string[] } } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'deleted' }
    > {
      const row = await certificateOwner(fingerprint);
      if (!row || row.kind !== 'REST') return { ok: false, reason: 'unknown' };
      if (row.deletedAt) return { ok: false, reason: 'deleted' };
      if (!row.isActive) return { ok: false, reason: 'revoked' };
      // Validity on the wall clock, whatever the business date: a fixed OCMW_TODAY never makes an
      // expired certificate valid again (the demo's certificate covers both dates).
      const now = clock.now().getTime();
      if (new Date(row.notAfter).getTime() < now || new Date(row.notBefore).getTime() > now) return { ok: false, reason: 'expired' };
      return { ok: true, client: { accountId: row.accountId, accountName: row.accountName, organisationId: row.organisationId, permissions: [...row.permissions] } };
    },

    /**
     * The FTP/SFTP credentials of the channel routes (HTTP Basic), throttled per username and
     * source like the people's login (db/lockout.ts); an unknown account costs the same
     * verification time as a wrong password and gets the same 401; a throttled pair gets 401
     * without a check. Undefined when refused.
     */
    async authenticateChannel(username: string, password: string, source = 'unknown') {
      const key = throttleKey('channel', username, source);
      if ((await reserveAttempt(db, key, clock.now(), lockout)) > 0) return undefined;
      const account = await repo.findChannelLogin(db, username);
      if (!account?.passwordHash) {
        await burnVerification(password);
        return undefined;
      }
      if (!(await verifyPassword(account.passwordHash, password))) return undefined;
      await clearAttempts(db, key);
      return openChannel(account);
    },

    /**
     * Issue 23: the FTP/SFTP account as it stands now, for a file-channel session that is already
     * open (a deleted account, a changed permission or ended access takes effect at the next
     * request). Undefined when the channel is no longer open.
     */
    async findOpenChannel(accountId: string) {
      const account = await repo.findAccount(db, accountId);
      return account && (account.kind === 'FTP' || account.kind === 'SFTP') ? openChannel(account) : undefined;
    },

  };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
