import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.js';

// (b) looks up the request that (a) files: run them in order, and skip (b) when (a) failed.
test.describe.configure({ mode: 'serial' });

const REFERENCE = /^OO-\d{4}-\d{7}-\d$/;
let reference = '';

test('a citizen asks for help in French without login, checks the request and gets the reference and the OCMW contact data (R6.1–R6.3, R6.10)', async ({
  page,
}) => {
  await page.goto('/hulpaanvraag');
  await expect(page).toHaveURL(/\/hulpaanvraag$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hulp vragen aan het OCMW' })).toBeVisible();

  // The language switch of the header: the form, its hints and the request follow it.
  await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: /^FR/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: "Demander de l'aide au CPAS" })).toBeVisible();
  await expect(page).toHaveTitle(/^Demander de l'aide au CPAS – /);
  await expect(page.getByRole('group', { name: /Quelle aide demandez-vous/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the citizen form (FR)');

  // "Vérifier" with nothing filled in: the summary gets the focus, each field its message.
  await page.getByRole('button', { name: 'Vérifier' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Choisissez au moins un type' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.locator('#citizen-postcode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#citizen-surname')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#citizen-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#citizen-phone')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the citizen form with errors');

  // Two kinds of help.
  await page.getByLabel("Revenu d'intégration").check();
  await page.getByLabel('Énergie').check();

  // The residence: 2000 is Antwerpen only, so the OCMW is clear at once.
  await page.locator('#citizen-postcode').fill('2000');
  await expect(page.getByRole('status').filter({ hasText: /^Votre CPAS : / })).toBeVisible();

  await page.locator('#citizen-surname').fill('Dupont');
  await page.locator('#citizen-firstName').fill('Marie');
  await page.locator('#citizen-email').fill('marie.dupont@example.be');
  await page.locator('#citizen-phone').fill('0470 12 34 56');
  await page.locator('#citizen-message').fill("Je n'arrive plus à payer ma facture d'énergie et mon loyer depuis deux mois.");
  await expect(page.locator('#citizen-message-hint')).toContainText('caractères disponibles');

  // The review: every answer once more, then "Envoyer la demande".
  await page.getByRole('button', { name: 'Vérifier' }).click();
  const review = page.getByRole('heading', { level: 2, name: 'Vérifiez votre demande' });
  await expect(review).toBeVisible();
  await expect(review).toBeFocused();
  await expect(page.getByRole('main')).toContainText("Revenu d'intégration");
  await expect(page.getByRole('main')).toContainText('Énergie');
  await expect(page.getByRole('main')).toContainText('Dupont');
  await expect(page.getByRole('main')).toContainText('Français');
  await expectNoAxeViolations(page, 'the review of the request');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  // The summary: the reference, the receipt date and its rule, the OCMW with its contact data.
  const done = page.getByRole('heading', { level: 2, name: 'Votre demande a été envoyée' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  const number = page.getByRole('main').locator('strong').filter({ hasText: /^OO-/ });
  await expect(number).toHaveText(REFERENCE);
  reference = ((await number.textContent()) ?? '').trim();
  await expect(page.getByText('Date de réception', { exact: true })).toBeVisible();
  await expect(page.getByText(/samedi, un dimanche ou un jour férié légal/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Votre CPAS' })).toBeVisible();
  const contact = page.getByRole('main').locator('address');
  await expect(contact).toBeVisible();
  // The demo's contact data of OCMW Antwerpen, in French (R4.6).
  await expect(contact).toContainText('Maison sociale');
  await expect(contact).toContainText('2000');
  await expect(contact).toContainText('Téléphone');
  await expect(page.getByText(/accusé de réception à marie\.dupont@example\.be/)).toBeVisible();
  await expectNoAxeViolations(page, 'the summary after submitting');
});

test('an OCMW user finds the request in OCMW Online, opens it and marks it read (R6.6, R6.8, R6.11)', async ({ page }) => {
  expect(reference, 'the reference of the first test').toMatch(REFERENCE);
  // user.antwerpen has the applications OCMW Online and Sociale Agent in OCMW Antwerpen.
  await login(page, 'user.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /^OCMW Online/ }).click();
  await expect(page).toHaveURL(/\/ocmw-online$/);
  await expect(page.getByRole('heading', { level: 1, name: 'OCMW Online – hulpaanvragen' })).toBeVisible();
  await expect(page.locator('p.result-count')).toHaveText(/(Eén hulpaanvraag|\d+ hulpaanvragen) gevonden\./);
  await expectNoAxeViolations(page, 'the OCMW Online list');

  // Search by reference: the filter goes into the URL, the table shows the one request.
  await page.getByLabel('Referentienummer').fill(reference);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(new RegExp(`reference=${reference}`));
  await expect(page.locator('p.result-count')).toHaveText('Eén hulpaanvraag gevonden.');
  const table = page.getByRole('table', { name: /^Hulpaanvragen – pagina 1 van 1/ });
  const row = table.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Leefloon');
  await expect(row).toContainText('Energie');
  await expect(row).toContainText('Dupont');
  await expect(row).toContainText('Ongelezen');
  await expect(row.locator('td').nth(0)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expectNoAxeViolations(page, 'the OCMW Online list, searched');

  // The detail: the data, the deadline, the history; then "Markeren als gelezen".
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hulpaanvraag ${reference}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText("Je n'arrive plus à payer ma facture d'énergie");
  await expect(page.getByRole('main')).toContainText('marie.dupont@example.be');
  await expect(page.getByText('Uiterste beslisdatum')).toBeVisible();
  const history = page.getByRole('list', { name: 'Historiek' });
  await expect(history.getByRole('listitem').first()).toContainText('Ingediend');
  await expect(page.getByRole('heading', { level: 2, name: 'Doorsturen naar een ander OCMW' })).toBeVisible();
  await expectNoAxeViolations(page, 'the request detail');

  await page.getByRole('button', { name: 'Markeren als gelezen' }).click();
  const outcome = page.getByRole('status').filter({ hasText: 'gemarkeerd als gelezen' });
  await expect(outcome).toBeVisible();
  await expect(outcome).toBeFocused();
  await expect(page.getByRole('button', { name: 'Markeren als gelezen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Markeren als beslist' })).toBeVisible();
  await expect(page.locator('dd').filter({ hasText: /^Gelezen/ })).toBeVisible();
  await expect(history.getByRole('listitem').filter({ hasText: 'Gelezen' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'the request detail, read');

  // Back in the list the request is "Gelezen".
  await page.getByRole('link', { name: 'Terug naar de lijst' }).click();
  await expect(page).toHaveURL(/\/ocmw-online$/);
  await page.getByLabel('Referentienummer').fill(reference);
  await page.getByLabel('Status').selectOption({ label: 'Gelezen' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/status=read/);
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table').locator('tbody tr')).toContainText('Gelezen');
});

test('the OCMW forwards the request to another OCMW with a reason, after a confirmation (R6.11)', async ({ page }) => {
  expect(reference, 'the reference of the first test').toMatch(REFERENCE);
  await login(page, 'user.antwerpen');
  await page.goto(`/ocmw-online?reference=${reference}`);
  await page.getByRole('table').getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hulpaanvraag ${reference}` })).toBeVisible();
  await expect(page.getByText(/Dat kan tot en met \d{2}\/\d{2}\/\d{4} \(5 dagen na de ontvangstdatum\)/)).toBeVisible();

  await page.getByRole('button', { name: 'Doorsturen naar een ander OCMW' }).click();
  const search = page.getByRole('searchbox', { name: 'Zoek het OCMW' });
  await expect(search).toBeFocused();

  // Without a choice and a reason: both are named.
  await page.getByRole('button', { name: 'Doorsturen', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Geef de reden van het doorsturen.');

  await search.fill('Gent');
  await expect(page.getByRole('status').filter({ hasText: /OCMW('s)? gevonden/ })).toBeVisible();
  const target = page.getByRole('group', { name: /OCMW waarnaar u doorstuurt/ }).getByRole('radio', { name: 'OCMW Gent' });
  await target.check();
  await page.getByLabel(/^Reden van het doorsturen/).fill('De burger woont sinds kort in Gent.');
  await expectNoAxeViolations(page, 'the forward form');

  // The confirmation names the request and the OCMW; "Ja, doorsturen" sends it.
  await page.getByRole('button', { name: 'Doorsturen', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Aanvraag doorsturen?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`U stuurt aanvraag ${reference} door naar OCMW Gent.`);
  await expectNoAxeViolations(page, 'the forward confirmation');
  await dialog.getByRole('button', { name: 'Ja, doorsturen' }).click();

  // Back at the list with the outcome; the request is no longer this OCMW's.
  await expect(page).toHaveURL(/\/ocmw-online$/);
  await expect(page.getByRole('status').filter({ hasText: `Aanvraag ${reference} is doorgestuurd naar OCMW Gent.` })).toBeVisible();
  await page.getByLabel('Referentienummer').fill(reference);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.locator('p.result-count')).toHaveText('0 hulpaanvragen gevonden.');
});
