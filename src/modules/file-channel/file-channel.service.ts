import { createHash, randomBytes } from 'node:crypto';
import ssh2 from 'ssh2';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import type { AuditService } from '../audit/index.js';
import type { ChannelsService } from '../channels/index.js';
import type { MutationsService } from '../mutations/index.js';
import { eboxDocumentReads } from '../mailbox/index.js';
import type { AccessEntry, AccessLog } from '../privacy/index.js';
import type { RegistryService } from '../registry/index.js';
import { ackFileName, ackText, type Folder } from './file-channel-paths.js';
import { fileChannelMessages } from './file-channel-messages.js';
import * as repo from './file-channel.repo.js';
const { utils } = ssh2;

/** An SFTP session's account, as the channel login gave it (re-read at each file operation). */
export interface ChannelSession {
  accountId: string;
  organisationId: string;
  permissions: string[];
  username: string;
  /** Changes when the account's password changes (a reset ends the sessions opened with the old one). */
  credential: string;
}

export interface FileEntry {
  name: string;
  size: number;
  modifiedAt: Date;
}

/** What /metrics counts (per process, since start). */
export interface FileChannelStats {
  logins: { accepted: number; refused: number };
  downloads: number;
  uploads: { accepted: number; duplicate: number; refused: number };
  bytes: { sent: number; received: number };
}

