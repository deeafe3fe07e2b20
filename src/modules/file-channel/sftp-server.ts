import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import ssh2, { type Attributes, type Connection, type FileEntry as SftpName, type SFTPWrapper } from 'ssh2';
import { AppError } from '../../shared/errors.js';
import type { Message } from '../../shared/i18n.js';
import { fileChannelMessages } from './file-channel-messages.js';
import { normalisePath, placeOf, uploadName, FOLDERS, type Folder } from './file-channel-paths.js';
import type { ChannelSession, FileChannelService, FileEntry } from './file-channel.service.js';
const { Server, utils } = ssh2;

const { OPEN_MODE, STATUS_CODE } = utils.sftp;
/**
 * AES only, which Node's OpenSSL runs natively. ssh2 would also offer chacha20-poly1305, which
 * OpenSSH prefers, but without ssh2's optional native part (its install script is not run) that
 * cipher runs in JavaScript at a fraction of the speed, and every client speaks AES.
 */
const CIPHERS: ssh2.CipherAlgorithm[] = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'];
const WRITING = OPEN_MODE.WRITE | OPEN_MODE.CREAT | OPEN_MODE.TRUNC | OPEN_MODE.APPEND;

export interface SftpServerOptions {
  service: FileChannelService;
  port: number;
  host: string;
  /** Largest batch file /in/ takes, in bytes. */
  maxUploadBytes: number;
  /** Renders a status message (the edge's language: the portal's default, Dutch). */
  render: (message: string | Message) => string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface SftpServer {
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

type Handle =
  | { kind: 'dir'; entries: SftpName[]; done: boolean }
  | { kind: 'read'; content: Buffer }
  | { kind: 'write'; name: string; file: FileHandle; tmp: string; institution?: { id: string; kbo: string }; size: number; reserved: number; refused?: Message; queue: Promise<void> };

/** A refusal the client gets as an SFTP status (never a crash, never a stack trace). */
class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly text?: Message,
  ) {
    super('sftp refusal');
  }
}

const denied = (text?: Message) => new Refusal(STATUS_CODE.PERMISSION_DENIED, text);
const noSuchFile = () => new Refusal(STATUS_CODE.NO_SUCH_FILE);
const unsupported = () => new Refusal(STATUS_CODE.OP_UNSUPPORTED, fileChannelMessages.msg('file_channel.not_supported'));

const DIR_MODE = { root: 0o040555, in: 0o040333, other: 0o040555 };
const FILE_MODE = 0o100444;
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function dirAttrs(mode: number): Attributes {
  return { mode, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };
}

function fileAttrs(f: { size: number; modifiedAt: Date }): Attributes {
  return { mode: FILE_MODE, uid: 0, gid: 0, size: f.size, atime: seconds(f.modifiedAt), mtime: seconds(f.modifiedAt) };
}

/** `ls -l` as OpenSSH's sftp and curl show it. */
function longname(name: string, attrs: Attributes): string {
  const dir = (attrs.mode & 0o040000) !== 0;
  const perms = dir ? (attrs.mode === DIR_MODE.in ? 'd-wx-wx-wx' : 'dr-xr-xr-x') : '-r--r--r--';
  const when = new Date(attrs.mtime * 1000).toISOString().slice(0, 16).replace('T', ' ');
  return `${perms}    1 ocmw     ocmw     ${String(attrs.size).padStart(12)} ${when} ${name}`;
}

const folderMode = (folder: Folder) => (folder === 'in' ? DIR_MODE.in : DIR_MODE.other);

/** Connections at once (the whole server): more are closed at once. */
const MAX_CONNECTIONS = 512;
/** Seconds a connection may take to log in. */
const LOGIN_TIMEOUT_MS = 30_000;
/** Failed logins on one connection before it is closed (the per-name lockout applies as well). */
const MAX_FAILED_LOGINS = 6;
/** Open files per connection, and the most one READ returns (what OpenSSH asks is far less). */
const MAX_HANDLES = 64;
const MAX_READ_BYTES = 256 * 1024;

/**
 * The SFTP server of the file channel (issue 23), inside the portal process: password login with
 * the ChaMan FTP/SFTP account (and its lockout), one virtual tree per account's organisation, no
 * shell, no port forwarding. Every request is answered with an SFTP status on refusal.
 */
