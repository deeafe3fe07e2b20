import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations } from './support.js';

const EXAMPLE_FILE = 'docs/examples/htb-import.xlsx';

/** Logs in from the login page; where the user lands depends on the page asked for before. */
async function login(page: Page, username: string, landing = /\/$/): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(landing);
}

test('the administrator checks and imports the HTB file, and gets the new account once', async ({ page }) => {
  await login(page, 'admin');

  // The administrator's home: Fusies and HTB-import, none of the OCMW services.
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /Fusies/ })).toBeVisible();
  await expect(main.getByRole('link', { name: /Toegangsbeheer/ })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Toegangsbeheer' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the administrator home');
  await main.getByRole('link', { name: /HTB-import/ }).click();
  await expect(page).toHaveURL(/\/beheer\/htb-import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'HTB-import' })).toBeVisible();
  await expect(main).toContainText('15/11/2024');
  await expect(main).toContainText('KBO fusie-OCMW');
  await expectNoAxeViolations(page, 'the HTB import page');

  // A file that is not a workbook: the server refuses it, at the field and in the summary.
  const fileInput = page.getByLabel(/^HTB-bestand/);
  await fileInput.setInputFiles({ name: 'htb.txt', mimeType: 'text/plain', buffer: Buffer.from('KBO;INSZ\n0212.235.604;85073003328\n') });
  await page.getByRole('button', { name: 'Controleren' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^HTB-bestand:/ })).toBeVisible();
  await expect(fileInput).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the HTB import page with a file error');

  // The example file: a dry run, five valid rows, nothing written yet.
  await fileInput.setInputFiles(EXAMPLE_FILE);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat van de controle' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Het bestand is geldig' })).toContainText('5 rijen');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(page.getByRole('table').locator('caption')).toHaveText('5 rijen van het bestand');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('0999.000.426');
  await expect(rows.nth(0)).toContainText('0999.002.901');
  await expect(rows.nth(0)).toContainText('78.03.15-142.97');
  await expect(rows.nth(0)).toContainText('Aanstellen als HTB');
  await expect(rows.nth(3)).toContainText('0212.235.604');
  await expect(rows.nth(3)).toContainText('84.12.04-190.83');
  await expect(rows.nth(3)).toContainText('Ongewijzigd');
  await expect(rows.nth(4)).toContainText('Ongewijzigd');
  await expectNoAxeViolations(page, 'the HTB check report');

  // Importeren, after the confirmation dialog.
  await page.getByRole('button', { name: 'Importeren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Het HTB-bestand importeren' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expectNoAxeViolations(page, 'the HTB import confirmation');
  await dialog.getByRole('button', { name: 'Importeren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat van de import' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'geïmporteerd' })).toContainText('één fusie-OCMW');

  // Griet Vermeulen is new: her account and temporary password, in the marked box.
  const accounts = page.getByRole('region', { name: 'Nieuwe accounts — tijdelijk wachtwoord, wordt maar één keer getoond' });
  await expect(accounts).toBeVisible();
  const accountRows = accounts.getByRole('table').locator('tbody tr');
  await expect(accountRows).toHaveCount(1);
  await expect(accountRows.first()).toContainText('78.03.15-142.97');
  await expect(accountRows.first().locator('th')).not.toBeEmpty();
  await expect(accountRows.first().locator('code')).toHaveText(/\S{8,}/);
  const result = page.getByRole('table', { name: /rijen van het bestand/ }).locator('tbody tr');
  await expect(result.nth(0)).toContainText('Aangesteld als HTB');
  await expect(result.nth(3)).toContainText('Ongewijzigd');
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the HTB import result');

  // A second check of the same file: Pajottegem's HTB is now known, so nothing would change.
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat van de controle' })).toBeFocused();
  await expect(page.getByRole('table').locator('tbody tr').nth(0)).toContainText('Ongewijzigd');

  // Log out: a TB does not get the page.
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The login page remembers the page the session ended on, so the TB may land on it directly.
  await login(page, 'tb.antwerpen', /\/(beheer\/htb-import)?$/);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.getByRole('main').getByRole('link', { name: /HTB-import/ })).toHaveCount(0);
  await page.goto('/beheer/htb-import');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Controleren' })).toHaveCount(0);
});
