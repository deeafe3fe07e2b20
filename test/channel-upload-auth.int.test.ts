import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * Review (issue 23): the HTTPS twin of /in/ takes up to OCMW_SFTP_MAX_UPLOAD_MB, so its credentials
 * are checked before the body is read. With a 1 MiB limit, a 2 MiB body without (or with wrong)
 * credentials is refused as unauthenticated (401), not as too large (413): the body was never read.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { OCMW_SFTP_PORT: 'off', OCMW_SFTP_MAX_UPLOAD_MB: '1' } });
});
afterAll(async () => ctx?.close());

const body = Buffer.alloc(2 * 1_048_576, 0x41);
const upload = (headers: Record<string, string>) =>
  ctx.app.inject({ method: 'PUT', url: '/api/v1/channel/in/0212235604_aangifte.xml', payload: body, headers: { 'content-type': 'application/octet-stream', ...headers } });

describe('machine credentials are checked before the body is read', () => {
  it.each([
    ['no credentials', {}],
    ['a wrong password', { authorization: `Basic ${Buffer.from('onbekend:Verkeerd-1!').toString('base64')}` }],
    ['a token where a channel login belongs', { authorization: 'Bearer abc' }],
  ])('%s: 401 before the 2 MiB body (limit 1 MiB) is read', async (_what, headers) => {
    const res = await upload(headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(res.headers['www-authenticate']).toContain('Basic');
  });

  it('an institution route without its token: 401 as before', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/institution/channel/files' });
    expect(res.statusCode).toBe(401);
  });
});
