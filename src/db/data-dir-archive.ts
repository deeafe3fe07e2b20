import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

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
  data: Buffer;
  /** The entry as it stands in the archive: its header and its padded data. */
  raw: Buffer;
}

/** A NUL-terminated field of a tar header. */
function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function* entries(tar: Buffer): Generator<Entry> {
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    const name = field(header, 0, 100);
    if (!name) return; // the two zero blocks at the end
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]!);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    yield {
      name: path.posix.normalize(`${prefix ? `${prefix}/` : ''}${name}`).replace(/^\/+/, ''),
      type,
      data: tar.subarray(offset + BLOCK, offset + BLOCK + size),
      raw: tar.subarray(offset, end),
    };
    offset = end;
  }
}

function readArchive(archive: string): Buffer {
  const bytes = readFileSync(archive);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/**
 * Writes the archive's data directory into `dir`. PGlite's own `loadDataDir` does the same
 * inside the WASM module's file system, slower and keeping ≈ 130 MiB more resident for the rest
 * of the process (the archive decompressed in chunks and copied again). PG_VERSION — what marks
 * a data directory as made — is written last, so an interrupted extraction is done again at the
 * next start. Returns the number of files written.
 */
export function extractDataDir(archive: string, dir: string): number {
  const root = path.resolve(dir);
  let pgVersion: Buffer | undefined;
  let files = 0;
  for (const entry of entries(readArchive(archive))) {
    const target = path.resolve(root, entry.name);
    if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`data directory archive ${archive}: ${entry.name} lies outside the directory`);
    if (entry.type === '5') {
      mkdirSync(target, { recursive: true, mode: 0o700 });
    } else if (entry.type === '0') {
      if (entry.name === 'PG_VERSION') {
        pgVersion = Buffer.from(entry.data);
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, entry.data, { mode: 0o600 });
      files++;
    }
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
