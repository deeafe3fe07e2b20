import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations } from './support.js';

const INSZ = '85.07.30-033.28';
/** The demo's data protection officer of OCMW Antwerpen (application privacy-officer). */
const OFFICER = 'dpo.antwerpen';

/** Signs in through the API (the page's own cookies) and returns the CSRF token for its POSTs. */
async function apiLogin(api: APIRequestContext, username: string, password = PASSWORD): Promise<string> {
  // The login itself is a POST: it takes the anonymous session's CSRF token.
  const anonymous = (await (await api.get('/api/v1/session')).json()) as { csrfToken: string };
  const res = await api.post('/api/v1/session/login', { data: { username, password }, headers: { 'x-csrf-token': anonymous.csrfToken } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).csrfToken as string;
}

test("the privacy officer answers a citizen's request: what the OCMW holds, the file, and an erasure after a confirmation (issue 24)", async ({ page }) => {
  test.setTimeout(180_000);
  const api = page.request;

  // A citizen files a help request with their INSZ and e-mail address.
  await page.goto('/hulpaanvraag');
  await page.getByLabel('Leefloon').check();
  await page.locator('#citizen-postcode').fill('2000');
  await expect(page.getByRole('status').filter({ hasText: /^Uw OCMW: / })).toBeVisible();
  await page.locator('#citizen-surname').fill('Peeters');
  await page.locator('#citizen-firstName').fill('Jan');
  await page.locator('#citizen-insz').fill(INSZ);
  await page.locator('#citizen-email').fill('jan.peeters@example.be');
  await page.locator('#citizen-message').fill('Ik vraag een leefloon aan.');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await page.getByRole('button', { name: 'Indienen', exact: true }).click();
  const reference = (await page.getByRole('main').locator('strong').filter({ hasText: /^OO-/ }).innerText()).trim();

  // A social worker decides the request.
  const csrf = await apiLogin(api, 'user.antwerpen');
  const found = (await (await api.get(`/api/v1/help-requests?reference=${encodeURIComponent(reference)}`)).json()) as { items: { id: string }[] };
  expect((await api.post(`/api/v1/help-requests/${found.items[0]!.id}/decided`, { headers: { 'x-csrf-token': csrf } })).status()).toBe(200);
  await api.post('/api/v1/session/logout', { headers: { 'x-csrf-token': csrf } });

  // The officer looks the person up.
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(OFFICER);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/privacy/verzoeken');
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken van burgers (inzage en wissen)' })).toBeVisible();
  await page.getByLabel(/INSZ van de persoon/).fill(INSZ);
  await page.getByRole('button', { name: 'Opzoeken' }).click();
  const held = page.getByRole('region', { name: 'Wat uw OCMW bewaart' });
  const row = (name: string) => held.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  // Decided today: kept for the appeals, complaints and recovery of its retention period.
  await expect(row('Hulpaanvragen')).toContainText('bewaartermijn voor beroep');
  await expect(row('E-mails')).toContainText('Kan gewist worden.');
  await expect(row('Toegangslog')).toContainText('Blijft bewaard.');
  await expect(row('Toegangslog')).toContainText('tien jaar');
  await expectNoAxeViolations(page, "a citizen's request");

  // The file for the citizen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bestand downloaden (ZIP)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^inzage-0212235604-\d{4}-\d{2}-\d{2}\.zip$/);

  // The erasure: what and why, then a confirmation.
  await page.getByLabel(/^E-mails/).check();
  await page.getByLabel(/^Reden/).fill('Verzoek per brief van 2 december');
  await page.getByRole('button', { name: 'Wissen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Definitief wissen?' });
  await expect(dialog).toContainText('U wist voor deze persoon: E-mails.');
  await expectNoAxeViolations(page, 'the erasure confirmation');
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 item gewist.' })).toBeVisible();
  // The officer's register keeps the reason (the audit log does not): the erasure and the file above.
  const register = page.getByRole('region', { name: 'Register van verzoeken' });
  await expect(register.locator('tbody tr').first()).toContainText('Verzoek per brief van 2 december');
  await expect(register).toContainText('Inzage (bestand)');

  // The retention periods, with their reasons.
  await page.getByRole('link', { name: 'Bewaartermijnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Toegangslog \(wie raadpleegde wie\)/ })).toContainText('3.653 dagen');
  await expectNoAxeViolations(page, 'the retention periods');
});
