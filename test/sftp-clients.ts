import { spawn } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
const { utils } = ssh2;

/**
 * The real file-transfer clients of the file channel's tests (issue 23): OpenSSH's `sftp` (the
 * password through SSH_ASKPASS, the host key checked against a known_hosts line made from the
 * server's key) and `curl sftp://` (the host key checked by its SHA-256).
 */
export interface ClientResult {
  code: number;
  stdout: string;
  stderr: string;
}

function publicBlob(privateKey: string): Buffer {
  const key = utils.parseKey(privateKey);
  if (key instanceof Error) throw key;
  return (Array.isArray(key) ? key[0]! : key).getPublicSSH();
}

export async function realClients(opts: { port: number; privateKey: string }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ocmw-sftp-client-'));
  const blob = publicBlob(opts.privateKey);
  const knownHosts = path.join(dir, 'known_hosts');
  await writeFile(knownHosts, `[127.0.0.1]:${opts.port} ssh-ed25519 ${blob.toString('base64')}\n`);
  const askpass = path.join(dir, 'askpass.sh');
  await writeFile(askpass, '#!/bin/sh\nprintf "%s\\n" "$OCMW_TEST_PASSWORD"\n');
  await chmod(askpass, 0o700);
  const hostSha256 = createHash('sha256').update(blob).digest('base64');

  const run = (command: string, args: string[], env: Record<string, string> = {}, stdin?: string) =>
    new Promise<ClientResult>((resolve, reject) => {
      const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // A safety net, not a timing assertion: a client that hangs is killed and the test sees its output.
      const guard = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(guard);
        resolve({ code: code ?? -1, stdout, stderr });
      });
      child.stdin.end(stdin ?? '');
    });

  const sshOptions = (user: string) => [
    // Before -b: sftp's batch mode would otherwise switch password prompts (and askpass) off.
    '-o', 'BatchMode=no',
    '-o', `UserKnownHostsFile=${knownHosts}`,
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'PubkeyAuthentication=no',
    '-o', 'PreferredAuthentications=password',
    '-o', 'NumberOfPasswordPrompts=1',
    '-o', 'ConnectTimeout=20',
    '-P', String(opts.port),
    '-b', '-',
    `${user}@127.0.0.1`,
  ];

  return {
    dir,
    hostSha256,
    /** Runs sftp commands in batch mode (the first failing command ends the batch, exit code 1). */
    sftp(user: string, password: string, commands: string[]) {
      return run('sftp', sshOptions(user), { OCMW_TEST_PASSWORD: password, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' }, `${commands.join('\n')}\n`);
    },
    /**
     * An sftp session driven command by command: `send` resolves when the command's output is
     * complete (a `lpwd` after it prints a marker), so a test can change things between commands.
     */
    interactive(user: string, password: string) {
      const child = spawn('sftp', sshOptions(user), {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, OCMW_TEST_PASSWORD: password, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let waiter: (() => void) | undefined;
      const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
      const poke = () => waiter?.();
      child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), poke()));
      child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), poke()));
      void exited.then(poke);
      let exitCode: number | undefined;
      void exited.then((c) => (exitCode = c));
      return {
        async send(command: string): Promise<{ stdout: string; stderr: string; exited: boolean }> {
          const from = { out: stdout.length, err: stderr.length };
          const marker = 'Local working directory';
          const seen = () => stdout.indexOf(marker, from.out) >= 0;
          child.stdin.write(`${command}\nlpwd\n`);
          while (!seen() && exitCode === undefined) await new Promise<void>((r) => (waiter = r));
          return { stdout: stdout.slice(from.out), stderr: stderr.slice(from.err), exited: exitCode !== undefined };
        },
        async close() {
          child.stdin.end();
          return exited;
        },
      };
    },
    /** curl with the channel's credentials, the host key pinned by its SHA-256. */
    curl(user: string, password: string, url: string, extra: string[] = []) {
      return run('curl', ['-sS', '--fail', '--user', `${user}:${password}`, '--hostpubsha256', hostSha256, ...extra, `sftp://127.0.0.1:${opts.port}${url}`]);
    },
  };
}