export interface FileChannelDeps {
  db: Db;
  clock: Clock;
  channels: Pick<ChannelsService, 'authenticateChannel' | 'findOpenChannel'>;
  mutations: Pick<MutationsService, 'listFiles' | 'fileContent'>;
  registry: Pick<RegistryService, 'findOrganisationByKbo'>;
  audit: AuditService;
  /** Days an e-Box publication stays in /ebox/ (issue 23: retention configurable). */
  eboxRetentionDays?: number;
  /** Issue 24: the SFTP server has no request to record on, so a download is recorded here. */
  accessLog?: Pick<AccessLog, 'record'>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** OpenSSH's way of writing a host key fingerprint: `SHA256:` and unpadded base64 of the public key blob. */
export function sshFingerprint(privateKey: string): string {
  const key = utils.parseKey(privateKey);
  if (key instanceof Error) throw key;
  const parsed = Array.isArray(key) ? key[0]! : key;
  return `SHA256:${createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The file channel (issue 23): what an FTP/SFTP account of ChaMan sees and does — the OCMW's daily
 * mutation files and e-Box publications for the channel, batch uploads for institutions with
 * their acknowledgements — and the institutions' side of those uploads. Transport-free: the SFTP
 * server (sftp-server.ts) and the HTTP routes call it.
 */
/** The channel permissions whose files an institution may deliver through /ebox/ (NovaPRIMA, MediPrima). */
export const EBOX_DELIVERY_PERMISSIONS = ['novaprima-knipperlichten', 'novaprima-waarschuwingen', 'mediprima-afrekening'] as const;

export function createFileChannelService({ db, clock, channels, mutations, registry, audit, eboxRetentionDays = 90, accessLog }: FileChannelDeps) {
  const stats: FileChannelStats = { logins: { accepted: 0, refused: 0 }, downloads: 0, uploads: { accepted: 0, duplicate: 0, refused: 0 }, bytes: { sent: 0, received: 0 } };
  let hostKey: Promise<{ privateKey: string; fingerprint: string }> | undefined;
  const entry = (session: ChannelSession, action: string, after: unknown) => ({ actorUserId: null, actorRole: 'channel', organisationId: session.organisationId, domainId: null, action, after });

  async function loadHostKey() {
    const found = await repo.findHostKey(db);
    if (found) return found;
    const { private: privateKey } = utils.generateKeyPairSync('ed25519');
    await repo.insertHostKey(db, { privateKey, fingerprint: sshFingerprint(privateKey) });
    // Another instance may have stored its key first: everyone uses the stored one.
    return (await repo.findHostKey(db))!;
  }

  async function mutationFiles(session: ChannelSession): Promise<{ name: string; date: string }[]> {
    if (!session.permissions.includes('mutaties-rijksregister')) throw new AppError('forbidden', fileChannelMessages.msg('file_channel.no_mutations'));
    return mutations.listFiles(session);
  }

  /**
   * /ebox/ (review): the publications for channel delivery — NovaPRIMA lists, MediPrima statements —
   * reach an account that carries one of those channels' permissions, never RSZ documents (which
   * need "Documenten RSZ in e-Box" in the portal; the repository leaves them out).
   */
  async function eboxFiles(session: ChannelSession) {
    if (!session.permissions.some((p) => (EBOX_DELIVERY_PERMISSIONS as readonly string[]).includes(p))) {
      throw new AppError('forbidden', fileChannelMessages.msg('file_channel.no_ebox'));
    }
    return repo.listEboxFiles(db, session.organisationId, eboxSince());
  }

  async function acks(session: ChannelSession) {
    return (await repo.listUploadsOf(db, session.organisationId)).map((u) => ({
      name: ackFileName(u.reference),
      modifiedAt: u.receivedAt,
      content: Buffer.from(ackText({ reference: u.reference, fileName: u.fileName, institutionKbo: u.institutionKbo, size: u.size, sha256: u.sha256, receivedAt: u.receivedAt.toISOString() })),
    }));
  }

  // On the business date, as the e-Box stamps its documents (a fixed OCMW_TODAY keeps its files).
  const eboxSince = () => new Date(Date.parse(`${clock.today()}T00:00:00Z`) - eboxRetentionDays * 86_400_000);
  const eboxName = (d: { id: string; attachmentName: string | null }) => `${d.id.slice(0, 8)}-${d.attachmentName ?? 'bijlage'}`;

  return {
    stats,

    /** The SSH host key, made once for the whole installation and kept in the database. */
    hostKey(): Promise<{ privateKey: string; fingerprint: string }> {
      hostKey ??= loadHostKey().catch((error: unknown) => {
        hostKey = undefined;
        throw error;
      });
      return hostKey;
    },

    /** The channel login (ChaMan's username and password, the channel lockout); audited and counted. Undefined when refused. */
    async login(username: string, password: string, source: string): Promise<ChannelSession | undefined> {
      const channel = await channels.authenticateChannel(username, password, source);
      if (!channel) {
        stats.logins.refused++;
        return undefined;
      }
      stats.logins.accepted++;
      await audit.record(db, entry(channel, 'file_channel.login', { username: channel.username, source }));
      return channel;
    },

    /** The session's account as it stands now; undefined once it was deleted or its organisation's access ended. */
    /** The session as the account stands now; undefined when deleted, ended, or its password changed since the login. */
    async refresh(session: ChannelSession): Promise<ChannelSession | undefined> {
      const now = await channels.findOpenChannel(session.accountId);
      return now && now.credential === session.credential ? now : undefined;
    },

    /** The files of a folder (nothing in /in/: it only takes files). Throws forbidden for /mutaties/ and /ebox/ without their permissions. */
    async listFolder(session: ChannelSession, folder: Folder): Promise<FileEntry[]> {
      if (folder === 'in') return [];
      if (folder === 'ack') return (await acks(session)).map(({ name, content, modifiedAt }) => ({ name, size: content.length, modifiedAt }));
      if (folder === 'ebox') {
        return (await eboxFiles(session)).map((d) => ({ name: eboxName(d), size: d.size ?? 0, modifiedAt: d.receivedAt }));
      }
      const files = await mutationFiles(session);
      return Promise.all(
        files.map(async (f) => ({ name: f.name, size: Buffer.byteLength((await mutations.fileContent(session, f.date)).body), modifiedAt: new Date(`${f.date}T06:00:00Z`) })),
      );
    },

    /** One file's bytes for a download (audited and counted); undefined when the folder has no such file. */
    async readFile(session: ChannelSession, folder: Folder, name: string): Promise<Buffer | undefined> {
      let content: Buffer | undefined;
      let reads: AccessEntry[] = [];
      const read = (action: string, objectKind: string, objectId: string, insz: string | null = null): AccessEntry => ({
        organisationId: session.organisationId, actor: { account: session.username }, channel: 'sftp', action, objectKind, objectId, insz,
      });
      if (folder === 'ack') content = (await acks(session)).find((a) => a.name === name)?.content;
      else if (folder === 'ebox') {
        const doc = (await eboxFiles(session)).find((d) => eboxName(d) === name);
        const found = doc && (await repo.eboxAttachment(db, session.organisationId, doc.id));
        content = found?.content;
        // One read per person the document names (issue 24), or one without an INSZ: as in the portal.
        if (doc) reads = eboxDocumentReads('ebox-document.download', doc.id, found ? found.texts : []).map((r) => read(r.action, r.objectKind, r.objectId, r.insz));
      } else if (folder === 'mutaties') {
        const file = (await mutationFiles(session)).find((f) => f.name === name);
        const mutationFile = file && (await mutations.fileContent(session, file.date));
        content = mutationFile && Buffer.from(mutationFile.body);
        reads = mutationFile?.persons.map((p) => read('mutation.read', 'mutation', p.mutationId, p.insz)) ?? [];
      }
      if (!content) return undefined;
      stats.downloads++;
      accessLog?.record(reads);
      stats.bytes.sent += content.length;
      await audit.record(db, entry(session, 'file_channel.download', { folder, name, size: content.length }));
      return content;
    },

    /** The institution a batch file is addressed to (by KBO); throws validation when there is none. */
    async institutionFor(kbo: string): Promise<{ id: string; kbo: string }> {
      const organisation = await registry.findOrganisationByKbo(kbo);
      if (!organisation || organisation.kind !== 'institution') throw new AppError('validation', fileChannelMessages.msg('file_channel.unknown_institution', { kbo }));
      return { id: organisation.id, kbo: organisation.kbo };
    },

    /**
     * Keeps a batch file whose upload closed cleanly, in one statement (all or nothing). The same
     * bytes sent again by the OCMW to the institution are recognised by their SHA-256: nothing new
     * is stored and the first upload's reference comes back with `duplicate`.
     */
    async acceptUpload(session: ChannelSession, fileName: string, institution: { id: string; kbo: string }, content: Buffer) {
      const digest = sha256(content);
      const now = clock.now();
      const reference = `IN-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
      stats.bytes.received += content.length;
      const inserted = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const row = await repo.insertUpload(tx, { reference, organisationId: session.organisationId, accountId: session.accountId, institutionId: institution.id, fileName, size: content.length, sha256: digest, content, receivedAt: now });
        if (row) await audit.record(tx, entry(session, 'file_channel.upload', { reference, fileName, institution: institution.kbo, size: content.length, sha256: digest }));
        return row;
      });
      if (inserted) {
        stats.uploads.accepted++;
        return { reference, sha256: digest, duplicate: false };
      }
      stats.uploads.duplicate++;
      const first = await repo.findSameUpload(db, session.organisationId, institution.id, digest);
      await audit.record(db, entry(session, 'file_channel.upload_duplicate', { reference: first?.reference, fileName, institution: institution.kbo, sha256: digest }));
      return { reference: first?.reference ?? reference, sha256: digest, duplicate: true };
    },

    /** Counts an upload the server refused (too large, closed channel). */
    countRefusedUpload() {
      stats.uploads.refused++;
    },

    /** The batch files addressed to the institution (SPEC §13 scope channel:read), newest first. */
    async listIncoming(institutionId: string, page: { page: number; pageSize: number }) {
      const { rows, total } = await repo.listUploadsFor(db, institutionId, (page.page - 1) * page.pageSize, page.pageSize);
      return {
        // senderId is for the access log (the OCMW whose file was read, issue 24); the response schema leaves it out.
        items: rows.map((r) => ({ id: r.id, reference: r.reference, fileName: r.fileName, senderKbo: r.senderKbo, senderId: r.organisationId, size: r.size, sha256: r.sha256, receivedAt: r.receivedAt.toISOString(), fetchedAt: r.fetchedAt?.toISOString() ?? null })),
        total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    /** One batch file for its institution (the first fetch is remembered); throws not_found for another's. */
    async fetchIncoming(institutionId: string, id: string) {
      const row = await repo.fetchUploadFor(db, institutionId, id, clock.now());
      if (!row) throw new AppError('not_found', msg('http.not_found'));
      return row;
    },

    /** What ChaMan shows an OCMW about the SFTP server: its port and host key fingerprint. */
    async serverInfo(port: number | null) {
      return { enabled: port !== null, port, fingerprint: port === null ? null : (await this.hostKey()).fingerprint };
    },
  };
}

export type FileChannelService = ReturnType<typeof createFileChannelService>;
