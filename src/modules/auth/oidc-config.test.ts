import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { allProviders, parseOidcSettings } from './oidc-config.js';
import { claimAt } from './oidc.service.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ocmw-oidc-config-'));
const keyFile = path.join(dir, 'client-key.pem');
writeFileSync(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
const notAKey = path.join(dir, 'not-a-key.pem');
writeFileSync(notAKey, 'hello');

const single = { OIDC_ISSUER: 'https://idp.example.be/realms/ocmw', OIDC_CLIENT_ID: 'portal', OIDC_CLIENT_SECRET: 's3cret' };

describe('parseOidcSettings', () => {
  it('without OIDC settings: no provider, passwords on, no development provider', () => {
    expect(parseOidcSettings({}, false)).toEqual({ ok: true, settings: { providers: [], localLogin: true, devIdp: false } });
  });

  it('the single-provider variables make provider "oidc" with the defaults', () => {
    const parsed = parseOidcSettings(single, true);
    expect(parsed.ok && parsed.settings.providers).toEqual([
      {
        id: 'oidc',
        name: { nl: 'idp.example.be', fr: 'idp.example.be', de: 'idp.example.be', en: 'idp.example.be' },
        issuer: 'https://idp.example.be/realms/ocmw',
        clientId: 'portal',
        clientSecret: 's3cret',
        privateKey: undefined,
        scopes: 'openid profile',
        inszClaim: 'insz',
        linkSubject: false,
      },
    ]);
  });

  it('several providers, each with its own settings, names per language and the shared INSZ claim', () => {
    const parsed = parseOidcSettings(
      {
        OIDC_PROVIDERS: 'keycloak, fas-csam',
        OIDC_INSZ_CLAIM: 'national_number',
        OIDC_KEYCLOAK_ISSUER: 'https://kc.example.be/realms/ocmw',
        OIDC_KEYCLOAK_CLIENT_ID: 'portal',
        OIDC_KEYCLOAK_CLIENT_SECRET: 'x',
        OIDC_KEYCLOAK_NAME: 'Keycloak',
        OIDC_KEYCLOAK_NAME_FR: 'Keycloak (FR)',
        OIDC_KEYCLOAK_LINK_SUBJECT: 'on',
        OIDC_FAS_CSAM_ISSUER: 'https://fas.example.be',
        OIDC_FAS_CSAM_CLIENT_ID: 'ocmw',
        OIDC_FAS_CSAM_PRIVATE_KEY_FILE: keyFile,
        OIDC_FAS_CSAM_PRIVATE_KEY_ID: 'k1',
        OIDC_FAS_CSAM_INSZ_CLAIM: 'egovNRN',
        OIDC_FAS_CSAM_SCOPES: 'openid egovnrn',
      },
      true,
    );
    expect(parsed.ok).toBe(true);
    const [keycloak, fas] = parsed.ok ? parsed.settings.providers : [];
    expect(keycloak).toMatchObject({ id: 'keycloak', name: { nl: 'Keycloak', fr: 'Keycloak (FR)', de: 'Keycloak', en: 'Keycloak' }, inszClaim: 'national_number', linkSubject: true });
    expect(fas).toMatchObject({ id: 'fas-csam', clientSecret: undefined, privateKey: { kid: 'k1' }, inszClaim: 'egovNRN', scopes: 'openid egovnrn' });
  });

  it.each([
    ['an issuer that is no URL', { ...single, OIDC_ISSUER: 'idp' }, 'OIDC_ISSUER: must be a URL'],
    ['plain HTTP in production', { ...single, OIDC_ISSUER: 'http://idp.example.be' }, 'OIDC_ISSUER: must be an https:// URL with NODE_ENV=production'],
    ['no client id', { OIDC_ISSUER: single.OIDC_ISSUER, OIDC_CLIENT_SECRET: 'x' }, 'OIDC_CLIENT_ID: required'],
    ['no secret and no key', { OIDC_ISSUER: single.OIDC_ISSUER, OIDC_CLIENT_ID: 'p' }, 'OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY_FILE: one is required'],
    ['a secret and a key', { ...single, OIDC_PRIVATE_KEY_FILE: keyFile }, 'give one of the two, not both'],
    ['a key file that holds no key', { OIDC_ISSUER: single.OIDC_ISSUER, OIDC_CLIENT_ID: 'p', OIDC_PRIVATE_KEY_FILE: notAKey }, 'OIDC_PRIVATE_KEY_FILE: cannot read a private key'],
    ['scopes without openid', { ...single, OIDC_SCOPES: 'profile' }, 'OIDC_SCOPES: must include "openid"'],
    ['an id that is no id', { OIDC_PROVIDERS: 'Key Cloak' }, 'is not an id'],
    ['the development id', { OIDC_PROVIDERS: 'dev' }, 'the development provider'],
    ['an id twice', { OIDC_PROVIDERS: 'a,a', OIDC_A_ISSUER: single.OIDC_ISSUER, OIDC_A_CLIENT_ID: 'p', OIDC_A_CLIENT_SECRET: 'x' }, 'named twice'],
    ['a provider of the list without its settings', { OIDC_PROVIDERS: 'kc' }, 'OIDC_KC_ISSUER: required'],
    ['OIDC_ISSUER beside OIDC_PROVIDERS', { ...single, OIDC_PROVIDERS: 'a', OIDC_A_ISSUER: single.OIDC_ISSUER, OIDC_A_CLIENT_ID: 'p', OIDC_A_CLIENT_SECRET: 'x' }, 'give each provider its own'],
    ['local login off without a provider', { OCMW_LOCAL_LOGIN: 'off' }, 'OCMW_LOCAL_LOGIN: "off" needs an identity provider'],
    ['a switch that is not on/off', { ...single, OCMW_LOCAL_LOGIN: 'no' }, 'OCMW_LOCAL_LOGIN: must be "on" or "off"'],
    ['the development provider in production', { OCMW_DEV_IDP: 'on' }, 'OCMW_DEV_IDP: "on" is refused with NODE_ENV=production'],
  ])('refuses %s', (_what, env, problem) => {
    const parsed = parseOidcSettings(env, true);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.join('\n')).toContain(problem);
  });

  it('allows a plain-HTTP issuer outside production (a provider on localhost)', () => {
    expect(parseOidcSettings({ ...single, OIDC_ISSUER: 'http://localhost:8080/realms/ocmw' }, false).ok).toBe(true);
  });

  it('the development provider joins the configured ones, at /dev-idp of the public URL, only when on', () => {
    const parsed = parseOidcSettings({ ...single, OCMW_DEV_IDP: 'on', OCMW_LOCAL_LOGIN: 'off' }, false);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.settings.localLogin).toBe(false);
    expect(allProviders(parsed.settings, 'http://127.0.0.1:3100/').map((p) => [p.id, p.issuer])).toEqual([
      ['oidc', 'https://idp.example.be/realms/ocmw'],
      ['dev', 'http://127.0.0.1:3100/dev-idp'],
    ]);
    expect(allProviders({ ...parsed.settings, devIdp: false }, 'http://x').map((p) => p.id)).toEqual(['oidc']);
  });

  it('loadConfig refuses to start with OCMW_DEV_IDP=on and NODE_ENV=production, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', OCMW_DEV_IDP: 'on' })).toThrow(/OCMW_DEV_IDP: "on" is refused with NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'development', OCMW_DEV_IDP: 'on' }).oidc.devIdp).toBe(true);
  });
});

describe('claimAt', () => {
  it.each([
    [{ insz: '85073003328' }, 'insz', '85073003328'],
    [{ attributes: { insz: 'x' } }, 'attributes.insz', 'x'],
    [{ 'urn:be:insz': 'y' }, 'urn:be:insz', 'y'],
    [{ 'a.b': 'flat wins' }, 'a.b', 'flat wins'],
    [{ attributes: null }, 'attributes.insz', undefined],
    [{}, 'insz', undefined],
    [{ insz: 'x' }, '__proto__.polluted', undefined],
  ])('%j at %s → %j', (claims, at, expected) => {
    expect(claimAt(claims, at)).toEqual(expected);
  });
});
