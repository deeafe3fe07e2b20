import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations } from './support.js';

/** Fills the login form; where the user lands depends on the page asked for before. */
async function submitLogin(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const PAGE_URL = /\/beheer\/verdwijnende-ocmws$/;
// OCMW Ruiselede disappears into OCMW Wingene on 1 January 2025 (scenario 2); tb.ruiselede works only there.
const OCMW = 'OCMW Ruiselede';

test('the administrator ends a disappearing OCMW’s access after its merger, its TB can no longer log in, and the access is restored (R8.3)', async ({ page }) => {
  // Before the merger's effective date: the server refuses, and the page says why.
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2024-12-31' });
  await submitLogin(page, 'admin');
  await expect(page).toHaveURL(/\/$/);
  const main = page.getByRole('main');
  await main.getByRole('link', { name: /^Verdwijnende OCMW's/ }).click();
  await expect(page).toHaveURL(PAGE_URL);
  await expect(page.getByRole('heading', { level: 1, name: "Toegang van verdwijnende OCMW's" })).toBeVisible();
  const table = page.getByRole('table', { name: "Verdwijnende OCMW's en hun toegang" });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(OCMW) }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Wingene');
  await expect(row).toContainText('gaat op in OCMW Wingene');
  await expect(row).toContainText('01/01/2025');
  await expect(row).toContainText('Actief');
  await expect(row).toContainText('Kan pas beëindigd worden vanaf 01/01/2025.');
  await expectNoAxeViolations(page, 'the disappearing OCMWs before the merger');

  const endButton = row.getByRole('button', { name: `Toegang beëindigen – ${OCMW}` });
  await endButton.click();
  const endDialog = page.getByRole('dialog', { name: `De toegang van ${OCMW} beëindigen?` });
  await expect(endDialog).toBeVisible();
  await expect(endDialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await endDialog.getByRole('button', { name: 'Toegang beëindigen' }).click();
  await expect(endDialog).toBeHidden();
  const refusal = page.getByRole('alert');
  await expect(refusal).toHaveText(`De toegang van ${OCMW} is niet beëindigd: De fusie gaat pas in op 01/01/2025; tot dan werkt dit OCMW gewoon verder.`);
  await expect(refusal).toBeFocused();
  await expect(row).toContainText('Actief');
  await expectNoAxeViolations(page, 'the refusal before the effective date');

  // Two months after the merger.
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2025-03-03' });
  await page.reload();
  await expect(page.locator('.business-date')).toContainText('03/03/2025');
  await expect(row).toContainText('Actief');
  await expect(row).not.toContainText('Kan pas beëindigd worden');

  // The confirmation is a real step: Escape cancels it and gives the focus back to the button.
  await endButton.click();
  await expect(endDialog).toBeVisible();
  await expect(endDialog).toContainText(`${OCMW} is op 01/01/2025 opgegaan in OCMW Wingene.`);
  await expect(endDialog).toContainText('Vanaf 03/03/2025 kunnen de gebruikers van dit OCMW het niet meer kiezen bij het aanmelden.');
  await expectNoAxeViolations(page, 'the end-access confirmation');
  await page.keyboard.press('Escape');
  await expect(endDialog).toBeHidden();
  await expect(endButton).toBeFocused();
  await expect(row).toContainText('Actief');

  // Confirmed with the keyboard: R8.3′ the OCMW still has its 2024 Uniek verslag open, so a reason is asked for.
  await page.keyboard.press('Enter');
  await expect(endDialog).toBeVisible();
  await expect(endDialog).toContainText('Nog open bij dit OCMW:');
  await expect(endDialog).toContainText('het Uniek verslag 2024 is niet ingediend');
  await page.keyboard.press('Shift+Tab');
  await expect(endDialog.getByRole('button', { name: 'Toegang beëindigen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(endDialog).toBeVisible();
  await expect(endDialog).toContainText('Geef een reden van minstens 5 tekens.');
  await endDialog.getByLabel(/Reden om toch te beëindigen/).fill('Laatste verslag via OCMW Wingene geregeld');
  await expectNoAxeViolations(page, 'the override reason of the end-access confirmation');
  await endDialog.getByRole('button', { name: 'Toegang beëindigen' }).click();
  await expect(endDialog).toBeHidden();
  const done = page.getByRole('status').filter({ hasText: 'is beëindigd' });
  await expect(done).toHaveText(`De toegang van ${OCMW} is beëindigd op 03/03/2025.`);
  await expect(done).toBeFocused();
  await expect(row).toContainText('Beëindigd op 03/03/2025');
  await expect(row.getByRole('button', { name: `Toegang herstellen – ${OCMW}` })).toBeVisible();
  await expect(page.getByText(/verdwijnende OCMW's; 1 met beëindigde toegang\./)).toBeVisible();
  await expectNoAxeViolations(page, 'the disappearing OCMWs with one access ended');

  // It took effect: the OCMW's TB has no role left to log in with.
  await logout(page);
  await submitLogin(page, 'tb.ruiselede');
  await expect(page.getByRole('alert')).toContainText('U hebt geen actieve toegang');
  await expect(page).toHaveURL(/\/login$/);

  // Restored: the TB works in OCMW Ruiselede again.
  await submitLogin(page, 'admin');
  // The login page may return to the page the last session ended on.
  await expect(page).toHaveURL(/\/(beheer\/verdwijnende-ocmws)?$/);
  await page.goto('/beheer/verdwijnende-ocmws');
  await expect(row).toContainText('Beëindigd op 03/03/2025');
  await row.getByRole('button', { name: `Toegang herstellen – ${OCMW}` }).click();
  const restoreDialog = page.getByRole('dialog', { name: `De toegang van ${OCMW} herstellen?` });
  await expect(restoreDialog).toContainText(`De gebruikers van ${OCMW} kunnen het weer kiezen bij het aanmelden.`);
  await expect(restoreDialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await restoreDialog.getByRole('button', { name: 'Toegang herstellen' }).click();
  await expect(restoreDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is hersteld' })).toBeFocused();
  await expect(row).toContainText('Actief');
  await expect(row.getByRole('button', { name: `Toegang beëindigen – ${OCMW}` })).toBeVisible();
  await expectNoAxeViolations(page, 'the disappearing OCMWs after the restore');

  await logout(page);
  await submitLogin(page, 'tb.ruiselede');
  await expect(page).toHaveURL(/\/(beheer\/verdwijnende-ocmws)?$/);
  await page.goto('/');
  await expect(page.locator('header')).toContainText(OCMW);
  // A TB does not get the administrator's page.
  await page.goto('/beheer/verdwijnende-ocmws');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});
