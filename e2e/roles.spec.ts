import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.js';

/**
 * Issue 19: each role on today's date goes through the services its navigation offers, with axe on
 * every screen. The navigation is the same list as the home tiles (src/web/portal-services.ts).
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/** Follows every link of the navigation (home and help aside) and checks each screen. */
async function walkNavigation(page: Page, who: string, expected: string[]): Promise<void> {
  const links = nav(page).getByRole('link');
  await expect(links).toHaveText(['Startpagina', ...expected, 'Help']);
  await expectNoAxeViolations(page, `${who}: home`);
  for (const label of expected) {
    await nav(page).getByRole('link', { name: label, exact: true }).click();
    await expect(nav(page).getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Bezig met laden' })).toHaveCount(0);
    await expect(page.getByText('Nog niet beschikbaar in deze versie')).toHaveCount(0);
    await expectNoAxeViolations(page, `${who}: ${label}`);
  }
  await nav(page).getByRole('link', { name: 'Startpagina' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('the social worker finds OCMW Online, e-Box and Dossiers in the navigation', async ({ page }) => {
  await login(page, 'user.antwerpen');
  await walkNavigation(page, 'user', ['OCMW Online', 'e-Box', 'Dossiers', 'Fusies']);
  // Closed tiles say who grants them; what a user can never use (Toegangsbeheer) is not there.
  const tiles = page.getByRole('main').getByRole('list').first();
  await expect(tiles.getByRole('group', { name: 'Uniek verslag' })).toContainText('Vraag ze aan de toegangsbeheerder (TB) of een co-toegangsbeheerder van Maatschappelijk Welzijn bij OCMW Antwerpen.');
  await expect(page.getByRole('main').getByRole('link', { name: /^Toegangsbeheer/ })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('group', { name: 'Toegangsbeheer' })).toHaveCount(0);
});

test('the HTB manages access, and learns that the TB uses the applications', async ({ page }) => {
  await login(page, 'htb.antwerpen');
  await walkNavigation(page, 'HTB', ['Toegangsbeheer', 'Fusies']);
  await expect(page.getByRole('main')).toContainText('Als hoofdtoegangsbeheerder gebruikt u de toepassingen');
  // No closed tiles: an HTB can open everything the home page shows.
  await expect(page.getByRole('main').getByRole('group')).toHaveCount(0);
});

test('the TB manages access, ChaMan, the configuration and the dossier setting', async ({ page }) => {
  await login(page, 'tb.antwerpen');
  await walkNavigation(page, 'TB', ['Dossiers', 'Toegangsbeheer', 'ChaMan', 'OCMW-configuratie', 'Fusies']);
  await expect(page.getByRole('group', { name: 'OCMW Online' })).toContainText('kent u ze uzelf toe');
});

test('the co-TB has the same services as the TB, and is told the TB grants what it lacks', async ({ page }) => {
  await login(page, 'cotb.antwerpen');
  await walkNavigation(page, 'co-TB', ['Dossiers', 'Toegangsbeheer', 'ChaMan', 'OCMW-configuratie', 'Fusies']);
  await expect(page.getByRole('group', { name: 'e-Box' })).toContainText('De toegangsbeheerder (TB) van Maatschappelijk Welzijn bij OCMW Antwerpen');
});

test('the platform administrator finds mergers, disappearing OCMWs, the HTB import and the mails', async ({ page }) => {
  await login(page, 'admin');
  await walkNavigation(page, 'admin', ['Fusies', "Verdwijnende OCMW's", 'HTB-import', 'E-mails', 'Bewaartermijnen']);
  await expect(page.getByRole('main').getByText('OCMW Online')).toHaveCount(0);
});

test('the vendor sees only ChaMan among the services, and manages the REST accounts it accepted', async ({ page }) => {
  await login(page, 'vendor.cevi');
  await walkNavigation(page, 'vendor', ['ChaMan', 'Fusies']);
  for (const ocmwOnly of ['OCMW Online', 'e-Box', 'OCMW-configuratie', 'Uniek verslag']) {
    await expect(page.getByRole('main').getByText(ocmwOnly, { exact: true })).toHaveCount(0);
  }
});

test('a citizen reaches the form and the helpdesk without logging in', async ({ page }) => {
  await page.goto('/login');
  const visitorNav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(visitorNav.getByRole('link')).toHaveText(['Hulp vragen', 'Help', 'Aanmelden voor medewerkers']);
  await expectNoAxeViolations(page, 'citizen: login page');
  await visitorNav.getByRole('link', { name: 'Hulp vragen' }).click();
  await expect(page).toHaveURL(/\/hulpaanvraag$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, 'citizen: the form');
  await visitorNav.getByRole('link', { name: 'Help' }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Help en contact' })).toBeVisible();
  await expectNoAxeViolations(page, 'citizen: help');
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the TB reads the user table without the page scrolling sideways', async ({ page }) => {
    await login(page, 'tb.antwerpen');
    await nav(page).getByRole('link', { name: 'Toegangsbeheer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: /gebruikers/i }).first().click();
    const table = page.getByRole('table').first();
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(widths.client);
    // Each cell says its column on a phone.
    await expect(table.locator('tbody td[data-label="Gebruikersnaam"]').first()).toBeVisible();
    await expectNoAxeViolations(page, 'TB: users at 390 px');
  });
});
