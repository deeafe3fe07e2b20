import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatInsz, inszFromParts } from '../src/shared/identifiers.js';
import { expectNoAxeViolations, login } from './support.js';

test('the TB adds a user from the INSZ, finds, blocks and exports them, and reads the audit log', async ({ page }) => {
  // Born in 1999: outside the demo people's birth years, so the INSZ is new.
  const insz = inszFromParts('991231', 123);
  const username = `e2e.nieuw.${Date.now().toString(36)}`;
  await login(page, 'tb.antwerpen');

  // Home → Toegangsbeheer: a TB lands on its domain's home.
  await page.getByRole('main').getByRole('link', { name: /Toegangsbeheer/ }).click();
  await expect(page).toHaveURL(/\/toegangsbeheer\/domeinen\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'De details van de hoedanigheid raadplegen of wijzigen' })).toBeVisible();
  await expect(page.getByText('Denk eraan om de door u beheerde hoedanigheidsgegevens regelmatig te verifiëren.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Maatschappelijk Welzijn');
  await expect(page.getByRole('main')).toContainText('0212.235.604');
  await expect(page.getByRole('link', { name: 'Van Toegangsbeheerder veranderen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the domain home');

  // The user list.
  await page.getByRole('navigation', { name: 'Functionaliteiten' }).getByRole('link', { name: 'Gebruikers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'De lijst van de gebruikers tonen op basis van de volgende criteria' })).toBeVisible();
  await expect(page.getByText(/\d+ items gevonden\./)).toBeVisible();
  await expect(page.getByRole('table').locator('caption')).toContainText('Gebruikers Subafdeling');
  await expect(page.getByRole('columnheader', { name: /Naam/ }).first()).toHaveAttribute('aria-sort', 'ascending');
  await expectNoAxeViolations(page, 'the user list');

  // Add a user: INSZ → Volgende → form → Opslaan → review → Bevestigen.
  await page.getByRole('link', { name: 'Een gebruiker toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Een gebruiker toevoegen' })).toBeVisible();
  await page.getByRole('textbox', { name: /^INSZ/ }).fill(formatInsz(insz));
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { name: /Stap 2 van 3/ })).toBeVisible();

  await page.locator('#add-user-username').fill(username);
  await page.locator('#add-user-usernameConfirm').fill(`${username}x`);
  await page.locator('#add-user-password').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#add-user-passwordConfirm').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#add-user-surname').fill('Nieuwelaar');
  await page.locator('#add-user-firstName').fill('Noor');
  await page.locator('#add-user-title').selectOption('MEVROUW');
  await page.locator('#add-user-email').fill('noor.nieuwelaar@example.be');
  await page.getByRole('checkbox', { name: 'Sociale Agent (Sociale Agent van het OCMW)' }).check();
  await page.getByRole('checkbox', { name: 'OCMW Online' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  // The server refuses the mismatching confirmation: the message is at its field and in the summary.
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Gebruikersnaam \(bevestiging\)/ })).toBeVisible();
  await expect(page.locator('#add-user-usernameConfirm')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the add-user form with an error');

  await page.locator('#add-user-usernameConfirm').fill(username);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: /Stap 3 van 3/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Identificatiegegevens' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(username);
  await expect(page.getByRole('main')).toContainText(formatInsz(insz));
  await expect(page.getByRole('main')).toContainText('Sociale Agent (Sociale Agent van het OCMW)');
  await expectNoAxeViolations(page, 'the add-user review');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' })).toContainText(username);

  // Filter the list by the new username: the filter is in the URL.
  await page.getByRole('link', { name: 'Terug naar de lijst van de gebruikers' }).click();
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(username);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(new RegExp(`username=${username.replace(/\./g, '\\.')}`));
  await expect(page.getByText('Eén item gevonden.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Actief');

  // Block them with the bulk action, after the confirmation dialog.
  await row.getByRole('checkbox').check();
  await page.getByLabel('Actie', { exact: true }).selectOption('block');
  await page.getByRole('button', { name: 'Uitvoeren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actie bevestigen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(dialog).toBeHidden();
  const result = page.getByRole('status').filter({ hasText: 'Resultaat' });
  await expect(result).toContainText('Noor Nieuwelaar');
  await expect(result).toContainText('uitgevoerd');
  await expect(row).toContainText('Geblokkeerd');

  // Export the filtered list as Excel and read it back.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (.xlsx)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  expect(values(1)).toEqual(['Naam', 'Voornaam', 'Gebruikersnaam', 'Type', 'INSZ', 'Status', 'Beveiligde toepassingen']);
  expect(sheet.rowCount).toBe(2);
  const exported = values(2);
  expect(exported.slice(0, 6)).toEqual(['Nieuwelaar', 'Noor', username, 'USER', formatInsz(insz), 'Geblokkeerd']);

  // Issue 24: found by INSZ too, which stays in the page (POSTed), never in its URL.
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('');
  await page.getByRole('textbox', { name: /^INSZ/ }).fill(formatInsz(insz));
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).not.toHaveURL(/username=/);
  await expect(page.getByText('Eén item gevonden.')).toBeVisible();
  await expect(page).not.toHaveURL(/insz=|\d{11}/);

  // The detail page says the same.
  await row.getByRole('link', { name: /Details/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruiker Noor Nieuwelaar' })).toBeVisible();
  await expect(page.getByTestId('member-status')).toHaveText('Geblokkeerd');
  await expect(page.getByRole('button', { name: 'Deblokkeren' })).toBeVisible();
  await expectNoAxeViolations(page, 'the user detail');

  // The audit log has the changes.
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Toegangsbeheer' }).click();
  await page.getByRole('link', { name: 'Auditlogboek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlogboek' })).toBeVisible();
  const audit = page.getByRole('table');
  await expect(audit).toContainText('Gebruiker geblokkeerd');
  await expect(audit).toContainText('Gebruiker toegevoegd');
  await expect(audit).toContainText(username);
  await expectNoAxeViolations(page, 'the audit log');

  // Mijn gegevens, from the header.
  await page.getByRole('banner').getByRole('link', { name: 'Mijn gegevens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mijn persoonlijke gegevens wijzigen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mijn wachtwoord wijzigen' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('tb.antwerpen');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw gegevens zijn bewaard.' })).toBeVisible();
  await expectNoAxeViolations(page, 'Mijn gegevens');
});

test('a user without a manager role gets no Toegangsbeheer tile', async ({ page }) => {
  await login(page, 'user.antwerpen');
  // Issue 19: a role that can never use a service does not see it at all.
  await expect(page.getByRole('main').getByRole('group', { name: 'Toegangsbeheer' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: /Toegangsbeheer/ })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Toegangsbeheer' })).toHaveCount(0);
  await page.goto('/toegangsbeheer');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();

  // Mijn gegevens is there for everyone; a wrong current password is reported at its field.
  await page.getByRole('banner').getByRole('link', { name: 'Mijn gegevens' }).click();
  await page.locator('#me-currentPassword').fill('niet-het-wachtwoord');
  await page.locator('#me-newPassword').fill('kort');
  await page.locator('#me-newPasswordConfirm').fill('anders');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert').getByRole('link', { name: /^Huidig wachtwoord/ })).toBeVisible();
  await expect(page.locator('#me-currentPassword')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#me-newPassword')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'Mijn gegevens with a password error');
});

test('the HTB picks a domain, reviews a TB change, and adds and removes a co-HTB', async ({ page }) => {
  await login(page, 'htb.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /Toegangsbeheer/ }).click();
  await expect(page).toHaveURL(/\/toegangsbeheer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Toegangsbeheer' })).toBeVisible();
  await expectNoAxeViolations(page, 'the HTB start page');

  await page.getByRole('link', { name: 'Maatschappelijk Welzijn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'De details van de hoedanigheid raadplegen of wijzigen' })).toBeVisible();

  // "Van Toegangsbeheerder veranderen" up to the review, then Annuleren: nothing changes.
  await page.getByRole('link', { name: 'Van Toegangsbeheerder veranderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Van Toegangsbeheerder veranderen' })).toBeVisible();
  await page.getByRole('textbox', { name: /^INSZ/ }).fill('12345678901');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toContainText('INSZ');
  await page.getByRole('textbox', { name: /^INSZ/ }).fill(inszFromParts('990615', 321));
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.locator('#change-tb-username')).toBeVisible();
  await page.locator('#change-tb-username').fill('e2e.nieuwe.tb');
  await page.locator('#change-tb-usernameConfirm').fill('e2e.nieuwe.tb');
  await page.locator('#change-tb-password').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#change-tb-passwordConfirm').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#change-tb-surname').fill('Tiebie');
  await page.locator('#change-tb-firstName').fill('Tom');
  await page.locator('#change-tb-email').fill('tom.tiebie@example.be');
  await expectNoAxeViolations(page, 'the change-TB form');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Identificatiegegevens' })).toBeVisible();
  await expect(page.getByText('De huidige toegangsbeheerder wordt co-toegangsbeheerder.')).toBeVisible();
  await expectNoAxeViolations(page, 'the change-TB review');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'De details van de hoedanigheid raadplegen of wijzigen' })).toBeVisible();

  // Co-HTBs: add one from a new INSZ, then remove them again.
  await page.getByRole('link', { name: 'Hoofdtoegangsbeheerders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hoofdtoegangsbeheerders' })).toBeVisible();
  await expectNoAxeViolations(page, 'the managers page');
  await page.getByRole('button', { name: 'Een co-hoofdtoegangsbeheerder toevoegen' }).click();
  await page.getByRole('textbox', { name: /^INSZ/ }).fill(inszFromParts('990707', 456));
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.locator('#co-htb-username').fill('e2e.cohtb');
  await page.locator('#co-htb-usernameConfirm').fill('e2e.cohtb');
  await page.locator('#co-htb-password').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#co-htb-passwordConfirm').fill('Een-Lang-Wachtwoord-2025');
  await page.locator('#co-htb-surname').fill('Cohen');
  await page.locator('#co-htb-firstName').fill('Hanne');
  await page.locator('#co-htb-email').fill('hanne.cohen@example.be');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Identificatiegegevens' })).toBeVisible();
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hanne Cohen is co-hoofdtoegangsbeheerder.' })).toBeVisible();
  const row = page.getByRole('row', { name: /e2e\.cohtb/ });
  await expect(row).toContainText('Co-hoofdtoegangsbeheerder');
  await row.getByRole('button', { name: /Verwijderen/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Co-hoofdtoegangsbeheerder verwijderen' });
  await expectNoAxeViolations(page, 'the remove-co-HTB dialog');
  await dialog.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hanne Cohen is geen co-hoofdtoegangsbeheerder meer.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /e2e\.cohtb/ })).toHaveCount(0);
});
