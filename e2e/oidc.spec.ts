import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations } from './support.js';

/**
 * Issue 21: sign in through the development identity provider (OCMW_DEV_IDP=on in
 * playwright.config.ts, mounted at /dev-idp of the same server), choose the role, sign out of
 * the portal and of the provider (RP-initiated logout); and the page for a person the portal does
 * not know. Every page passes axe.
 */

async function atProvider(page: Page, username: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Aanmelden met Ontwikkel-identiteitsprovider (demo)' }).click();
  await expect(page).toHaveURL(/\/dev-idp\/interaction\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden bij de ontwikkel-identiteitsprovider' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

test('signs in through the development identity provider, chooses the role and signs out of both', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 2, name: 'Aanmelden via uw identiteitsprovider' })).toBeVisible();
  await expectNoAxeViolations(page, 'the login page with the identity provider');

  await page.getByRole('link', { name: 'Aanmelden met Ontwikkel-identiteitsprovider (demo)' }).click();
  await expect(page).toHaveURL(/\/dev-idp\/interaction\//);
  await expectNoAxeViolations(page, "the development provider's sign-in page");
  // A wrong password stays at the provider.
  await page.getByLabel('Gebruikersnaam').fill('an.peeters');
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Onbekende demopersoon of verkeerd wachtwoord.');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();

  // Back in the portal: two OCMWs, so the role choice (R2.13) comes first, as after a password.
  await expect(page).toHaveURL(/\/kiezen$/);
  const choices = page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button');
  await expect(choices).toHaveCount(2);
  await expectNoAxeViolations(page, 'the role choice after the identity provider');
  await choices.filter({ hasText: 'Antwerpen' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.locator('header')).toContainText('Antwerpen');

  // Signing out ends the portal's session, then the provider asks to end its own.
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/dev-idp\/session\/end/);
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden bij de ontwikkel-identiteitsprovider' })).toBeVisible();
  await expectNoAxeViolations(page, "the development provider's logout page");
  await page.getByRole('button', { name: 'Ja, afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  expect((await (await page.request.get('/api/v1/session')).json()).authenticated).toBe(false);

  // The provider's session is gone too: the next sign-in asks for the password again.
  await page.getByRole('link', { name: 'Aanmelden met Ontwikkel-identiteitsprovider (demo)' }).click();
  await expect(page).toHaveURL(/\/dev-idp\/interaction\//);
  await expect(page.getByLabel('Wachtwoord')).toBeVisible();
});

test('a person the portal does not know gets the page that says whom to ask; nothing is created', async ({ page }) => {
  await atProvider(page, 'onbekend.persoon');
  await expect(page).toHaveURL(/\/login\/probleem\?/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden is niet gelukt' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('maar het portaal kent u (nog) niet');
  await expect(page.getByRole('alert')).toContainText('Er is geen account aangemaakt.');
  await expectNoAxeViolations(page, 'the sign-in problem page');
  expect((await (await page.request.get('/api/v1/session')).json()).authenticated).toBe(false);
  await page.getByRole('link', { name: 'Terug naar aanmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
