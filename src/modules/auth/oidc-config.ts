/**
 * Issue 21: the identity providers (OpenID Connect) from the environment, checked at boot.
 *
 * One provider: `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET` (or `OIDC_PRIVATE_KEY_FILE`
 * for private_key_jwt), optionally `OIDC_NAME`, `OIDC_SCOPES`, `OIDC_INSZ_CLAIM`,
 * `OIDC_LINK_SUBJECT`; its id is `oidc`.
 *
 * Several: `OIDC_PROVIDERS=keycloak,fas` and the same settings per id, upper-cased with `-` as `_`:
 * `OIDC_KEYCLOAK_ISSUER`, `OIDC_KEYCLOAK_CLIENT_ID`, … A provider's `…_INSZ_CLAIM` falls back to
 * `OIDC_INSZ_CLAIM` (default `insz`). The button's name: `…_NAME` for every language, `…_NAME_NL`,
 * `…_NAME_FR`, `…_NAME_DE`, `…_NAME_EN` per language.
 *
 * `OCMW_LOCAL_LOGIN=off` switches passwords off except for platform administrators (break-glass);
 * `OCMW_DEV_IDP=on` mounts the development provider (id `dev`), refused with NODE_ENV=production.
 */
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../../shared/i18n.js';
import { authMessages } from './auth-messages.js';

export interface OidcProviderConfig {
  /** In URLs and in the session: lower-case letters, digits and dashes. */
  id: string;
  /** The button's name; NL where a language has none. */
  name: LocalizedText;
  issuer: string;
  clientId: string;
  /** client_secret_basic … */
  clientSecret?: string;
  /** … or private_key_jwt with this PKCS#8 PEM key (and its key id, when the provider needs one). */
  privateKey?: { pem: string; kid?: string };
  /** Asked for at the provider; always includes `openid`. */
  scopes: string;
  /** The claim (a dotted path for nested claims) that holds the person's INSZ. */
  inszClaim: string;
  /** Once a subject is linked to a person, it signs in without the INSZ claim. */
  linkSubject: boolean;
  /** The development provider mounted in the portal (OCMW_DEV_IDP). */
  dev?: boolean;
}

export interface OidcSettings {
  providers: OidcProviderConfig[];
  /** Passwords for everyone (true) or only for platform administrators (OCMW_LOCAL_LOGIN=off). */
  localLogin: boolean;
  devIdp: boolean;
}

export const DEV_IDP_ID = 'dev';
export const DEV_IDP_PATH = '/dev-idp';
const ID = /^[a-z][a-z0-9-]{0,31}$/;
const DEFAULT_SCOPES = 'openid profile';
const DEFAULT_INSZ_CLAIM = 'insz';

type Env = Readonly<Record<string, string | undefined>>;
export type OidcParse = { ok: true; settings: OidcSettings } | { ok: false; problems: string[] };

