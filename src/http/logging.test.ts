import { describe, expect, it } from 'vitest';
import { REQUEST_ID, sanitizeError, sanitizeUrl, securityEventOf } from './logging.js';

describe('sanitizeUrl: what of a URL may be logged', () => {
  it.each([
    ['/api/v1/domains/d1/members?insz=85073003328&page=2', '/api/v1/domains/d1/members?insz=[redacted]&page=2'],
    ['/api/v1/x?search=85.07.30-033.28', '/api/v1/x?search=[redacted]'],
    ['/api/v1/people/85073003328', '/api/v1/people/[insz]'],
    ['/api/v1/people/85.07.30-033.28/roles', '/api/v1/people/[insz]/roles'],
    ['/api/v1/x?to=jan%40ocmw.be&sort=name', '/api/v1/x?to=[email]&sort=name'],
    ['/api/v1/x?e-mail=jan@ocmw.be', '/api/v1/x?e-mail=[redacted]'],
    ['/api/v1/x?token=abc&newPassword=x', '/api/v1/x?token=[redacted]&newPassword=[redacted]'],
    ['/api/v1/postcodes/9120/municipalities', '/api/v1/postcodes/9120/municipalities'],
    ['/api/v1/x?postcode=2000&year=2025', '/api/v1/x?postcode=2000&year=2025'],
    ['/api/v1/x?filter=12345678901', '/api/v1/x?filter=[insz]'],
    // Issue 21: an identity provider's answer at the callback.
    ['/api/v1/session/oidc/dev/callback?code=abc&state=def&iss=https%3A%2F%2Fidp', '/api/v1/session/oidc/dev/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp'],
  ])('%s → %s', (url, logged) => {
    expect(sanitizeUrl(url)).toBe(logged);
  });
});

describe('REQUEST_ID: the client x-request-id kept as the log id', () => {
  it.each([
    ['abc-123_4.5', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
    ['a b', false],
    ['<script>', false],
    ['x\ny', false],
  ])('%j → %s', (id, ok) => {
    expect(REQUEST_ID.test(id)).toBe(ok);
  });
});

describe('securityEventOf', () => {
  it.each([
    ['POST', '/api/v1/session/login', 'public', 200, 'login.success'],
    ['POST', '/api/v1/session/login', 'public', 401, 'login.failure'],
    ['POST', '/api/v1/session/login', 'public', 423, 'login.lockout'],
    ['POST', '/api/v1/session/login', 'public', 400, undefined],
    ['POST', '/api/v1/session/context', 'session', 200, 'role.switch'],
    ['POST', '/api/v1/me/password', 'session', 204, 'password.change'],
    ['POST', '/api/v1/session/setup-password', 'public', 204, 'password.setup'],
    ['POST', '/api/v1/mutations', 'institution', 201, 'token.use'],
    ['POST', '/api/v1/mutations', 'institution', 401, 'token.refused'],
    ['PUT', '/api/v1/admin/x', 'admin', 200, 'admin.action'],
    ['GET', '/api/v1/admin/x', 'admin', 200, undefined],
    ['GET', '/api/v1/session', 'public', 200, undefined],
  ] as const)('%s %s (%s) %i → %s', (method, route, access, status, kind) => {
    expect(securityEventOf(method, route, access, status)).toBe(kind);
  });
});

describe('sanitizeError: an error as it may be logged (issue 24)', () => {
  it.each([
    ['a database refusal naming the row', Object.assign(new Error('new row violates check constraint'), { code: '23514', detail: 'Failing row contains (1, 2026-12-07, 85073003328, vendor).' }), '85073003328'],
    ['a key conflict', Object.assign(new Error('duplicate key value'), { detail: 'Key (insz)=(85.07.30-033.28) already exists.' }), '85.07.30-033.28'],
    ['a message with an INSZ in a URL', new Error('GET /api/v1/people/85073003328 failed'), '85073003328'],
    ['a cause', new Error('outer', { cause: new Error('inner jan@ocmw.be 85073003328') }), 'jan@ocmw.be'],
  ])('%s keeps no national number or e-mail', (_name, error, secret) => {
    const logged = JSON.stringify(sanitizeError(error));
    expect(logged).not.toContain(secret);
    expect(logged).toContain('[insz]');
  });

  it('keeps what helps: the type, the code and the words', () => {
    const logged = sanitizeError(Object.assign(new TypeError('boom at 12:00'), { code: '23505' })) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'TypeError', message: 'boom at 12:00', code: '23505' });
  });
});
