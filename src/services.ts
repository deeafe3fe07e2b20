import type { Config } from './config.js';
import type { Db } from './db/db.js';
import type { Clock } from './domain/clock.js';
import { createAccessService, createManagementService } from './modules/access/index.js';
import { createAuditService } from './modules/audit/index.js';
import { createChannelsService } from './modules/channels/index.js';
import { createConfigurationService } from './modules/configuration/index.js';
import { createDossiersService } from './modules/dossiers/index.js';
import { createHelpRequestsService } from './modules/help-requests/index.js';
import { createMailboxService } from './modules/mailbox/index.js';
import { createMutationsService } from './modules/mutations/index.js';
import { createSubsidyReportService } from './modules/subsidy-report/index.js';
import { createNotificationsService, type MailConfig } from './modules/notifications/index.js';
import { allProviders, createAuthService, createFirstStartService, createOidcService } from './modules/auth/index.js';
import { createMergerService } from './modules/merger/index.js';
import { createRegistryService } from './modules/registry/index.js';
import { createFileChannelService } from './modules/file-channel/index.js';
import { createRetentionService } from './modules/privacy/retention.service.js';
import { createSubjectRequestService } from './modules/privacy/subject-request.service.js';
import { catalogue } from './messages.js';
import { createTrustStore } from './modules/channels/index.js';
import { createAccessLog, createAccessLogService } from './modules/privacy/index.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  /** Issue 24: only the benchmark turns the access log off (to compare); the product never does. */
  accessLogEnabled?: boolean;
  config: Pick<Config, 'sessionHours' | 'loginMaxFailures' | 'loginLockMinutes'> & Partial<Pick<Config, 'subsidyWindow' | 'inszLookupsPerHour' | 'sessionMaxHours' | 'loginDelaySeconds' | 'citizen' | 'trustedCaPem' | 'oidc' | 'publicUrl' | 'env' | 'sftp'>> & { mail?: MailConfig };
}

/** Wires every module's service: the table of contents of the business layer (no DI container). */
export function createServices({ db, clock, config, accessLogEnabled = true }: ServiceDeps) {
  // Issue 24: every read of a citizen's data is recorded through this one buffered writer.
  const accessLog = createAccessLog({ db, clock, enabled: accessLogEnabled });
  const privacy = createAccessLogService({ db, clock });
  const registry = createRegistryService({ db, clock });
  const audit = createAuditService({ db });
  const access = createAccessService({ db, clock, registry });
  const management = createManagementService({ db, clock, registry, audit, inszLookupsPerHour: config.inszLookupsPerHour });
  const auth = createAuthService({ db, clock, access, management, config: { ...config, localLogin: config.oidc?.localLogin ?? true } });
  // Issue 21: sign-in through identity providers (none configured: the list is empty).
  const publicUrl = config.publicUrl ?? 'http://localhost:3000';
  const oidc = createOidcService({
    db,
    clock,
    auth,
    providers: config.oidc ? allProviders(config.oidc, publicUrl) : [],
    publicUrl,
    allowHttp: config.env !== 'production',
  });
  // R8.3′: the merger service asks the Uniek verslag and the e-Box what a disappearing OCMW still has open.
  const openWork = { reportSubmitted: (id: string, year: number) => subsidyReport.isSubmitted(id, year), unreadDocuments: (id: string) => mailbox.unreadCount(id) };
  const mergers = createMergerService({ db, clock, registry, management, audit, filingWindow: config.subsidyWindow, openWork });
  // The mail renderer is an edge (issue 18): it writes keys in the recipient's language(s).
  const notifications = createNotificationsService({ db, clock, config: config.mail ?? { from: 'OCMW Portaal <no-reply@ocmw-portaal.invalid>' }, render: (m, lang) => catalogue.render(m, lang) });
  const channels = createChannelsService({ db, clock, registry, audit, notifications, lockout: { maxFailures: config.loginMaxFailures, delaySeconds: config.loginDelaySeconds ?? 30, maxDelayMinutes: config.loginLockMinutes },
    trust: createTrustStore(config.trustedCaPem),
    // The alert is keys; the mail renderer writes it to each administrator in their own language (issue 18).
    alertAdmins: async (alert) => {
      for (const admin of await access.platformAdmins()) {
        await notifications.deliver(await notifications.recordMessage(db, { ...alert, to: admin.email, languages: [admin.language] }));
      }
    },
  });
  const configuration = createConfigurationService({ db, clock, registry, audit });
  const mutations = createMutationsService({ db, clock });
  const helpRequests = createHelpRequestsService({ db, clock, registry, notifications, audit, mailsPerAddressPerDay: config.citizen?.mailsPerAddressPerDay, proof: config.citizen?.proof,
    // Issue 19: warned when requests reach an OCMW nobody can read.
    platformAdmins: () => access.platformAdmins() });
  const dossiers = createDossiersService({ db, clock, audit, registry });
  const mailbox = createMailboxService({ db, clock, registry, notifications, audit });
  const subsidyReport = createSubsidyReportService({ db, clock, registry, audit, filingWindow: config.subsidyWindow });
  const firstStart = createFirstStartService({ db, clock });
  // Issue 23: the file channel (SFTP server and the institutions' side of its uploads).
  const fileChannel = createFileChannelService({ db, clock, channels, mutations, registry, audit, eboxRetentionDays: config.sftp?.eboxRetentionDays, accessLog });
  // Issue 24: retention and its purge; a citizen's request (GDPR art. 15/17) for the privacy officer.
  const retention = createRetentionService({ db, clock, audit });
  const subjectRequests = createSubjectRequestService({ db, clock, audit, accessLog });
  return { accessLog, privacy, retention, subjectRequests, fileChannel, registry, audit, access, management, auth, oidc, firstStart, mergers, notifications, channels, configuration, mutations, helpRequests, mailbox, subsidyReport, dossiers };
}

export type Services = ReturnType<typeof createServices>;
