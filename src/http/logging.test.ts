import { describe, expect, it } from 'vitest';
import { REQUEST_ID, sanitizeUrl, securityEventOf } from './logging.js';

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
