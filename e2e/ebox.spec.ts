import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations, login } from './support.js';

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

const WARNING =
  'Uw OCMW is op 01/01/2025 opgegaan in OCMW Antwerpen. Blijf uw e-Box raadplegen: u ontvangt er nog maandenlang documenten (NovaPrima-tussentijdse afrekeningen, knipperlichten, geblokkeerde formulieren).';

test('a disappearing OCMW is told on its home page to keep checking its e-Box, and reads it (R8.2, R10.1)', async ({ page }) => {
  // The real date is after the cut-over of 1 January 2025: Borsbeek has merged into Antwerpen.
  await loginAndChoose(page, 'Borsbeek');
  const warning = page.getByRole('region', { name: 'Blijf uw e-Box raadplegen' });
  await expect(warning).toContainText(WARNING);
  // A notice that is there on every visit, not an alert.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const tile = page.getByRole('main').getByRole('link', { name: /^e-Box/ });
  await expect(tile).toContainText(/Geen ongelezen documenten|\d+ ongelezen documenten?/);
  await expectNoAxeViolations(page, 'the home page with the e-Box warning');

  await page.getByRole('button', { name: /^FR/ }).click();
  await expect(page.getByRole('region', { name: 'Continuez à consulter votre e-Box' })).toContainText(
    'Votre CPAS a fusionné dans CPAS Anvers le 01/01/2025. Continuez à consulter votre e-Box',
  );
  await page.getByRole('button', { name: /^NL/ }).click();

  // The demo data publishes two documents for Borsbeek she may read (the third is an RSZ one).
  await tile.click();
  await expect(page).toHaveURL(/\/e-box$/);
  await expect(page.getByRole('heading', { level: 1, name: 'e-Box' })).toBeVisible();
  await expect(page.getByText('e-Box van OCMW Borsbeek')).toBeVisible();
  await expect(page.locator('p.result-count')).toHaveText('2 documenten gevonden.');
  // An.peeters is no privileged user: no deleted documents for her.
  await expect(page.getByLabel('Welke documenten')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the e-Box');

  // Filters live in the URL; a date range the wrong way round is refused in the browser.
  await page.getByLabel('Gelezen of ongelezen').selectOption({ label: 'Ongelezen' });
  await page.getByLabel('Ontvangen vanaf').fill('2025-03-01');
  await page.getByLabel('Ontvangen tot en met').fill('2025-02-01');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' })).toBeFocused();
  await expect(page.locator('#ebox-filter-to')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Ontvangen tot en met').fill('2025-03-31');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/read=unread/);
  await expect(page).toHaveURL(/from=2025-03-01/);
  await expect(page.getByText('Er zijn geen documenten die aan uw zoekopdracht voldoen.')).toBeVisible();
});

// ── The document screens against the real e-Box ─────────────────────────────────────────────
// The demo seed publishes e-Box documents (src/seed/demo-ebox.ts): for OCMW Borsbeek a NovaPrima
// statement (PDF), a list of knipperlichten (CSV) and an RSZ document; for OCMW Antwerpen a
// circular and an RSZ document. "Read" is per organisation, so other tests may have read some.

const NOVAPRIMA = 'NovaPrima: tussentijdse maandafrekening';
const KNIPPERLICHTEN = 'Lijst knipperlichten en geblokkeerde formulieren';
const BORSBEEK_RSZ = 'Bevestiging van de laatste DmfA-aangifte';
const CIRCULAR = 'Omzendbrief: indexering van het leefloon';
const ANTWERPEN_RSZ = 'Werkgeversrekening: overzicht van het kwartaal';
const PDF_NAME = 'novaprima-tussentijdse-afrekening.pdf';

/** The rows of the e-Box table (visible or deleted documents) whose title is `title`. */
function rowOf(page: Page, title: string) {
  return page.locator('#ebox-results table tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('an e-Box user reads a NovaPrima statement and downloads its PDF; RSZ documents stay hidden without the application (R10.1)', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAndChoose(page, 'Borsbeek');
  await page.getByRole('main').getByRole('link', { name: /^e-Box/ }).click();
  await expect(page).toHaveURL(/\/e-box$/);
  await expect(page.getByText('e-Box van OCMW Borsbeek')).toBeVisible();
  await expect(page.getByRole('table', { name: /^Documenten – pagina 1 van \d+$/ })).toBeVisible();

  // Both documents are new: marked "Ongelezen" in words, the title in bold.
  const statement = rowOf(page, NOVAPRIMA);
  const lights = rowOf(page, KNIPPERLICHTEN);
  for (const [row, title] of [[statement, NOVAPRIMA], [lights, KNIPPERLICHTEN]] as const) {
    await expect(row).toHaveCount(1);
    await expect(row.getByText('Ongelezen', { exact: true })).toBeVisible();
    await expect(row.locator('strong')).toHaveText(title);
  }
  await expect(statement).toContainText('POD Maatschappelijke Integratie');
  await expect(statement).toContainText(/Ja \(.+\)/);
  // An.peeters lacks "Documenten RSZ in e-Box": the RSZ document is not there.
  await expect(page.getByText(BORSBEEK_RSZ)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('Rijksdienst voor Sociale Zekerheid');
  // Nor is she a privileged user: no deleted documents for her.
  await expect(page.getByLabel('Welke documenten')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the e-Box list');

  // Opening it shows the content and the attachment with its size and SHA-256.
  await statement.getByRole('link', { name: NOVAPRIMA }).click();
  await expect(page.getByRole('heading', { level: 1, name: NOVAPRIMA })).toBeVisible();
  await expect(page.locator('dl.details').first()).toContainText('POD Maatschappelijke Integratie');
  await expect(page.getByText('In bijlage de tussentijdse maandafrekening voor laattijdige regularisaties van 2024.')).toBeVisible();
  const file = page.locator('dl.details').last();
  await expect(file).toContainText(PDF_NAME);
  await expect(file).toContainText('application/pdf');
  const checksum = (await file.locator('code').textContent())?.trim() ?? '';
  expect(checksum).toMatch(/^[0-9a-f]{64}$/);
  // Opening marked it read, by her.
  await expect(page.locator('dl.details').first()).toContainText('door an.peeters');
  await expectNoAxeViolations(page, 'an e-Box document');

  // The download is the PDF the page describes: its bytes, size and checksum.
  const link = page.getByRole('link', { name: new RegExp(`^${PDF_NAME.replace(/\./g, '\\.')} downloaden`) });
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(PDF_NAME);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(checksum);
  // The size as a Dutch reader writes it (issue 18: 1.668 bytes).
  await expect(file).toContainText(`${bytes.length.toLocaleString('nl-BE')} bytes`);
  // The server states the same checksum in its header (the browser's own session).
  const href = await link.getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['x-checksum-sha256']).toBe(checksum);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect(Buffer.compare(await response.body(), bytes)).toBe(0);

  // Back in the list, the statement is read: no longer bold, "Gelezen" in words.
  await page.getByRole('link', { name: 'Terug naar de e-Box' }).click();
  await expect(page).toHaveURL(/\/e-box$/);
  await expect(statement.getByText('Gelezen', { exact: true })).toBeVisible();
  await expect(statement.locator('strong')).toHaveCount(0);
  await expect(lights.getByText('Ongelezen', { exact: true })).toBeVisible();
});

test('the TB makes a user a privileged e-Box user with RSZ documents, who deletes a circular and puts it back (R10.1)', async ({ page }) => {
  test.setTimeout(120_000);
  // Toegangsbeheer: the TB gives user.antwerpen the two e-Box applications.
  await login(page, 'tb.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /Toegangsbeheer/ }).click();
  await page.getByRole('navigation', { name: 'Functionaliteiten' }).getByRole('link', { name: 'Gebruikers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('user.antwerpen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/username=user\.antwerpen/);
  const member = page.getByRole('row', { name: /user\.antwerpen/ });
  await expect(member).toHaveCount(1);
  await member.getByRole('link', { name: /Details/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Gebruiker / })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'e-Box van de instelling', exact: true })).toBeChecked();
  await page.getByRole('checkbox', { name: 'e-Box Bevoorrechte gebruiker', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Documenten RSZ in e-Box', exact: true }).check();
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn bewaard.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'e-Box Bevoorrechte gebruiker', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Documenten RSZ in e-Box', exact: true })).toBeChecked();
  await page.context().clearCookies();

  // The user now sees the RSZ document, and can delete.
  await login(page, 'user.antwerpen');
  await page.getByRole('main').getByRole('link', { name: /^e-Box/ }).click();
  await expect(page).toHaveURL(/\/e-box$/);
  await expect(page.getByText('e-Box van OCMW Antwerpen')).toBeVisible();
  const rsz = rowOf(page, ANTWERPEN_RSZ);
  await expect(rsz).toHaveCount(1);
  await expect(rsz.locator('td').first()).toContainText('RSZ');
  await expect(rsz).toContainText('Rijksdienst voor Sociale Zekerheid');
  const circular = rowOf(page, CIRCULAR);
  await expect(circular).toHaveCount(1);

  await circular.getByRole('link', { name: CIRCULAR }).click();
  await expect(page.getByRole('heading', { level: 1, name: CIRCULAR })).toBeVisible();
  await expect(page.getByText('Het leefloon wordt geïndexeerd.', { exact: false })).toBeVisible();
  await expect(page.getByText('Dit document heeft geen bijlage.')).toBeVisible();

  // "Verwijderen" asks first; the document is then deleted.
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document verwijderen?' });
  await expect(dialog).toContainText(CIRCULAR);
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeFocused();
  await expect(page.getByText('Dit document is verwijderd op')).toContainText('door user.antwerpen');
  await expect(page.getByRole('button', { name: 'Terugzetten' })).toBeVisible();

  // Gone from the e-Box...
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'e-Box' }).click();
  await expect(page.getByRole('table', { name: /^Documenten – pagina/ })).toBeVisible();
  await expect(rowOf(page, ANTWERPEN_RSZ)).toHaveCount(1);
  await expect(rowOf(page, CIRCULAR)).toHaveCount(0);

  // ...and listed under "Verwijderde documenten", where it is put back.
  await page.getByRole('link', { name: 'Verwijderde documenten bekijken' }).click();
  await expect(page).toHaveURL(/view=deleted/);
  await expect(page.getByRole('table', { name: /^Verwijderde documenten – pagina/ })).toBeVisible();
  const deleted = rowOf(page, CIRCULAR);
  await expect(deleted).toHaveCount(1);
  await expect(deleted.getByText('Verwijderd', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'the deleted e-Box documents');
  await deleted.getByRole('button', { name: `Terugzetten ${CIRCULAR}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Het document ‘${CIRCULAR}’ is teruggezet in de e-Box.` })).toBeFocused();
  await expect(rowOf(page, CIRCULAR)).toHaveCount(0);

  await page.getByRole('link', { name: 'Terug naar de documenten in de e-Box' }).click();
  await expect(rowOf(page, CIRCULAR)).toHaveCount(1);
});