export async function startSftpServer(opts: SftpServerOptions): Promise<SftpServer> {
  const { service, render, log } = opts;
  const { privateKey, fingerprint } = await service.hostKey();
  const spool = await mkdtemp(path.join(tmpdir(), 'ocmw-sftp-'));
  const connections = new Set<Connection>();
  let nextTemp = 0;

  const server = new Server({ hostKeys: [privateKey], ident: 'OCMW-Portaal', algorithms: { cipher: CIPHERS } }, (client, info) => {
    let session: ChannelSession | undefined;
    const source = info.ip;
    const handles = new Map<number, Handle>();
    // Uploads closed under a staging name (…/x.part), waiting for their rename.
    const staged = new Map<string, { tmp: string; size: number }>();
    let nextHandle = 0;
    let closed = false;
    let failedLogins = 0;
    const dropQuietly = (tmp: string) => void rm(tmp, { force: true }).catch((error: Error) => log.warn({ err: error.message }, 'sftp spool file not removed'));

    client.on('error', (error) => log.warn({ err: error.message, source }, 'sftp connection error'));
    if (connections.size >= MAX_CONNECTIONS) {
      log.warn({ source, connections: connections.size }, 'sftp connection refused: too many connections');
      client.end();
      return;
    }
    connections.add(client);
    // A connection that does not log in within the time is closed.
    const loginTimer = setTimeout(() => client.end(), LOGIN_TIMEOUT_MS);
    loginTimer.unref();
    client.on('close', () => {
      closed = true;
      clearTimeout(loginTimer);
      connections.delete(client);
      // An upload that never closed cleanly never counts: its bytes are dropped.
      for (const h of handles.values()) {
        if (h.kind === 'write') {
          void h.file
            .close()
            .catch(() => {})
            .then(() => dropQuietly(h.tmp));
        }
      }
      for (const s of staged.values()) dropQuietly(s.tmp);
      handles.clear();
      staged.clear();
    });

    client.on('authentication', (ctx) => {
      const attempt = (password: string) =>
        service.login(ctx.username, password, source).then(
          (found) => {
            if (found) {
              session = found;
              clearTimeout(loginTimer);
              ctx.accept();
            } else if (++failedLogins >= MAX_FAILED_LOGINS) {
              ctx.reject();
              client.end();
            } else ctx.reject(['password', 'keyboard-interactive']);
          },
          (error: unknown) => {
            log.error({ err: (error as Error).message }, 'sftp login failed');
            ctx.reject(['password', 'keyboard-interactive']);
          },
        );
      if (ctx.method === 'password') void attempt(ctx.password);
      else if (ctx.method === 'keyboard-interactive') ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => void attempt(answers[0] ?? ''));
      else ctx.reject(['password', 'keyboard-interactive']);
    });

    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const sshSession = acceptSession();
        sshSession.on('sftp', (acceptSftp) => serve(acceptSftp()));
        // No shell, no commands: only the sftp subsystem.
        sshSession.on('exec', (_accept, reject) => reject());
        sshSession.on('shell', (_accept, reject) => reject());
      });
      client.on('tcpip', (_accept, reject) => reject());
    });

    function serve(sftp: SFTPWrapper) {
      const newHandle = (h: Handle) => {
        if (handles.size >= MAX_HANDLES) throw new Refusal(STATUS_CODE.FAILURE, fileChannelMessages.msg('file_channel.too_many_open'));
        const id = nextHandle++;
        handles.set(id, h);
        const buf = Buffer.alloc(4);
        buf.writeUInt32BE(id);
        return buf;
      };
      const handleOf = (buf: Buffer) => (buf.length === 4 ? handles.get(buf.readUInt32BE(0)) : undefined);
      const forget = (buf: Buffer) => handles.delete(buf.readUInt32BE(0));

      /** The account as it stands now: a deleted account or ended access ends the connection. */
      const current = async (): Promise<ChannelSession> => {
        const now = session && (await service.refresh(session));
        if (!now) {
          setImmediate(() => client.end());
          throw denied(fileChannelMessages.msg('file_channel.closed'));
        }
        session = now;
        return now;
      };

      const answer = (reqId: number, work: () => Promise<void> | void) => {
        Promise.resolve()
          .then(work)
          .catch((error: unknown) => {
            if (error instanceof Refusal) return sftp.status(reqId, error.code, error.text ? render(error.text) : undefined);
            if (error instanceof AppError) {
              const code = error.code === 'not_found' ? STATUS_CODE.NO_SUCH_FILE : error.code === 'forbidden' || error.code === 'validation' ? STATUS_CODE.PERMISSION_DENIED : STATUS_CODE.FAILURE;
              return sftp.status(reqId, code, render(error.detail));
            }
            log.error({ err: (error as Error).message, stack: (error as Error).stack }, 'sftp request failed');
            sftp.status(reqId, STATUS_CODE.FAILURE);
          })
          .catch(() => {});
      };

      const resolve = (raw: string) => {
        const p = normalisePath(raw);
        if (p === undefined) throw noSuchFile();
        return p;
      };

      async function statOf(raw: string): Promise<Attributes> {
        const place = placeOf(resolve(raw));
        if (place.kind === 'root') return dirAttrs(DIR_MODE.root);
        if (place.kind === 'folder') return dirAttrs(folderMode(place.folder));
        if (place.kind === 'none' || place.folder === 'in') throw noSuchFile();
        const s = await current();
        const found = (await service.listFolder(s, place.folder)).find((f) => f.name === place.name);
        if (!found) throw noSuchFile();
        return fileAttrs(found);
      }

      sftp.on('REALPATH', (reqId, raw) =>
        answer(reqId, () => {
          const p = resolve(raw);
          sftp.name(reqId, [{ filename: p, longname: p, attrs: dirAttrs(DIR_MODE.root) }]);
        }),
      );
      const onStat = (reqId: number, raw: string) => answer(reqId, async () => sftp.attrs(reqId, await statOf(raw)));
      sftp.on('STAT', onStat);
      sftp.on('LSTAT', onStat);

      sftp.on('OPENDIR', (reqId, raw) =>
        answer(reqId, async () => {
          const place = placeOf(resolve(raw));
          if (place.kind === 'file' || place.kind === 'none') throw noSuchFile();
          const s = await current();
          let entries: SftpName[];
          if (place.kind === 'root') {
            entries = FOLDERS.map((f) => ({ filename: f, longname: longname(f, dirAttrs(folderMode(f))), attrs: dirAttrs(folderMode(f)) }));
          } else {
            entries = (await service.listFolder(s, place.folder)).map((f: FileEntry) => ({ filename: f.name, longname: longname(f.name, fileAttrs(f)), attrs: fileAttrs(f) }));
          }
          sftp.handle(reqId, newHandle({ kind: 'dir', entries, done: false }));
        }),
      );
      sftp.on('READDIR', (reqId, buf) =>
        answer(reqId, () => {
          const h = handleOf(buf);
          if (h?.kind !== 'dir') throw new Refusal(STATUS_CODE.FAILURE);
          if (h.done || h.entries.length === 0) return sftp.status(reqId, STATUS_CODE.EOF);
          h.done = true;
          sftp.name(reqId, h.entries);
        }),
      );

      sftp.on('OPEN', (reqId, raw, flags) =>
        answer(reqId, async () => {
          if (handles.size >= MAX_HANDLES) throw new Refusal(STATUS_CODE.FAILURE, fileChannelMessages.msg('file_channel.too_many_open'));
          const place = placeOf(resolve(raw));
          const writing = (flags & WRITING) !== 0;
          if (place.kind !== 'file') throw place.kind === 'none' ? (writing ? denied(fileChannelMessages.msg('file_channel.read_only')) : noSuchFile()) : denied();
          if (writing !== (place.folder === 'in')) throw denied(fileChannelMessages.msg(writing ? 'file_channel.read_only' : 'file_channel.write_only'));
          if (flags & OPEN_MODE.READ && writing) throw denied(fileChannelMessages.msg('file_channel.write_only'));
          const s = await current();
          if (!writing) {
            const content = await service.readFile(s, place.folder, place.name);
            if (!content) throw noSuchFile();
            return sftp.handle(reqId, newHandle({ kind: 'read', content }));
          }
          const name = uploadName(place.name);
          if (name.kind === 'invalid') throw denied(fileChannelMessages.msg('file_channel.bad_name'));
          const institution = name.kind === 'batch' ? await service.institutionFor(name.institutionKbo) : undefined;
          const tmp = path.join(spool, `${process.pid}-${nextTemp++}.upload`);
          const file = await open(tmp, 'w', 0o600);
          sftp.handle(reqId, newHandle({ kind: 'write', name: place.name, file, tmp, institution, size: 0, reserved: 0, queue: Promise.resolve() }));
        }),
      );

      sftp.on('READ', (reqId, buf, offset, length) =>
        answer(reqId, () => {
          const h = handleOf(buf);
          if (h?.kind !== 'read') throw denied(fileChannelMessages.msg('file_channel.write_only'));
          if (offset >= h.content.length) return sftp.status(reqId, STATUS_CODE.EOF);
          sftp.data(reqId, h.content.subarray(offset, Math.min(h.content.length, offset + Math.min(length, MAX_READ_BYTES))));
        }),
      );

      sftp.on('WRITE', (reqId, buf, offset, data) =>
        answer(reqId, async () => {
          const h = handleOf(buf);
          if (h?.kind !== 'write') throw denied(fileChannelMessages.msg('file_channel.read_only'));
          if (offset + data.length > opts.maxUploadBytes) h.refused = fileChannelMessages.msg('file_channel.too_large', { max: Math.floor(opts.maxUploadBytes / 1_048_576) });
          // A write continues the file (or rewrites a part of it): no holes, so a few bytes sent
          // never make a large file. Checked as the writes arrive, in order, before they land.
          if (offset > h.reserved) h.refused = fileChannelMessages.msg('file_channel.not_sequential');
          if (h.refused) throw new Refusal(STATUS_CODE.FAILURE, h.refused);
          h.reserved = Math.max(h.reserved, offset + data.length);
          // Writes at their offsets: the order in which pipelined writes land does not matter.
          h.queue = h.queue.then(async () => {
            await h.file.write(data, 0, data.length, offset);
            h.size = Math.max(h.size, offset + data.length);
          });
          await h.queue;
          sftp.status(reqId, STATUS_CODE.OK);
        }),
      );

      sftp.on('FSTAT', (reqId, buf) =>
        answer(reqId, () => {
          const h = handleOf(buf);
          if (!h) throw new Refusal(STATUS_CODE.FAILURE);
          sftp.attrs(reqId, h.kind === 'read' ? fileAttrs({ size: h.content.length, modifiedAt: new Date() }) : h.kind === 'write' ? { ...fileAttrs({ size: h.size, modifiedAt: new Date() }), mode: 0o100200 } : dirAttrs(DIR_MODE.other));
        }),
      );
      // Times and modes a client sets on its own upload are ignored; nothing else may be changed.
      sftp.on('FSETSTAT', (reqId, buf) => answer(reqId, () => sftp.status(reqId, handleOf(buf)?.kind === 'write' ? STATUS_CODE.OK : STATUS_CODE.PERMISSION_DENIED)));
      sftp.on('SETSTAT', (reqId) => answer(reqId, () => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED)));

      /** Commits a cleanly closed upload: into the database in one statement, then it counts. */
      async function commit(name: string, institution: { id: string; kbo: string }, tmp: string) {
        const s = await current();
        const content = await readFile(tmp);
        const accepted = await service.acceptUpload(s, name, institution, content);
        log.info({ reference: accepted.reference, duplicate: accepted.duplicate, size: content.length }, 'sftp upload accepted');
      }

      sftp.on('CLOSE', (reqId, buf) =>
        answer(reqId, async () => {
          const h = handleOf(buf);
          if (!h) throw new Refusal(STATUS_CODE.FAILURE);
          forget(buf);
          if (h.kind !== 'write') return sftp.status(reqId, STATUS_CODE.OK);
          try {
            await h.queue;
            await h.file.close();
            if (h.refused) {
              service.countRefusedUpload();
              throw new Refusal(STATUS_CODE.FAILURE, h.refused);
            }
            if (!h.institution) {
              // The connection ended meanwhile: nobody can rename it any more.
              if (closed) throw new Refusal(STATUS_CODE.FAILURE);
              // The same staging name again: the newer upload replaces the older one.
              const older = staged.get(h.name);
              if (older) dropQuietly(older.tmp);
              staged.set(h.name, { tmp: h.tmp, size: h.size });
              return sftp.status(reqId, STATUS_CODE.OK);
            }
            await commit(h.name, h.institution, h.tmp);
            await rm(h.tmp, { force: true });
          } catch (error) {
            await rm(h.tmp, { force: true });
            throw error;
          }
          sftp.status(reqId, STATUS_CODE.OK);
        }),
      );

      sftp.on('RENAME', (reqId, from, to) =>
        answer(reqId, async () => {
          const a = placeOf(resolve(from));
          const b = placeOf(resolve(to));
          const pending = a.kind === 'file' && a.folder === 'in' ? staged.get(a.name) : undefined;
          if (!pending || b.kind !== 'file' || b.folder !== 'in') throw denied(fileChannelMessages.msg('file_channel.read_only'));
          const name = uploadName(b.name);
          if (name.kind !== 'batch') throw denied(fileChannelMessages.msg('file_channel.bad_name'));
          staged.delete((a as { name: string }).name);
          try {
            await commit(b.name, await service.institutionFor(name.institutionKbo), pending.tmp);
          } finally {
            await rm(pending.tmp, { force: true });
          }
          sftp.status(reqId, STATUS_CODE.OK);
        }),
      );

      const refuse = (reqId: number) => answer(reqId, () => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, render(fileChannelMessages.msg('file_channel.read_only'))));
      sftp.on('REMOVE', refuse);
      sftp.on('RMDIR', refuse);
      sftp.on('MKDIR', refuse);
      const notSupported = (reqId: number) => answer(reqId, () => Promise.reject(unsupported()));
      sftp.on('SYMLINK', notSupported);
      sftp.on('READLINK', notSupported);
      sftp.on('EXTENDED', notSupported);
      sftp.on('error', (error: Error) => log.warn({ err: error.message }, 'sftp channel error'));
      // The client is done (end of its batch, `bye`): close our side too, or it waits for us.
      sftp.on('end', () => sftp.end());
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error: Error) => log.error({ err: error.message }, 'sftp server error'));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    fingerprint,
    async close() {
      for (const c of connections) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(spool, { recursive: true, force: true });
    },
  };
}
