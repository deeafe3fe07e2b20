/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { auditMessages } from '../../../modules/audit/audit-messages.js';

const LANGS = ['nl', 'fr', 'de', 'en'] as const;
const labels = (lang: (typeof LANGS)[number]) =>
  Object.fromEntries(Object.entries(auditMessages.catalogue).map(([key, entry]) => [key.slice('audit.action.'.length), entry[lang]]));

// Every audit entry a service writes: `audit.record(tx, { …, action: 'x.y' })` (a ternary or a
// template such as `config.${section}.save` included) and `audited(actor, 'x.y', …)`.
const sources = import.meta.glob<string>('../../../modules/**/*.service.ts', { query: '?raw', import: 'default', eager: true });
const recorded: (string | RegExp)[] = [];
for (const source of Object.values(sources)) {
  for (const call of source.matchAll(/audit\.record\([^;]*?action:\s*(`[^`]*`|[^,\n}]+)|audited\(\w+,\s*('[^']+')/g)) {
    const expression = call[1] ?? call[2]!;
    for (const literal of expression.matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) recorded.push(literal[1]!);
    for (const template of expression.matchAll(/`([^`]+)`/g)) recorded.push(new RegExp(`^${template[1]!.replace(/\./g, '\\.').replace(/\$\{\w+\}/g, '[\\w-]+')}$`));
  }
}

describe('the audit log names each action for people (issue 18)', () => {
  it('finds the actions the services record', () => {
    expect(recorded.filter((action) => typeof action === 'string').length).toBeGreaterThan(25);
    expect(recorded.some((action) => action instanceof RegExp)).toBe(true);
  });

  it.each(LANGS)('labels every recorded action in %s', (lang) => {
    const known = Object.keys(labels(lang));
    const missing = recorded.filter((action) => (typeof action === 'string' ? !known.includes(action) : !known.some((key) => action.test(key)))).map(String);
    expect(missing).toEqual([]);
    for (const key of known) expect(labels(lang)[key]).not.toBe(key);
  });
});
