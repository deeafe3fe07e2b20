// `npm run build`: the server and CLI compiled to build/ (tsc, one file per module so the CLI
// loads only what a command needs), the SQL migrations beside them, the embedded database's
// template (build/db/pglite-template.tar.gz), and the UI built by Vite to
// dist/web with every text asset precompressed (brotli and gzip) for @fastify/static.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, STAMP } from './build-state.mjs';

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });

rmSync(path.join(ROOT, 'build'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
cpSync(path.join(ROOT, 'src/db/migrations'), path.join(ROOT, 'build/db/migrations'), { recursive: true });
// Issue 20: the embedded database a first start loads instead of running initdb, the migrations
// and the reference data itself (src/db/pglite-template.ts).
run(process.execPath, [path.join(ROOT, 'build/db/pglite-template.js')]);
run(bin('vite'), ['build', '--logLevel', 'warn']);

/** Precompresses every text file of the UI build; only smaller results are kept. */
export function precompress(dir) {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.(js|css|html|svg|json|txt|webmanifest)$/.test(entry.name)) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    files++;
  }
  return files;
}

const webDir = path.join(ROOT, 'dist/web');
const compressed = precompress(webDir);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
const size = (f) => statSync(f).size;
const assets = readdirSync(path.join(webDir, 'assets')).filter((f) => f.endsWith('.js'));
const gzTotal = assets.reduce((sum, f) => sum + size(path.join(webDir, 'assets', `${f}.gz`)), 0);
process.stdout.write(`build: server and CLI in build/, UI in dist/web (${assets.length} scripts, ${Math.round(gzTotal / 1024)} KiB gzip in all; ${compressed} files precompressed)\n`);
