/**
 * `ocmw institution token …` (SPEC §13): machine credentials for institutions, limited to scopes,
 * optionally expiring; list (never the secret) and revoke. Exit codes: 0 done, 1 refused
 * (unknown organisation, not an institution, unknown scope or token), 2 usage (UsageError).
 */
import type { Runtime } from '../bootstrap.js';
import { AppError } from '../shared/errors.js';
import { validateKbo } from '../shared/identifiers.js';
import { translate, type Language } from '../shared/messages.js';
import { renderError } from './render-error.js';
import { UsageError } from './usage-error.js';

export const INSTITUTION_USAGE = `  institution token KBO NAME --scope S[,S…] [--expires-days N] [--json]
                                  a machine credential for an institution, limited to scopes
                                  (mutations:write, ebox:publish, ebox:publish-rsz, channel:read); shown once
  institution token list [KBO] [--json]
                                  every token (never the secret): scopes, expiry, revocation, uses
  institution token revoke ID [--json]
                                  revoke a token: its next request gets 401`;

export interface InstitutionCliOptions {
  json: boolean;
  lang: Language;
  scope?: string;
  expiresDays?: string;
}

async function organisationOf(rt: Runtime, input: string, lang: Language, out: (t: string) => void) {
  const kbo = validateKbo(input);
  if (!kbo.valid) {
    out(`invalid KBO: ${kbo.errors.map((e) => translate(e, lang)).join(' ')}`);
    return undefined;
  }
  const org = await rt.services.registry.findOrganisationByKbo(kbo.normalized);
  if (!org) out(`unknown organisation ${kbo.formatted}`);
  return org;
}

/** Runs `institution token …`; `args` are the words after `institution`. */
export async function runInstitutionCommand(rt: Runtime, args: string[], o: InstitutionCliOptions, out: (t: string) => void): Promise<number> {
  const [sub, first, ...restArgs] = args;
  if (sub !== 'token' || !first) throw new UsageError('institution needs token KBO NAME --scope S, token list [KBO] or token revoke ID');
  if (first === 'list') {
    const org = restArgs[0] ? await organisationOf(rt, restArgs[0], o.lang, out) : undefined;
    if (restArgs[0] && !org) return 1;
    const tokens = await rt.services.registry.listApiClients(org?.id);
    if (o.json) out(JSON.stringify({ tokens }));
    else for (const t of tokens) out(`${t.id}  ${t.kbo}  ${t.name}  [${t.scopes.join(',')}]  ${t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'no expiry'}  uses ${t.uses}`);
    return 0;
  }
  if (first === 'revoke') {
    const id = restArgs[0];
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('institution token revoke needs the token ID (see token list)');
    const revoked = await rt.services.registry.revokeApiClient(id);
    out(o.json ? JSON.stringify({ id, revoked }) : revoked ? `token ${id} revoked` : `no active token ${id}`);
    return revoked ? 0 : 1;
  }
  const name = restArgs.join(' ').trim();
  if (!name || !o.scope) throw new UsageError('institution token needs KBO NAME --scope S[,S…]');
  const days = o.expiresDays === undefined ? undefined : Number(o.expiresDays);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError('--expires-days must be a whole number of days from 1 to 3650');
  const org = await organisationOf(rt, first, o.lang, out);
  if (!org) return 1;
  try {
    const client = await rt.services.registry.createApiClient(org.id, name, o.scope.split(',').map((s) => s.trim()).filter(Boolean), { expiresInDays: days });
    out(o.json ? JSON.stringify(client) : `token ${client.id} for ${org.name.nl} (${org.kboFormatted}), scopes ${client.scopes.join(',')}, shown once:\n${client.token}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const rendered = renderError(error, o.lang);
    out(o.json ? JSON.stringify({ error: rendered.message, fields: rendered.fields }) : rendered.message);
    return 1;
  }
}
