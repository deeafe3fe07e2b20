import { describe, expect, it } from 'vitest';
import type { HelmetOptions } from 'helmet';
import { securityHeadersOf } from './security-headers.js';

describe('securityHeadersOf: helmet worked out once', () => {
  it.each<{ name: string; options: HelmetOptions; expected: Record<string, unknown> }>([
    {
      name: 'the vendor API',
      options: { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, frameguard: { action: 'deny' } },
      expected: { 'content-security-policy': expect.stringMatching(/default-src 'none';.*frame-ancestors 'none'/), 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'strict-transport-security': expect.stringContaining('max-age=') },
    },
    {
      name: 'the portal without HSTS (development)',
      options: { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"] } }, hsts: false },
      expected: { 'content-security-policy': expect.stringContaining("script-src 'self'"), 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' },
    },
  ])('$name', ({ options, expected }) => {
    const headers = securityHeadersOf(options);
    expect(headers).toMatchObject(expected);
    if (options.hsts === false) expect(headers).not.toHaveProperty('strict-transport-security');
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('refuses options helmet refuses, at start rather than at the first request', () => {
    expect(() => securityHeadersOf({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ['self'] } } })).toThrow();
  });
});
