#!/usr/bin/env node
// The `ocmw` command: the built CLI (build/cli.js, `npm run build`) when it is at least as new as
// the sources; otherwise, in a development checkout, src/cli.ts through tsx.
import { existsSync } from 'node:fs';
import { buildIsFresh } from '../scripts/build-state.mjs';

const built = new URL('../build/cli.js', import.meta.url);
let fromSource = process.env.OCMW_CLI_FROM_SOURCE === '1' || !buildIsFresh();
if (fromSource) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    fromSource = false; // no tsx (dev dependencies pruned): the build is all there is
  }
}
if (fromSource || !existsSync(built)) await import('../src/cli.ts');
else await import(built.href);
