import { expect, test } from '@playwright/test';
import { formatInsz, inszFromParts } from '../src/shared/identifiers.js';
import { expectNoAxeViolations, login } from './support.js';

// A person no demo dossier knows: a random birth date and serial, with a valid mod-97 check (R0.2).
const random = (from: number, to: number) => from + Math.floor(Math.random() * (to - from + 1));
const pad = (n: number) => String(n).padStart(2, '0');
const INSZ = inszFromParts(`${pad(random(60, 89))}${pad(random(1, 12))}${pad(random(1, 28))}`, random(200, 998));
const SHOWN = formatInsz(INSZ);
const QUESTION = 'Mijn softwareleverancier voert de formulieren zelf opnieuw in bij een fusie';

test('a social agent registers a leefloon form, is refused an overlapping one and stops the first (R9.1, R9.2)', async ({ page }) => {
  // One long journey with seven axe runs.
  test.setTimeout(180_000);
  // user.antwerpen has the application Sociale Agent in OCMW Antwerpen.
  await login(page, 'user.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /^Dossiers sociaal onderzoek/ }).click();
  await expect(page).toHaveURL(/\/dossiers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers sociaal onderzoek' })).toBeVisible();
  await expect(page.locator('p.result-count')).toHaveText(/(Eén dossier|\d+ dossiers) gevonden\./);
  await expect(page.getByRole('table', { name: /^Dossiers – pagina 1 van \d+/ })).toBeVisible();
  // The R9.4 setting: an agent reads it, only OCMW-configuratie changes it.
  const settings = page.getByRole('region', { name: 'Formulieren bij een fusie' });
  await expect(settings).toContainText(QUESTION);
  await expect(settings.locator('dd')).toHaveText('nee');
  await expect(settings.getByRole('checkbox')).toHaveCount(0);
  await expect(settings).toContainText('Alleen een beheerder met de toepassing OCMW-configuratie');
  await expectNoAxeViolations(page, 'the dossier list');

  // The search checks the INSZ in the browser (the shared Insz rule): a wrong check digit.
  await page.getByLabel('INSZ van de persoon').fill('85.07.30-033.29');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const searchSummary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(searchSummary).toBeFocused();
  await expect(page.locator('#dossier-filter-insz')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/dossiers$/);

  // The person has no dossier yet.
  await page.getByLabel('INSZ van de persoon').fill(SHOWN);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.locator('p.result-count')).toHaveText('0 dossiers gevonden.');
  // Issue 24: the INSZ is the page's state, sent in a POST body: never in the URL (history, proxies, logs).
  await expect(page).toHaveURL(/\/dossiers$/);
  await expect(page.getByLabel('INSZ van de persoon')).toHaveValue(SHOWN);
  await expect(page.getByText('Er zijn geen dossiers die aan uw zoekopdracht voldoen.')).toBeVisible();

  // "Formulier registreren": nothing filled in → the summary gets the focus, each field its message.
  await page.getByRole('link', { name: 'Formulier registreren' }).click();
  await expect(page).toHaveURL(/\/dossiers\/nieuw$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Formulier registreren' })).toBeVisible();
  await page.getByRole('button', { name: 'Registreren' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(summary).toBeFocused();
  await expect(page.locator('#dossier-register-insz')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#dossier-register-subtype')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#dossier-register-startDate')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the register form with errors');

  // The types follow the kind: A036 has no leefloon, an integration decision has.
  const kinds = page.getByRole('group', { name: /^Soort formulier/ });
  await kinds.getByLabel('A036-attest').check();
  await expect(page.getByLabel(/^Type/).locator('option', { hasText: 'Leefloon' })).toHaveCount(0);
  await expect(page.getByLabel(/^Type/).locator('option', { hasText: 'Medische kosten' })).toHaveCount(1);
  await kinds.getByLabel('Integratiebeslissing').check();

  // End before start is refused in the browser.
  await page.getByLabel(/^INSZ van de persoon/).fill(SHOWN);
  await page.getByLabel(/^Type/).selectOption({ label: 'Leefloon' });
  await page.getByLabel(/^Begindatum/).fill('2025-02-01');
  await page.getByLabel(/^Einddatum/).fill('2025-01-31');
  await page.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.locator('#dossier-register-endDate-error')).toHaveText('De einddatum ligt vóór de begindatum: kies een einddatum op of na de begindatum.');
  await page.getByLabel(/^Einddatum/).fill('');

  // Registered: to the person's new dossier, with a status message.
  await page.getByRole('button', { name: 'Registreren' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  const dossierUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${SHOWN}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Het formulier Leefloon vanaf 01/02/2025 is geregistreerd.' })).toBeVisible();
  const forms = page.getByRole('table', { name: `Formulieren van dossier ${SHOWN}` });
  const leefloon = forms.locator('tbody tr').filter({ hasText: 'Leefloon' });
  await expect(forms.locator('tbody tr')).toHaveCount(1);
  await expect(leefloon).toContainText('Integratiebeslissing');
  await expect(leefloon).toContainText('01/02/2025');
  await expect(leefloon).toContainText('onbepaald');
  await expect(leefloon).toContainText('Lopend');
  await expect(leefloon).toContainText('user.antwerpen');
  await expectNoAxeViolations(page, 'the dossier detail');

  // A second integration decision that overlaps the running leefloon: refused at the start date.
  await page.getByRole('link', { name: 'Nog een formulier registreren voor deze persoon' }).click();
  await expect(page.getByLabel(/^INSZ van de persoon/)).toHaveValue(SHOWN);
  // Issue 24: the person comes in the navigation's state, not in the URL (browser history).
  await expect(page).toHaveURL(/\/dossiers\/nieuw$/);
  await page.getByLabel(/^Type/).selectOption({ label: 'GPMI' });
  await page.getByLabel(/^Begindatum/).fill('2025-03-01');
  await page.getByRole('button', { name: 'Registreren' }).click();
  await expect(summary).toBeFocused();
  await expect(page.locator('#dossier-register-startDate')).toHaveAttribute('aria-invalid', 'true');
  const overlap = page.locator('#dossier-register-startDate-error');
  await expect(overlap).toContainText('Er loopt al een formulier van deze soort');
  await expect(overlap).toContainText('01/02/2025');
  await expect(page.locator('#dossier-register-startDate')).toHaveAttribute('aria-describedby', /dossier-register-startDate-error/);
  await expect(page).toHaveURL(/\/dossiers\/nieuw/);
  await expectNoAxeViolations(page, 'the register form with the overlap error');

  // Stop the leefloon: the end date, then the confirmation.
  await page.goto(dossierUrl);
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${SHOWN}` })).toBeVisible();
  await leefloon.getByRole('button', { name: /^Stopzetten/ }).click();
  const endDate = page.getByLabel(/^Einddatum/);
  await expect(endDate).toBeFocused();
  await endDate.fill('2025-01-15');
  await page.getByRole('button', { name: 'Stopzetten', exact: true }).click();
  await expect(page.locator('#dossier-stop-endDate-error')).toHaveText('De einddatum ligt vóór de begindatum: kies een einddatum op of na de begindatum.');
  await endDate.fill('2025-06-30');
  await page.getByRole('button', { name: 'Stopzetten', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Formulier stopzetten?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('wordt stopgezet op 30/06/2025');
  await expectNoAxeViolations(page, 'the stop confirmation');
  await dialog.getByRole('button', { name: 'Ja, stopzetten' }).click();
  const stopped = page.getByRole('status').filter({ hasText: 'Het formulier Leefloon is stopgezet op 30/06/2025.' });
  await expect(stopped).toBeVisible();
  await expect(stopped).toBeFocused();
  await expect(leefloon).toContainText('Stopgezet');
  await expect(leefloon).toContainText('30/06/2025');
  await expect(leefloon.getByRole('button', { name: /^Stopzetten/ })).toHaveCount(0);
  await expect(leefloon.locator('td').nth(5)).toHaveText('user.antwerpen');
  await expectNoAxeViolations(page, 'the dossier detail after the stop');

  // The list finds the dossier among those with a stopped integration decision.
  await page.getByRole('link', { name: 'Terug naar de lijst' }).click();
  await page.getByLabel('INSZ van de persoon').fill(INSZ);
  await page.getByLabel('Status van een formulier').selectOption({ label: 'Stopgezet' });
  await page.getByLabel('Soort formulier').selectOption({ label: 'Integratiebeslissing' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/status=stopped/);
  await expect(page).toHaveURL(/kind=integration/);
  await expect(page).not.toHaveURL(/insz/);
  const row = page.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toHaveText(SHOWN);
  await expect(row.locator('td').nth(2)).toHaveText('0');
  await expect(row.locator('td').nth(3)).toHaveText('1');
  await expectNoAxeViolations(page, 'the dossier list, searched');
});

test('the TB changes the R9.4 setting with a confirmation, but has no access to the dossiers (no Sociale Agent)', async ({ page }) => {
  // tb.antwerpen has OCMW-configuratie, not Sociale Agent.
  await login(page, 'tb.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /^Dossiers sociaal onderzoek/ }).click();
  await expect(page).toHaveURL(/\/dossiers\/instellingen$/);
  await expect(page.getByRole('heading', { level: 1, name: /formulieren bij een fusie/ })).toBeVisible();
  const toggle = page.getByRole('checkbox', { name: QUESTION });
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  await expectNoAxeViolations(page, 'the R9.4 setting, editable');

  // Saving without a change says so; a change asks for a confirmation first.
  await page.getByRole('button', { name: 'Instelling opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'U heeft niets gewijzigd' })).toBeFocused();
  await toggle.check();
  await page.getByRole('button', { name: 'Instelling opslaan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Instelling wijzigen?' });
  await expect(dialog).toContainText('alleen oplijsten voor uw softwareleverancier');
  await dialog.getByRole('button', { name: 'Wijzigen' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'De instelling is opgeslagen.' });
  await expect(saved).toBeFocused();
  await expect(toggle).toBeChecked();
  await expect(page.getByText(/Laatst gewijzigd door tb\.antwerpen op \d{2}\/\d{2}\/\d{4}/)).toBeVisible();

  // Back to the default, so the other journeys find the demo data as seeded.
  await toggle.uncheck();
  await page.getByRole('button', { name: 'Instelling opslaan' }).click();
  await expect(dialog).toContainText('zelf stopzetten en opnieuw invoeren');
  await dialog.getByRole('button', { name: 'Wijzigen' }).click();
  await expect(saved).toBeFocused();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: QUESTION })).not.toBeChecked();

  // The dossiers themselves are for Sociale Agent only.
  await page.goto('/dossiers');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await page.goto('/dossiers/nieuw');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});
