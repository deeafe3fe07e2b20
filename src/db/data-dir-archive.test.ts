import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDataDir, withoutEntries } from './data-dir-archive.js';

/** A ustar archive as PGlite's dumpDataDir writes one (names with a leading slash). */
function tar(entries: { name: string; data?: string; dir?: boolean }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const header = Buffer.alloc(512);
    header.write(e.name, 0, 100, 'utf8');
    const data = Buffer.from(e.data ?? '');
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'utf8');
    header.write(e.dir ? '5' : '0', 156, 1, 'utf8');
    header.write('ustar\u000000', 257, 8, 'utf8');
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function scratch(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ocmw-archive-'));
  roots.push(root);
  return root;
}

describe('data directory archives (issue 20)', () => {
  it('writes a gzipped or plain archive into the folder, PG_VERSION included', async () => {
    for (const compress of [true, false]) {
      const root = scratch();
      const bytes = tar([{ name: '/base', dir: true }, { name: '/base/5/1255', data: 'pages' }, { name: '/PG_VERSION', data: '19\n' }, { name: '/pg_xact/0000', data: '' }, { name: '/pg_wal/000000010000000000000001', data: 'w'.repeat(200_001) }]);
      writeFileSync(path.join(root, 'a.tar'), compress ? gzipSync(bytes) : bytes);
      expect(await extractDataDir(path.join(root, 'a.tar'), path.join(root, 'db'))).toBe(4);
      expect(readFileSync(path.join(root, 'db/base/5/1255'), 'utf8')).toBe('pages');
      // Larger than the 64 KiB the archive is read in.
      expect(readFileSync(path.join(root, 'db/pg_wal/000000010000000000000001'), 'utf8')).toBe('w'.repeat(200_001));
      expect(readFileSync(path.join(root, 'db/PG_VERSION'), 'utf8')).toBe('19\n');
      expect(readFileSync(path.join(root, 'db/pg_xact/0000'), 'utf8')).toBe('');
    }
  });

  it('refuses an entry outside the folder and an archive without PG_VERSION, leaving no PG_VERSION', async () => {
    const root = scratch();
    writeFileSync(path.join(root, 'escape.tar'), tar([{ name: '/PG_VERSION', data: '19' }, { name: '../outside', data: 'x' }]));
    await expect(extractDataDir(path.join(root, 'escape.tar'), path.join(root, 'db'))).rejects.toThrow(/outside the directory/);
    expect(existsSync(path.join(root, 'outside'))).toBe(false);
    expect(existsSync(path.join(root, 'db/PG_VERSION'))).toBe(false);
    writeFileSync(path.join(root, 'none.tar'), tar([{ name: '/base/1', data: 'x' }]));
    await expect(extractDataDir(path.join(root, 'none.tar'), path.join(root, 'db2'))).rejects.toThrow(/no PG_VERSION/);
  });

  it('drops the entries asked for and keeps the others whole', async () => {
    const root = scratch();
    const filtered = withoutEntries(tar([{ name: '/PG_VERSION', data: '19' }, { name: '/pg_wal/000000010000000000000002', data: 'old'.repeat(300) }, { name: '/base/5/1', data: 'keep' }]), (n) => n.startsWith('pg_wal/'));
    writeFileSync(path.join(root, 'f.tar'), filtered);
    expect(await extractDataDir(path.join(root, 'f.tar'), path.join(root, 'db'))).toBe(2);
    expect(existsSync(path.join(root, 'db/pg_wal'))).toBe(false);
    expect(readFileSync(path.join(root, 'db/base/5/1'), 'utf8')).toBe('keep');
  });
});
