import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations } from './support.js';

/** Logs in as the two-OCMW demo person and picks an organisation on the choice screen. */
async function loginAndChoose(page: Page, organisation: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill('an.peeters');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/kiezen$/);
  await page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button').filter({ hasText: organisation }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('OCMW Borsbeek (merged into Antwerpen on 1/1/2025) drafts, saves and submits its last Uniek verslag, 2024, in February 2025 (R10.2)', async ({
  page,
}) => {
  // One long journey with three axe runs.
  test.setTimeout(180_000);
  // The filing window of 2024 is February 2025: the business date of every request (test mode).
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2025-02-10' });
  await loginAndChoose(page, 'Borsbeek');
  await expect(page.locator('.business-date')).toContainText('10/02/2025');

  await page.getByRole('main').getByRole('link', { name: /^Uniek verslag/ }).click();
  await expect(page).toHaveURL(/\/uniek-verslag$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Uniek verslag' })).toBeVisible();
  await expect(page.getByText('OCMW: OCMW Borsbeek')).toBeVisible();

  // Which years Borsbeek files: 2024 (its last), not 2025 (OCMW Antwerpen does), with the reason.
  const years = page.getByRole('table', { name: 'Welke subsidiejaren uw OCMW indient' });
  const year = (y: number) => years.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: String(y), exact: true }) });
  await expect(year(2025)).toContainText('Niet door uw OCMW.');
  await expect(year(2025)).toContainText(
    'Het Uniek verslag 2025 dient OCMW Antwerpen in: OCMW Borsbeek is op 1 januari 2025 opgegaan in OCMW Antwerpen. Meld u aan als OCMW Antwerpen.',
  );
  await expect(year(2025).getByRole('button')).toHaveCount(0);
  await expect(year(2024)).toContainText('01/02/2025 – 28/02/2025');
  await expect(year(2024)).toContainText('indieningsperiode loopt');
  await expect(year(2024)).toContainText('Dit is het laatste Uniek verslag van OCMW Borsbeek: vanaf het verslag 2025 dient OCMW Antwerpen in.');
  await expect(page.getByText('Uw OCMW heeft nog geen Uniek verslag opgesteld.')).toBeVisible();
  await expectNoAxeViolations(page, 'the Uniek verslag overview');

  // Draft 2024: the editor, with the year's note; nothing to submit yet.
  await year(2024).getByRole('button', { name: 'Opstellen (Uniek verslag 2024)' }).click();
  await expect(page).toHaveURL(/\/uniek-verslag\/[0-9a-f-]{36}$/);
  const reportUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: 'Uniek verslag 2024' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Het ontwerp van het Uniek verslag 2024 is opgesteld.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Let op' })).toContainText('Dit is het laatste Uniek verslag van OCMW Borsbeek');
  const submit = page.getByRole('button', { name: 'Indienen', exact: true });
  await expect(submit).toBeDisabled();
  await expect(page.getByText('Voeg minstens één subsidielijn toe voor u het verslag indient.')).toBeVisible();

  // Two lines: the living wage used in full; GPMI partly used, first without a justification.
  await page.getByRole('button', { name: 'Lijn toevoegen' }).click();
  await expect(page.getByLabel('Subsidie, lijn 1')).toBeFocused();
  await page.getByLabel('Subsidie, lijn 1').selectOption({ label: 'Leefloon (staatstoelage)' });
  await page.getByLabel('Toegekend bedrag, lijn 1').fill('125.000,50');
  await page.getByLabel('Gebruikt bedrag, lijn 1').fill('125000,5');
  await page.getByRole('button', { name: 'Lijn toevoegen' }).click();
  await expect(page.getByLabel('Subsidie, lijn 2')).toBeFocused();
  await page.getByLabel('Subsidie, lijn 2').selectOption({ label: 'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)' });
  await page.getByLabel('Toegekend bedrag, lijn 2').fill('12000');
  await page.getByLabel('Gebruikt bedrag, lijn 2').fill('10.500,25');
  // The justification says it is required as soon as the amounts differ.
  await expect(page.locator('#subsidy-line-1-justification-hint')).toHaveText('Verplicht: de bedragen verschillen.');
  // Unsaved lines cannot be submitted.
  await expect(submit).toBeDisabled();
  await expect(page.getByText('Bewaar eerst uw wijzigingen.')).toBeVisible();

  await page.getByRole('button', { name: 'Bewaren' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Verantwoording, lijn 2: Verantwoord het verschil tussen het toegekende en het gebruikte bedrag.' })).toBeVisible();
  const justification = page.getByLabel('Verantwoording, lijn 2');
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#subsidy-line-1-justification-error')).toHaveText('Verantwoord het verschil tussen het toegekende en het gebruikte bedrag.');
  await expectNoAxeViolations(page, 'the Uniek verslag editor with a validation error');

  // The summary's link leads to the field; the justification makes the lines valid.
  await summary.getByRole('link').click();
  await expect(justification).toBeFocused();
  await justification.fill('Twee trajecten startten pas in december; het saldo wordt teruggestort.');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De subsidielijnen zijn bewaard.' })).toBeFocused();
  const lines = page.getByRole('table', { name: 'Subsidielijnen van het Uniek verslag 2024' });
  await expect(lines.locator('tfoot')).toContainText('137.000,50');
  await expect(lines.locator('tfoot')).toContainText('135.500,75');
  await expect(page.getByText('2 lijnen – toegekend 137.000,50 EUR, gebruikt 135.500,75 EUR')).toBeVisible();

  // Submit, after the confirmation.
  await expect(submit).toBeEnabled();
  await submit.click();
  const dialog = page.getByRole('dialog', { name: 'Uniek verslag 2024 indienen?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('met 2 lijnen: toegekend 137.000,50 EUR, gebruikt 135.500,75 EUR');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Indienen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Het Uniek verslag 2024 is ingediend.' })).toBeFocused();
  await expect(page.locator('main .badge').first()).toHaveText('Ingediend');
  await expect(page.getByText('Dit verslag is ingediend en kan niet meer worden gewijzigd.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bewaren' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  const submitted = page.getByRole('table', { name: 'Subsidielijnen van het Uniek verslag 2024' });
  await expect(submitted.locator('tbody tr')).toHaveCount(2);
  await expect(submitted).toContainText('Twee trajecten startten pas in december');
  await expect(submitted.locator('tfoot')).toContainText('-1.499,75');

  // The PDF: a real download, and a PDF file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Uniek verslag 2024 als PDF downloaden' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^uniek-verslag-\d{10}-2024\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('link', { name: 'Uniek verslag 2024 als Excel (XLSX) downloaden' })).toHaveAttribute('href', /format=xlsx/);
  await expectNoAxeViolations(page, 'the submitted Uniek verslag');

  // The overview now lists it as submitted, with its totals; reopening shows the same report.
  await page.getByRole('link', { name: 'Terug naar het overzicht van het Uniek verslag' }).click();
  await expect(page).toHaveURL(/\/uniek-verslag$/);
  const reports = page.getByRole('table', { name: 'Uniek verslagen van uw OCMW' });
  await expect(reports.locator('tbody tr')).toHaveCount(1);
  await expect(reports).toContainText('Ingediend');
  await expect(reports).toContainText('137.000,50');
  await expect(year(2024)).toContainText('Ingediend');
  await year(2024).getByRole('link', { name: 'Openen (Uniek verslag 2024)' }).click();
  await expect(page).toHaveURL(reportUrl);
});
