/**
 * `ocmw admin create USERNAME --email ADDRESS [--json]` (SPEC §13): the first platform
 * administrator of a real installation. Prints a one-time setup link (valid SETUP_LINK_HOURS,
 * single use); no password is printed or logged.
 */
import type { Runtime } from '../bootstrap.js';
import type { Language } from '../shared/i18n.js';
import { renderFields } from './render-error.js';
import { UsageError } from './usage-error.js';

export const ADMIN_USAGE = `  admin create USERNAME --email ADDRESS [--json]
                                  the first platform administrator: prints a one-time setup link
                                  (OCMW_PUBLIC_URL + /wachtwoord/instellen#…), no password`;

export function parseAdminCommand(sub: string | undefined, rest: string[], email: string | undefined): { username: string; email: string } {
  const [username, ...extra] = rest;
  if (sub !== 'create' || !username || extra.length > 0) throw new UsageError('admin needs create USERNAME --email ADDRESS');
  if (!email) throw new UsageError('admin create needs --email ADDRESS');
  return { username, email };
}

export async function runAdminCreate(rt: Runtime, input: { username: string; email: string }, json: boolean, out: (text: string) => void, lang: Language = 'nl'): Promise<number> {
  try {
    const r = await rt.services.firstStart.createAdmin(input);
    const link = `${rt.config.publicUrl.replace(/\/$/, '')}${r.path}`;
    const expiresAt = r.expiresAt.toISOString();
    out(
      json
        ? JSON.stringify({ ok: true, username: r.username, setupLink: link, expiresAt })
        : `platform administrator ${r.username} created. Give this one-time link to the person (valid until ${expiresAt}, works once):\n${link}`,
    );
    return 0;
  } catch (error) {
    const e = error as { code?: string };
    if (e.code !== 'validation') throw error;
    const fields = renderFields(error, lang);
    out(json ? JSON.stringify({ ok: false, errors: fields }) : Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n'));
    return 1;
  }
}