const value = (env: Env, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function onOff(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const v = value(env, name);
  if (v === undefined) return fallback;
  if (v === 'on' || v === 'off') return v === 'on';
  problems.push(`${name}: must be "on" or "off"`);
  return fallback;
}

/** The provider settings under one prefix (`OIDC_` or `OIDC_<ID>_`). */
function readProvider(env: Env, id: string, prefix: string, production: boolean, problems: string[]): OidcProviderConfig | undefined {
  const before = problems.length;
  const issuer = value(env, `${prefix}ISSUER`);
  if (!issuer) problems.push(`${prefix}ISSUER: required for the identity provider "${id}"`);
  else {
    let url: URL | undefined;
    try {
      url = new URL(issuer);
    } catch {
      problems.push(`${prefix}ISSUER: must be a URL (the provider's issuer identifier)`);
    }
    if (url && url.protocol !== 'https:' && (production || url.protocol !== 'http:')) {
      problems.push(`${prefix}ISSUER: must be an https:// URL${production ? ' with NODE_ENV=production' : ''}`);
    }
  }
  const clientId = value(env, `${prefix}CLIENT_ID`);
  if (!clientId) problems.push(`${prefix}CLIENT_ID: required for the identity provider "${id}"`);
  const clientSecret = value(env, `${prefix}CLIENT_SECRET`);
  const keyFile = value(env, `${prefix}PRIVATE_KEY_FILE`);
  let privateKey: OidcProviderConfig['privateKey'];
  if (clientSecret && keyFile) problems.push(`${prefix}CLIENT_SECRET, ${prefix}PRIVATE_KEY_FILE: give one of the two, not both`);
  else if (!clientSecret && !keyFile) problems.push(`${prefix}CLIENT_SECRET or ${prefix}PRIVATE_KEY_FILE: one is required for the identity provider "${id}"`);
  else if (keyFile) {
    try {
      const pem = readFileSync(keyFile, 'utf8');
      const key = createPrivateKey(pem);
      if (!['rsa', 'ec', 'ed25519'].includes(key.asymmetricKeyType ?? '')) throw new Error('unsupported');
      privateKey = { pem, kid: value(env, `${prefix}PRIVATE_KEY_ID`) };
    } catch {
      problems.push(`${prefix}PRIVATE_KEY_FILE: cannot read a private key (RSA, EC P-256 or Ed25519, PEM) from ${keyFile}`);
    }
  }
  const scopes = value(env, `${prefix}SCOPES`) ?? DEFAULT_SCOPES;
  if (!scopes.split(/\s+/).includes('openid')) problems.push(`${prefix}SCOPES: must include "openid"`);
  const inszClaim = value(env, `${prefix}INSZ_CLAIM`) ?? value(env, 'OIDC_INSZ_CLAIM') ?? DEFAULT_INSZ_CLAIM;
  const linkSubject = onOff(env, `${prefix}LINK_SUBJECT`, false, problems);
  if (problems.length > before || !issuer || !clientId) return undefined;
  const fallbackName = value(env, `${prefix}NAME`) ?? new URL(issuer).host;
  const name: LocalizedText = {
    nl: value(env, `${prefix}NAME_NL`) ?? fallbackName,
    fr: value(env, `${prefix}NAME_FR`) ?? fallbackName,
    de: value(env, `${prefix}NAME_DE`) ?? fallbackName,
    en: value(env, `${prefix}NAME_EN`) ?? fallbackName,
  };
  return { id, name, issuer, clientId, clientSecret, privateKey, scopes, inszClaim, linkSubject };
}

/** The identity providers, the local login and the development provider from the environment. */
export function parseOidcSettings(env: Env, production: boolean): OidcParse {
  const problems: string[] = [];
  const providers: OidcProviderConfig[] = [];
  const list = value(env, 'OIDC_PROVIDERS');
  if (list) {
    const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
    for (const id of ids) {
      if (!ID.test(id)) problems.push(`OIDC_PROVIDERS: "${id}" is not an id (a lower-case letter, then letters, digits or dashes, at most 32)`);
      else if (id === DEV_IDP_ID) problems.push(`OIDC_PROVIDERS: "${DEV_IDP_ID}" is the development provider's id (OCMW_DEV_IDP)`);
      else if (providers.some((p) => p.id === id)) problems.push(`OIDC_PROVIDERS: "${id}" is named twice`);
      else {
        const provider = readProvider(env, id, `OIDC_${id.toUpperCase().replaceAll('-', '_')}_`, production, problems);
        if (provider) providers.push(provider);
      }
    }
    if (value(env, 'OIDC_ISSUER')) problems.push('OIDC_ISSUER: with OIDC_PROVIDERS, give each provider its own OIDC_<ID>_ISSUER');
  } else if (value(env, 'OIDC_ISSUER') || value(env, 'OIDC_CLIENT_ID')) {
    const provider = readProvider(env, 'oidc', 'OIDC_', production, problems);
    if (provider) providers.push(provider);
  }
  const devIdp = onOff(env, 'OCMW_DEV_IDP', false, problems);
  if (devIdp && production) problems.push('OCMW_DEV_IDP: "on" is refused with NODE_ENV=production: the development identity provider signs in anyone who knows the demo password');
  const localLogin = onOff(env, 'OCMW_LOCAL_LOGIN', true, problems);
  if (!localLogin && providers.length === 0 && !devIdp) {
    problems.push('OCMW_LOCAL_LOGIN: "off" needs an identity provider (OIDC_ISSUER or OIDC_PROVIDERS): only platform administrators could sign in');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: { providers, localLogin, devIdp } };
}

/** The development provider's client secret: made at start, known only inside this process. */
const DEV_CLIENT_SECRET = randomBytes(32).toString('base64url');

/** The development provider (OCMW_DEV_IDP=on) as the portal's OIDC client sees it: mounted at /dev-idp. */
export function devProviderConfig(publicUrl: string): OidcProviderConfig {
  return {
    id: DEV_IDP_ID,
    name: authMessages.catalogue['auth.oidc.dev_name'],
    issuer: publicUrl.replace(/\/+$/, '') + DEV_IDP_PATH,
    clientId: 'ocmw-portal-dev',
    clientSecret: DEV_CLIENT_SECRET,
    scopes: DEFAULT_SCOPES,
    inszClaim: DEFAULT_INSZ_CLAIM,
    linkSubject: false,
    dev: true,
  };
}

/** Every provider the portal offers: the configured ones, then the development provider when it is on. */
export function allProviders(settings: OidcSettings, publicUrl: string): OidcProviderConfig[] {
  return settings.devIdp ? [...settings.providers, devProviderConfig(publicUrl)] : settings.providers;
}
