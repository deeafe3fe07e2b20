import { closeSync, createReadStream, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';

/**
 * Issue 20: a dumped PGlite data directory (`dumpDataDir`: a ustar archive, gzipped or not),
 * read and written with Node's own functions.
 */

const BLOCK = 512;

interface Entry {
  /** The path inside the data directory, without a leading slash. */
  name: string;
  /** '0' a file, '5' a directory. */
  type: string;
  size: number;
  /** The entry as it stands in the archive: its header and its padded data. */
  raw: Buffer;
}

/** A NUL-terminated field of a tar header. */
function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** A header block's entry (undefined for the zero blocks that end the archive). */
function parseHeader(header: Buffer): { name: string; type: string; size: number } | undefined {
  const name = field(header, 0, 100);
  if (!name) return undefined;
  const prefix = field(header, 345, 155);
  return {
    name: path.posix.normalize(`${prefix ? `${prefix}/` : ''}${name}`).replace(/^\/+/, ''),
    type: header[156] === 0 ? '0' : String.fromCharCode(header[156]!),
    size: Number.parseInt(field(header, 124, 12).trim() || '0', 8),
  };
}

function* entries(tar: Buffer): Generator<Entry> {
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const entry = parseHeader(tar.subarray(offset, offset + BLOCK));
    if (!entry) return;
    const end = offset + BLOCK + Math.ceil(entry.size / BLOCK) * BLOCK;
    yield { ...entry, raw: tar.subarray(offset, end) };
    offset = end;
  }
}

/**
 * Writes the archive's data directory into `dir`. PGlite's own `loadDataDir` does the same
 * inside the WASM module's file system, slower and keeping ≈ 130 MiB more resident for the rest
 * of the process (the archive decompressed in chunks and copied again). This streams it: read,
 * gunzipped and written 64 KiB at a time, so the process never holds the 28 MiB it unpacks to
 * (memory that glibc would keep for the process's life). PG_VERSION — what marks a data
 * directory as made — is written last, so an interrupted extraction is done again at the next
 * start. Returns the number of files written.
 */
export async function extractDataDir(archive: string, dir: string): Promise<number> {
  const root = path.resolve(dir);
  const head = Buffer.alloc(2);
  const fd = openSync(archive, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  const CHUNK = 64 * 1024;
  const file = createReadStream(archive, { highWaterMark: CHUNK });
  const input: AsyncIterable<Buffer> = head[0] === 0x1f && head[1] === 0x8b ? file.pipe(createGunzip({ chunkSize: CHUNK })) : file;

  let header = Buffer.alloc(0);
  let current: { fd: number | undefined; name: string; left: number; padding: number; data?: Buffer[] } | undefined;
  let pgVersion: Buffer | undefined;
  let files = 0;
  let done = false;
  const finish = () => {
    if (!current) return;
    if (current.fd !== undefined) closeSync(current.fd);
    if (current.data) pgVersion = Buffer.concat(current.data);
  };
  try {
    for await (const chunk of input) {
      let at = 0;
      while (at < chunk.length && !done) {
        if (current && current.left > 0) {
          const n = Math.min(current.left, chunk.length - at);
          if (current.fd !== undefined) writeSync(current.fd, chunk, at, n);
          else current.data?.push(Buffer.from(chunk.subarray(at, at + n)));
          current.left -= n;
          at += n;
          continue;
        }
        if (current && current.padding > 0) {
          const n = Math.min(current.padding, chunk.length - at);
          current.padding -= n;
          at += n;
          continue;
        }
        finish();
        current = undefined;
        const n = Math.min(BLOCK - header.length, chunk.length - at);
        header = Buffer.concat([header, chunk.subarray(at, at + n)]);
        at += n;
        if (header.length < BLOCK) continue;
        const entry = parseHeader(header);
        header = Buffer.alloc(0);
        if (!entry) {
          done = true; // the two zero blocks at the end
          break;
        }
        const target = path.resolve(root, entry.name);
        if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`data directory archive ${archive}: ${entry.name} lies outside the directory`);
        const padding = (BLOCK - (entry.size % BLOCK)) % BLOCK;
        if (entry.type === '5') {
          mkdirSync(target, { recursive: true, mode: 0o700 });
          current = { fd: undefined, name: entry.name, left: entry.size, padding };
        } else if (entry.type === '0' && entry.name === 'PG_VERSION') {
          current = { fd: undefined, name: entry.name, left: entry.size, padding, data: [] };
        } else if (entry.type === '0') {
          mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
          current = { fd: openSync(target, 'w', 0o600), name: entry.name, left: entry.size, padding };
          files++;
        } else {
          current = { fd: undefined, name: entry.name, left: entry.size, padding };
        }
      }
      if (done) break;
    }
    finish();
    current = undefined;
  } finally {
    if (current?.fd !== undefined) closeSync(current.fd);
    file.destroy();
  }
  if (!pgVersion) throw new Error(`data directory archive ${archive} holds no PG_VERSION`);
  writeFileSync(path.join(root, 'PG_VERSION'), pgVersion, { mode: 0o600 });
  return files + 1;
}

/** The archive (uncompressed) without the entries `drop` names. */
export function withoutEntries(tar: Buffer, drop: (name: string) => boolean): Buffer {
  const kept = [...entries(tar)].filter((e) => !drop(e.name)).map((e) => e.raw);
  return Buffer.concat([...kept, Buffer.alloc(2 * BLOCK)]);
}
