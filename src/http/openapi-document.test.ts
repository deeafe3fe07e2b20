import { describe, expect, it } from 'vitest';
import { operationIdOf, portalSecurity } from './openapi-document.js';

describe('operationIdOf', () => {
  it.each([
    ['GET', '/api/v1/session', '/api/v1', 'getSession'],
    ['POST', '/api/v1/session/login', '/api/v1', 'postSessionLogin'],
    ['GET', '/api/v1/dossiers/:id', '/api/v1', 'getDossiersById'],
    ['PUT', '/api/v1/access/domains/:domainId/users/:userId', '/api/v1', 'putAccessDomainsByDomainIdUsersByUserId'],
    ['GET', '/api/v1/public/help-requests/challenge', '/api/v1', 'getPublicHelpRequestsChallenge'],
    ['DELETE', '/vendor/v1/help-requests/:id', '/vendor/v1', 'deleteHelpRequestsById'],
    ['GET', '/health', '/api/v1', 'getHealth'],
  ])('%s %s below %s → %s', (method, url, base, expected) => {
    expect(operationIdOf(method, url, base)).toBe(expected);
  });
});

describe('portalSecurity', () => {
  it.each([
    ['public', 'GET', undefined, []],
    ['public', 'POST', undefined, [{ csrf: [] }]],
    ['session', 'GET', undefined, [{ session: [] }]],
    ['context', 'DELETE', undefined, [{ session: [], csrf: [] }]],
    ['admin', 'PATCH', undefined, [{ session: [], csrf: [] }]],
    ['institution', 'GET', 'dossiers:read', [{ institutionToken: ['dossiers:read'] }]],
    ['channel', 'GET', undefined, [{ channelPassword: [] }]],
  ] as const)('%s %s (scope %s) → %j', (access, method, scope, expected) => {
    expect(portalSecurity(access, method, scope)).toEqual(expected);
  });
});
