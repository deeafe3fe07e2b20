/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import de from '../../i18n/de.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import nl from '../../i18n/nl.json' with { type: 'json' };
import { MAIL_KINDS, mailKindLabel } from './mail-kinds.js';

const catalogues = { nl, fr, de, en };
// The services that record mails: every `notifications.recordMessage(tx, { kind: '…' })` and the like.
const services = import.meta.glob<string>('../../../modules/**/*.service.ts', { query: '?raw', import: 'default', eager: true });
const recorded = [...new Set(Object.values(services).flatMap((source) => [...source.matchAll(/notifications\.(?:recordMessage|record|send)\([^{]*\{\s*kind:\s*'([^']+)'/g)].map((m) => m[1]!)))];

describe('the outbox names each kind of mail for people (issue 18)', () => {
  it('knows every kind a service records', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    expect(recorded.filter((kind) => !(MAIL_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('has a label for every kind in %s, none of them the code', (lang) => {
    const kinds = (catalogues[lang] as unknown as { mails: { kinds: Record<string, string> } }).mails.kinds;
    for (const kind of [...MAIL_KINDS, 'other']) {
      expect(kinds[kind], kind).toBeTruthy();
      expect(kinds[kind]).not.toContain(kind);
    }
  });

  it('shows an unknown kind as "other", not as its code', () => {
    const t = ((key: string) => key) as unknown as Parameters<typeof mailKindLabel>[1];
    expect(mailKindLabel('online-reminder', t)).toBe('mails.kinds.online-reminder');
    expect(mailKindLabel('something-new', t)).toBe('mails.kinds.other');
  });
});
