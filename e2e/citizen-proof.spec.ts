import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.js';

// Issue 17: the citizen form's proof of work, solved by this browser (Web Workers) while the
// citizen types; when no challenge can be had, an accessible message and the data stay.
test('the citizen form solves its anti-automation check in the browser, and says so accessibly when it cannot (issue 17)', async ({ page }) => {
  // No challenge at first: the server cannot be reached for it.
  await page.route('**/api/v1/public/help-requests/challenge', (route) => route.abort());
  await page.goto('/hulpaanvraag');
  await expect(page.getByRole('heading', { level: 1, name: 'Hulp vragen aan het OCMW' })).toBeVisible();
  await page.getByLabel('Energie').check();
  await page.locator('#citizen-postcode').fill('2000');
  await expect(page.getByRole('status').filter({ hasText: /^Uw OCMW: / })).toBeVisible();
  await page.locator('#citizen-surname').fill('Janssens');
  await page.locator('#citizen-firstName').fill('Els');
  await page.locator('#citizen-phone').fill('0470 98 76 54');
  await page.locator('#citizen-message').fill('Ik kan mijn energiefactuur niet betalen.');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Controleer uw aanvraag' })).toBeVisible();

  await page.getByRole('button', { name: 'Indienen' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'controle tegen automatisch verzonden formulieren' });
  await expect(problem).toBeVisible();
  // Nothing was sent, the review and its data are still there, the button works again.
  await expect(page.getByRole('main')).toContainText('Janssens');
  await expect(page.getByRole('button', { name: 'Indienen' })).toBeEnabled();
  await expectNoAxeViolations(page, 'the review with the proof-of-work message');

  // The server answers again: the next "Indienen" fetches a challenge, solves it and files.
  await page.unroute('**/api/v1/public/help-requests/challenge');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/public/help-requests'));
  await page.getByRole('button', { name: 'Indienen' }).click();
  const proof = (await posted).postDataJSON().proof;
  expect(proof).toMatchObject({ algorithm: 'SHA-256', number: expect.any(Number) });
  expect(proof.challenge).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Uw aanvraag is ingediend' })).toBeVisible();
  await expect(page.getByRole('main').locator('strong').filter({ hasText: /^OO-/ })).toHaveText(/^OO-\d{4}-\d{7}-\d$/);
});
