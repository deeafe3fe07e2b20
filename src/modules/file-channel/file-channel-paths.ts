/**
 * Pure rules of the file channel's tree (issue 23): every path a client sends is resolved inside
 * the account's own root, whatever `..`, `.` or repeated slashes it holds, and then names one of
 * the four folders or a file directly in one of them — nothing deeper exists.
 */

export const FOLDERS = ['mutaties', 'ebox', 'in', 'ack'] as const;
export type Folder = (typeof FOLDERS)[number];

export type Place = { kind: 'root' } | { kind: 'folder'; folder: Folder } | { kind: 'file'; folder: Folder; name: string } | { kind: 'none' };

/** The absolute, normalised path (`..` stops at the root, like a chroot); undefined for a NUL or an over-long path. */
export function normalisePath(raw: string, cwd = '/'): string | undefined {
  if (raw.includes('\0') || raw.length > 1024) return undefined;
  const parts: string[] = [];
  for (const part of `${raw.startsWith('/') ? '' : cwd}/${raw}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** What a normalised path names in the tree. */
export function placeOf(path: string): Place {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'root' };
  const folder = FOLDERS.find((f) => f === parts[0]);
  if (!folder || parts.length > 2) return { kind: 'none' };
  return parts.length === 1 ? { kind: 'folder', folder } : { kind: 'file', folder, name: parts[1]! };
}

/** Names a client writes first and renames when the upload is complete (WinSCP, FileZilla, scripts). */
const STAGING = /\.(part|filepart|tmp|partial)$/i;

/**
 * A batch file name in /in/: the addressed institution's KBO number (10 digits), then `_`, `-` or
 * `.` and the OCMW's own name for the file; letters, digits, `.`, `_`, `-` only (max 150).
 */
const BATCH = /^([01]\d{9})[_.-][A-Za-z0-9][A-Za-z0-9._-]{0,139}$/;

export type UploadName = { kind: 'batch'; institutionKbo: string } | { kind: 'staging' } | { kind: 'invalid' };

/** How an upload's name in /in/ is read: a batch for an institution, a staging name, or refused. */
export function uploadName(name: string): UploadName {
  if (STAGING.test(name)) return BATCH.test(name.replace(STAGING, '')) ? { kind: 'staging' } : { kind: 'invalid' };
  const m = BATCH.exec(name);
  return m ? { kind: 'batch', institutionKbo: m[1]! } : { kind: 'invalid' };
}

/** The acknowledgement file of an accepted upload in /ack/. */
export function ackFileName(reference: string): string {
  return `${reference}.ack`;
}

/** The text of an acknowledgement: one `key: value` per line, stable for scripts. */
export function ackText(a: { reference: string; fileName: string; institutionKbo: string; size: number; sha256: string; receivedAt: string }): string {
  return [`reference: ${a.reference}`, `file: ${a.fileName}`, `institution: ${a.institutionKbo}`, `size: ${a.size}`, `sha256: ${a.sha256}`, `received: ${a.receivedAt}`, 'status: accepted', ''].join('\n');
}
