import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.js';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
const table = (page: Page) => page.getByRole('table', { name: /^Ontvangen mutaties – pagina/ });
const rows = (page: Page) => table(page).locator('tbody tr');

/** The table with its rows, or the empty state, once the list has answered for the URL's filters. */
async function expectListOrEmpty(page: Page, emptyText: string): Promise<number> {
  await expect(page.locator('#received-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('p.result-count')).toHaveText(/(Eén mutatie|\d+ mutaties) gevonden\./);
  await expect(table(page).or(page.getByText(emptyText))).toBeVisible();
  return (await table(page).isVisible()) ? rows(page).count() : 0;
}

test('the TB lists the mutations delivered to the OCMW (R5.2) and filters them by type and date', async ({ page }) => {
  await login(page, 'tb.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /OCMW-configuratie/ }).click();
  await expect(page).toHaveURL(/\/configuratie\/mutaties$/);
  await menu(page).getByRole('link', { name: 'Ontvangen mutaties' }).click();

  // The static path wins over /configuratie/:section.
  await expect(page).toHaveURL(/\/configuratie\/ontvangen-mutaties$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ontvangen mutaties' })).toBeVisible();
  await expect(page).toHaveTitle(/^Ontvangen mutaties – /);
  await expect(page.getByText('FTP/SFTP-kanaal met de beveiligde machtiging "Mutaties RijksRegister"')).toBeVisible();
  await expect(page.getByText('GET /api/v1/channel/mutation-files')).toBeVisible();

  const all = await expectListOrEmpty(page, 'Er werden nog geen mutaties aan uw OCMW geleverd.');
  await expectNoAxeViolations(page, 'Ontvangen mutaties');
  // The demo delivers MURN, MUSE and MURA-H205 to Antwerpen on the days before the business date.
  expect(all).toBeGreaterThan(0);
  await expect(table(page).getByRole('columnheader', { name: 'Dagbestand' })).toBeVisible();
  await expect(rows(page).first().locator('td').nth(0)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(rows(page).first().locator('td').nth(1)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

  // More than one page: "Volgende" goes to page 2, in the URL and the caption.
  const pager = page.getByRole('navigation', { name: "Pagina's" });
  if (await pager.isVisible()) {
    await pager.getByRole('button', { name: 'Volgende' }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(table(page)).toHaveAccessibleName(/pagina 2 van \d+$/);
    await expectListOrEmpty(page, 'Er werden nog geen mutaties aan uw OCMW geleverd.');
    await pager.getByRole('button', { name: 'Vorige' }).click();
    await expect(page).toHaveURL(/\/configuratie\/ontvangen-mutaties$/);
    await expectListOrEmpty(page, 'Er werden nog geen mutaties aan uw OCMW geleverd.');
  }

  // A type filter: in the URL, and every row listed is of that type.
  const type = page.getByLabel('Type mutatie');
  await expect(type.locator('option', { hasText: /^MURN – Rijksregister$/ })).toHaveCount(1);
  await type.selectOption('MURN');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/\/configuratie\/ontvangen-mutaties\?code=MURN$/);
  const murn = await expectListOrEmpty(page, 'Er zijn geen mutaties die aan deze criteria voldoen.');
  expect(murn).toBeGreaterThan(0);
  expect(murn).toBeLessThanOrEqual(all);
  for (let i = 0; i < murn; i++) await expect(rows(page).nth(i).locator('td').nth(2)).toContainText(/^MURN Rijksregister/);
  await expectNoAxeViolations(page, 'Ontvangen mutaties, filtered');

  // The URL is the truth: a reload keeps the filter.
  await page.reload();
  await expect(page.getByLabel('Type mutatie')).toHaveValue('MURN');

  // "from" after "to" is refused in the browser, at the field.
  await page.getByLabel('Dagbestand vanaf').fill('2026-03-10');
  await page.getByLabel('Dagbestand tot en met').fill('2026-03-01');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'De einddatum mag niet voor de begindatum liggen.' })).toBeFocused();
  await expect(page.getByLabel('Dagbestand tot en met')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\?code=MURN$/);
  await expectNoAxeViolations(page, 'Ontvangen mutaties, date error');

  // A valid period goes into the URL; "Filters wissen" brings back the whole list.
  await page.getByLabel('Dagbestand vanaf').fill('2026-03-01');
  await page.getByLabel('Dagbestand tot en met').fill('2026-03-10');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/\?code=MURN&from=2026-03-01&to=2026-03-10$/);
  await expect(page.getByLabel('Dagbestand tot en met')).not.toHaveAttribute('aria-invalid', 'true');
  await expectListOrEmpty(page, 'Er zijn geen mutaties die aan deze criteria voldoen.');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page).toHaveURL(/\/configuratie\/ontvangen-mutaties$/);
  await expect(page.getByLabel('Type mutatie')).toHaveValue('');
  expect(await expectListOrEmpty(page, 'Er werden nog geen mutaties aan uw OCMW geleverd.')).toBe(all);

  // The breadcrumb leads back to the configuration.
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'OCMW-configuratie' }).click();
  await expect(page).toHaveURL(/\/configuratie\/mutaties$/);
});

test('a direct link to the page works, and other roles without OCMW-configuratie are refused', async ({ page }) => {
  await login(page, 'tb.antwerpen');
  await page.goto('/configuratie/ontvangen-mutaties?code=MURA-H205');
  await expect(page.getByRole('heading', { level: 1, name: 'Ontvangen mutaties' })).toBeVisible();
  await expect(page.getByLabel('Type mutatie')).toHaveValue('MURA-H205');
  const count = await expectListOrEmpty(page, 'Er zijn geen mutaties die aan deze criteria voldoen.');
  for (let i = 0; i < count; i++) await expect(rows(page).nth(i).locator('td').nth(2)).toContainText(/^MURA-H205 /);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // A user without the OCMW-configuratie application gets the refusal, not the list.
  await login(page, 'user.antwerpen');
  await page.goto('/configuratie/ontvangen-mutaties');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Ontvangen mutaties' })).toHaveCount(0);
});
