// Is the build (build/ for the server and CLI, dist/web for the UI) newer than its sources?
// Shared by `npm start` (scripts/start.mjs) and the `ocmw` command (bin/ocmw.js); plain Node,
// no dependencies, so it works after `npm prune --omit=dev`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP = path.join(ROOT, 'build', 'BUILD_STAMP');
export const WEB_INDEX = path.join(ROOT, 'dist', 'web', 'index.html');

const CONFIG_FILES = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];

function newest(dir, skip) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== skip) latest = Math.max(latest, newest(full, skip));
    } else latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** The newest modification time of the sources of one part of the build (0 when there are none, as in an image). */
export function newestSource(part) {
  const src = path.join(ROOT, 'src');
  if (!existsSync(src)) return 0;
  const configs = CONFIG_FILES.map((f) => path.join(ROOT, f)).filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  const tree = part === 'server' ? newest(src, path.join(src, 'web')) : newest(src);
  return Math.max(tree, ...configs);
}

/** True when the built server and CLI exist and no source is newer (the UI too with `{ web: true }`). */
export function buildIsFresh({ web = false } = {}) {
  if (!existsSync(STAMP) || (web && !existsSync(WEB_INDEX))) return false;
  return statSync(STAMP).mtimeMs >= newestSource(web ? 'all' : 'server');
}
