// `npm start`: builds only when the build is missing or older than the sources, then runs the
// built server with plain node (no tsx, no Vite at run time).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildIsFresh } from './build-state.mjs';

if (!buildIsFresh({ web: true })) {
  process.stdout.write('the build is missing or older than the sources: npm run build\n');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
await import(pathToFileURL(path.join(ROOT, 'build/main.js')).href);
