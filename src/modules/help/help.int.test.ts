import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

const contexts: TestContext[] = [];
afterAll(async () => Promise.all(contexts.map((c) => c.close())));

async function helpOf(env: Record<string, string> = {}) {
  const ctx = await createTestContext({ env });
  contexts.push(ctx);
  const res = await ctx.client().get('/api/v1/help');
  return res;
}

describe('GET /api/v1/help (R12.1)', () => {
  it("answers the guide's helpdesk without a login", async () => {
    const res = await helpOf();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: "Helpdesk OCMW's-CPAS",
      email: 'ocmw-cpas@smals.be',
      phoneNl: '02 787 58 27',
      phoneFr: '02 787 58 28',
      hours: '08:30–16:30',
    });
  });

  it('answers the contacts the operator configured', async () => {
    const res = await helpOf({
      OCMW_HELPDESK_NAME: 'Servicedesk Regio',
      OCMW_HELPDESK_EMAIL: 'help@regio.example',
      OCMW_HELPDESK_PHONE_NL: '09 123 45 67',
      OCMW_HELPDESK_PHONE_FR: '09 123 45 68',
      OCMW_HELPDESK_HOURS: '09:00–17:00',
    });
    expect(res.json()).toEqual({ name: 'Servicedesk Regio', email: 'help@regio.example', phoneNl: '09 123 45 67', phoneFr: '09 123 45 68', hours: '09:00–17:00' });
  });
});
