import { describe, expect, it } from 'vitest';
import { nodeVersionWarning } from './runtime.js';

describe('nodeVersionWarning (Node 22 and 24 supported; older warns, does not refuse)', () => {
  it.each([
    ['18.20.4', true],
    ['20.20.2', true],
    ['21.7.3', true],
    ['22.0.0', false],
    ['22.12.0', false],
    ['24.22.3', false],
    ['26.0.0', false],
  ])('%s → warns: %s', (version, warns) => {
    const warning = nodeVersionWarning(version);
    expect(warning !== undefined).toBe(warns);
    if (warning) expect(warning).toContain(`Node.js ${version} is not supported`);
  });
});
