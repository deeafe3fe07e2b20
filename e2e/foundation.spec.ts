import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support.js';

const DEMO_USER = { username: 'an.peeters', password: 'Demo-Portaal-2025!' };

test('a person with two OCMWs logs in, chooses Borsbeek, reads the home page in NL and FR, and lists the mergers', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expectNoAxeViolations(page, 'the login page');

  await page.getByLabel('Gebruikersnaam').fill(DEMO_USER.username);
  await page.getByLabel('Wachtwoord').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();

  await expect(page).toHaveURL(/\/kiezen$/);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'De onderneming selecteren waarvoor u zich wil aanmelden op het portaal van de sociale zekerheid',
    }),
  ).toBeVisible();
  const choices = page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button');
  const borsbeek = choices.filter({ hasText: 'Borsbeek' });
  await expect(borsbeek).toHaveCount(1);
  await expect(choices.filter({ hasText: 'Antwerpen' })).toHaveCount(1);
  await expect(borsbeek).toContainText('verdwijnend OCMW');
  await expect(borsbeek).toContainText('Ondernemingsnummer:');

  await borsbeek.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.getByRole('heading', { level: 2, name: 'Dit OCMW verdwijnt door een fusie' })).toBeVisible();
  await expect(page.getByText('blijven voorlopig beschikbaar')).toBeVisible();
  await expect(page.locator('header')).toContainText('Borsbeek');
  await expect(page.getByRole('link', { name: /Wisselen/ })).toBeVisible();
  // Issue 19: a user never manages access, so Toegangsbeheer is neither a tile nor in the navigation.
  await expect(page.getByRole('main').getByRole('group', { name: 'Toegangsbeheer' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toegangsbeheer' })).toHaveCount(0);
  await expect(page.getByText('Nog niet beschikbaar in deze versie')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the home page');

  await page.getByRole('button', { name: /^FR/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: /^FR/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 2, name: "Ce CPAS disparaît à la suite d'une fusion" })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accueil' })).toBeVisible();

  await page.getByRole('button', { name: /^NL/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('main').getByRole('link', { name: /Fusies/ }).click();
  await expect(page).toHaveURL(/\/fusies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fusies' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toContainText('Fusies');
  await expect(table.locator('tbody tr')).toHaveCount(13);
  await expect(table).toContainText('Nieuw KBO & nieuw NIS');
  await expectNoAxeViolations(page, 'the mergers page');
});

test('an unknown path in a UI section shows the 404 page; outside the UI it is an HTTP 404', async ({ page }) => {
  await page.goto('/beheer/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  // Issue 16: outside the UI's sections the server answers 404 in the error shape, never the page.
  const outside = await page.goto('/bestaat-niet');
  expect(outside?.status()).toBe(404);
  expect(await outside?.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('a wrong password is refused with a message in an alert', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(DEMO_USER.username);
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('Aanmelden is niet gelukt');
  await expect(page.getByRole('alert')).toContainText('Gebruikersnaam of wachtwoord is onjuist.');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
  // Typing after an error keeps the focus in the field (the summary does not take it back).
  await page.getByLabel('Wachtwoord').fill('still-wrong');
  await page.getByLabel('Wachtwoord').press('End');
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
  await expectNoAxeViolations(page, 'the login page with an error');
});

/** Logs in as the two-OCMW demo person and picks an organisation on the choice screen. */
async function loginAndChoose(page: Page, organisation: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(DEMO_USER.username);
  await page.getByLabel('Wachtwoord').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/kiezen$/);
  await page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button').filter({ hasText: organisation }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('switching organisation, keeping the language over a reload, and logging out', async ({ page }) => {
  await loginAndChoose(page, 'Borsbeek');
  await page.getByRole('link', { name: /Wisselen/ }).click();
  await expect(page).toHaveURL(/\/kiezen$/);
  await page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button').filter({ hasText: 'Antwerpen' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header')).toContainText('Antwerpen');
  await expect(page.locator('header')).toContainText('0212.235.604');
  await expect(page.getByText('Dit OCMW verdwijnt door een fusie')).toHaveCount(0);

  await page.getByRole('button', { name: /^DE/ }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 2, name: 'Dienste' })).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.goto('/fusies');
  await expect(page).toHaveURL(/\/login$/);
});

test('a business date other than today is shown in a banner', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2024-12-31' });
  await page.goto('/login');
  await expect(page.getByRole('note')).toHaveText(/^Bedrijfsdatum: 31\/12\/2024 \(de echte datum is \d{2}\/\d{2}\/\d{4}\)$/);
});
