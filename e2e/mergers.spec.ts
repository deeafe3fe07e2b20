import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations, login } from './support.js';

// The cut-over of this journey runs on Lochristi (scenario 2: Lochristi keeps its KBO, Wachtebeke
// disappears into it), not on Antwerpen: the Antwerpen/Borsbeek demo data is what the other
// journeys assert on, and the server's data lasts for the whole run. Antwerpen's checklist and
// dry run are only read.

/** The row of a table whose row header is `name` (exactly, or matching a pattern). */
const rowOf = (page: Page, table: ReturnType<Page['getByRole']>, name: string | RegExp) =>
  table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: typeof name === 'string' }) });

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Fills the login form for a person with several roles: the choice screen follows. */
async function loginToChoice(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/kiezen$/);
}

test('the administrator reads a checklist and a dry run, runs a cut-over, is refused its undo after the date, and the TB of the disappearing OCMW chooses between the old and the merged OCMW (R7)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Eleven days before the mergers of 1 January 2025.
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2024-12-20' });
  await login(page, 'admin');
  await page.getByRole('main').getByRole('link', { name: /^Fusies/ }).click();
  await expect(page).toHaveURL(/\/fusies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fusies' })).toBeVisible();

  // The dashboard: every merger with scenario, date, status and checklist progress.
  const dashboard = page.getByRole('table', { name: /^Fusies van OCMW's/ });
  await expect(dashboard.locator('tbody tr')).toHaveCount(13);
  const antwerpenRow = rowOf(page, dashboard, 'Antwerpen');
  await expect(antwerpenRow).toContainText('Behoud KBO & NIS');
  await expect(antwerpenRow).toContainText('01/01/2025');
  await expect(antwerpenRow).toContainText('Gepland');
  // 1 of 6 items done: Borsbeek's forms that clash with Antwerpen's are to be reviewed too (R9.3′).
  await expect(antwerpenRow).toContainText('17%');
  await expect(antwerpenRow.getByRole('progressbar', { name: 'Voortgang van de checklist van Antwerpen' })).toHaveAttribute('value', '17');
  await expect(antwerpenRow).toContainText('2 onderdelen te laat');
  await expect(page.getByRole('link', { name: 'Nieuwe fusie' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fusies importeren (CSV)' })).toBeVisible();
  await expectNoAxeViolations(page, 'the mergers dashboard');

  // Antwerpen (scenario 3): the checklist per OCMW, checked against the data.
  await antwerpenRow.getByRole('link', { name: 'Antwerpen' }).click();
  await expect(page).toHaveURL(/\/fusies\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fusie Antwerpen' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Onderdelen van de fusie' }).getByRole('link', { name: 'Checklist' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Voortgang van de fusie: 17%.')).toBeVisible();
  const borsbeek = page.getByRole('table', { name: 'Checklist van OCMW Borsbeek' });
  await expect(rowOf(page, borsbeek, /^Integraties \/ dossiers sociaal onderzoek \/ A036/)).toContainText(
    /\d+ lopende formulieren worden stopgezet; \d+ ervan botsen met een lopend formulier van het fusie-OCMW/,
  );
  await expect(rowOf(page, borsbeek, /^Botsende formulieren nagekeken/)).toContainText(/\d+ formulieren botsen/);
  await expect(rowOf(page, borsbeek, /^Uniek verslag/)).toContainText('28/02/2025');
  const antwerpen = page.getByRole('table', { name: 'Checklist van OCMW Antwerpen' });
  await expect(rowOf(page, antwerpen, /^ChaMan: FTP-account/)).toContainText('Geen acties nodig');
  const reviewed = rowOf(page, antwerpen, /^Huidig toegangsbeheer nagekeken/);
  await expect(reviewed).toContainText('15/11/2024');
  await expect(reviewed).toContainText('te laat');
  await expect(reviewed.getByRole('checkbox', { name: 'Afgevinkt – Huidig toegangsbeheer nagekeken (OCMW Antwerpen)' })).not.toBeChecked();
  await expectNoAxeViolations(page, 'the checklist of a merger');

  // The dry run: every action with its count, per OCMW; the forms expand to their rows.
  await page.getByRole('link', { name: 'Proefrun' }).click();
  await expect(page).toHaveURL(/\/fusies\/\d+\/proefrun$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Proefrun' })).toBeVisible();
  await expect(page.getByText('Wat de overgang zou doen op de bedrijfsdatum 20/12/2024. Er wordt niets geschreven.')).toBeVisible();
  const actions = page.getByRole('table', { name: 'Acties van de overgang van fusie Antwerpen' });
  const stopForms = rowOf(page, actions, 'Lopende formulieren stopzetten');
  // The demo's forms differ a little per seed (which people have an A036): the count is read.
  const moving = Number(await stopForms.locator('td').first().locator('strong').textContent());
  expect(moving).toBeGreaterThan(0);
  await expect(stopForms).toContainText(`OCMW Borsbeek: ${moving}`);
  await expect(stopForms).toContainText('Einddatum 31/12/2024; een formulier dat pas vanaf 01/01/2025 start, wordt geannuleerd.');
  await expect(rowOf(page, actions, 'Hulpaanvragen die naar het fusie-OCMW gaan')).toContainText('Vanaf 01/01/2025 horen ze bij het fusie-OCMW');
  const showForms = stopForms.getByRole('button', { name: 'Rijen tonen – Lopende formulieren stopzetten' });
  await showForms.click();
  await expect(stopForms.getByRole('button', { name: 'Rijen verbergen – Lopende formulieren stopzetten' })).toHaveAttribute('aria-expanded', 'true');
  const formRows = page.getByRole('table', { name: `Lopende formulieren stopzetten – pagina 1 van ${Math.ceil(moving / 10)} (${moving} rijen)` });
  await expect(formRows.locator('tbody tr')).toHaveCount(Math.min(moving, 10));
  await expect(formRows.getByRole('columnheader', { name: 'INSZ' })).toBeVisible();
  await expect(formRows.locator('tbody tr').first()).toContainText('OCMW Borsbeek');
  await expect(formRows).toContainText('Leefloon');
  await expectNoAxeViolations(page, 'the dry run with the forms expanded');

  // Lochristi: a manual item ticked, with who and when.
  await page.getByRole('link', { name: 'Fusies', exact: true }).first().click();
  await expect(page).toHaveURL(/\/fusies$/);
  await rowOf(page, dashboard, 'Lochristi').getByRole('link', { name: 'Lochristi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fusie Lochristi' })).toBeVisible();
  const wachtebeke = page.getByRole('table', { name: 'Checklist van OCMW Wachtebeke' });
  const tick = wachtebeke.getByRole('checkbox', { name: 'Afgevinkt – Huidig toegangsbeheer nagekeken (OCMW Wachtebeke)' });
  await tick.check();
  await expect(page.getByRole('status').filter({ hasText: '"Huidig toegangsbeheer nagekeken" is afgevinkt voor OCMW Wachtebeke.' })).toBeVisible();
  await expect(tick).toBeChecked();
  await expect(rowOf(page, wachtebeke, /^Huidig toegangsbeheer nagekeken/)).toContainText(/Afgevinkt door admin op \d{2}\/\d{2}\/\d{4}/);
  await expect(rowOf(page, wachtebeke, /^Huidig toegangsbeheer nagekeken/)).toContainText('In orde');

  // The cut-over, behind a confirmation that says what will happen.
  await page.getByRole('link', { name: 'Overgang' }).click();
  await expect(page).toHaveURL(/\/fusies\/\d+\/overgang$/);
  await expect(page.getByText('De overgang is nog niet uitgevoerd.')).toBeVisible();
  await page.getByRole('button', { name: 'Overgang uitvoeren' }).click();
  const runDialog = page.getByRole('dialog', { name: 'De overgang van fusie Lochristi uitvoeren?' });
  await expect(runDialog).toBeVisible();
  await expect(runDialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  const stopLine = runDialog.getByRole('listitem').filter({ hasText: /^Lopende formulieren stopzetten: \d+$/ });
  const lochristiForms = Number((await stopLine.textContent())!.split(': ')[1]);
  expect(lochristiForms).toBeGreaterThan(0);
  await expect(runDialog).toContainText(`Formulieren opnieuw invoeren onder het fusie-OCMW: ${lochristiForms}`);
  await expect(runDialog).toContainText('Ongedaan maken kan tot en met 31/12/2024; vanaf 01/01/2025 niet meer.');
  await expectNoAxeViolations(page, 'the cut-over confirmation');
  await runDialog.getByRole('button', { name: 'Overgang uitvoeren' }).click();
  await expect(runDialog).toBeHidden();
  const outcome = page.getByRole('region', { name: 'Resultaat' });
  await expect(outcome).toBeFocused();
  await expect(outcome.getByRole('status')).toHaveText(/^De overgang is uitgevoerd \(uitvoering \d+\): \d+ wijzigingen\.$/);
  const result = outcome.getByRole('table', { name: /^Wijzigingen per actie/ });
  await expect(rowOf(page, result, 'Lopende formulieren stopzetten').getByRole('cell')).toHaveText(String(lochristiForms));
  await expect(rowOf(page, result, 'Formulieren opnieuw invoeren onder het fusie-OCMW').getByRole('cell')).toHaveText(String(lochristiForms));
  await expect(page.locator('dl.details').first()).toContainText('Doorgevoerd');
  const runs = page.getByRole('table', { name: 'Eén uitvoering' });
  await expect(runs.locator('tbody tr')).toHaveCount(1);
  await expect(runs).toContainText('admin');
  await expect(runs).toContainText('20/12/2024');
  await runs.getByRole('button', { name: /^Journaal tonen – uitvoering \d+$/ }).click();
  const journal = page.getByRole('table', { name: /^Journaal van uitvoering \d+ – pagina 1 van \d+ \(\d+ rijen\)$/ });
  await expect(journal.locator('tbody tr')).toHaveCount(10);
  await expect(journal).toContainText('toegevoegd');
  await expectNoAxeViolations(page, 'the cut-over result with its journal');

  await runs.getByRole('button', { name: /^Journaal verbergen – uitvoering \d+$/ }).click();
  await expect(journal).toHaveCount(0);

  // A second run changes nothing (idempotent).
  await page.getByRole('button', { name: 'Overgang opnieuw uitvoeren' }).click();
  await page.getByRole('dialog', { name: 'De overgang van fusie Lochristi uitvoeren?' }).getByRole('button', { name: 'Overgang uitvoeren' }).click();
  await expect(page.getByRole('region', { name: 'Resultaat' }).getByRole('status')).toHaveText(/^De overgang is uitgevoerd \(uitvoering \d+\): 0 wijzigingen\.$/);
  await expect(page.getByRole('table', { name: '2 uitvoeringen' }).locator('tbody tr')).toHaveCount(2);

  // After the effective date the undo cannot work: the button says why (the server's rule and words), and does nothing.
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2025-01-02' });
  await page.reload();
  await expect(page.locator('.business-date')).toContainText('02/01/2025');
  await expect(page.getByText('De overgang is doorgevoerd: de fusie kan niet meer gewijzigd of verwijderd worden.')).toBeVisible();
  const undoButton = page.getByRole('button', { name: 'Overgang ongedaan maken' });
  await expect(undoButton).toHaveAttribute('aria-disabled', 'true');
  await expect(undoButton).toHaveAccessibleDescription(
    'Ongedaan maken kan alleen vóór de ingangsdatum (01/01/2025): vanaf dan werken gebruikers en software met het fusie-OCMW.',
  );
  await undoButton.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('dl.details').first()).toContainText('Doorgevoerd');
  await expectNoAxeViolations(page, 'the refused undo');
  await logout(page);

  // The TB of Wachtebeke is now also co-TB of Lochristi: the choice between the old and the merged OCMW.
  await loginToChoice(page, 'tb.wachtebeke');
  const choices = page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button');
  await expect(choices).toHaveCount(2);
  await expect(choices.filter({ hasText: 'OCMW Wachtebeke' })).toContainText('verdwijnend OCMW');
  await expect(choices.filter({ hasText: 'OCMW Lochristi' })).toContainText('Co-toegangsbeheerder');
  await expectNoAxeViolations(page, 'the choice between the old and the merged OCMW');
  await choices.filter({ hasText: 'OCMW Lochristi' }).click();
  await expect(page).toHaveURL(/\/$/);

  // At login, the merged OCMW's own checklist; its co-TB ticks its own manual item.
  const own = page.getByRole('region', { name: 'Fusie Lochristi: uw checklist' });
  await expect(own).toContainText('Uw OCMW is gefuseerd op 01/01/2025 (scenario 2: Behoud KBO & nieuw NIS). De overgang is doorgevoerd.');
  await expect(own.getByRole('progressbar', { name: 'Voortgang van de checklist van Lochristi' })).toBeVisible();
  const ownTick = own.getByRole('checkbox', { name: 'Afgevinkt – Huidig toegangsbeheer nagekeken (OCMW Lochristi)' });
  await expect(ownTick).not.toBeChecked();
  await ownTick.check();
  await expect(own.getByRole('status')).toHaveText('"Huidig toegangsbeheer nagekeken" is afgevinkt voor OCMW Lochristi.');
  await expect(own).toContainText('Afgevinkt door tb.wachtebeke op');
  await expect(own.getByRole('table', { name: 'Checklist van OCMW Wachtebeke' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the home page with the merger checklist');
  await logout(page);

  // The two-OCMW person of Antwerpen and Borsbeek still chooses after the date; Borsbeek sees its own list.
  await loginToChoice(page, 'an.peeters');
  const anChoices = page.getByRole('list', { name: 'Ondernemingen en rollen' }).getByRole('button');
  await expect(anChoices.filter({ hasText: 'Antwerpen' })).toHaveCount(1);
  await anChoices.filter({ hasText: 'Borsbeek' }).click();
  await expect(page).toHaveURL(/\/$/);
  const borsbeekList = page.getByRole('region', { name: 'Fusie Antwerpen: uw checklist' });
  await expect(borsbeekList.getByRole('table', { name: 'Checklist van OCMW Borsbeek' })).toContainText('Uniek verslag');
  // A user reads the list; only the OCMW's managers tick.
  await expect(borsbeekList.getByRole('checkbox')).toHaveCount(0);
});

test('the administrator defines, changes and removes a merger with field errors, and checks the merger list file (R7.1)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2026-06-01' });
  await login(page, 'admin');
  await page.goto('/fusies');
  await page.getByRole('link', { name: 'Nieuwe fusie' }).click();
  await expect(page).toHaveURL(/\/fusies\/nieuw$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe fusie' })).toBeVisible();
  await expectNoAxeViolations(page, 'the empty merger form');

  // Nothing filled in: the summary takes the focus and links to each field.
  await page.getByRole('button', { name: 'Bewaren' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Naam:/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: "Fuserende OCMW's: Kies minstens twee fuserende OCMW's." })).toBeVisible();
  await expect(page.getByLabel(/^Naam/)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the merger form with errors');

  await page.getByLabel(/^Naam/).fill('Aalst-Erpe-Mere');
  await page.getByLabel(/^Ingangsdatum/).fill('2027-01-01');
  await expect(page.getByLabel(/^Code/)).toHaveValue('aalst-erpe-mere-2027');

  // Sources from the OCMW search (Enter searches); the NIS field of each gets the focus.
  const search = page.getByRole('searchbox', { name: /^OCMW zoeken/ });
  await search.fill('OCMW Aalst');
  await search.press('Enter');
  await page.getByRole('button', { name: 'Toevoegen – OCMW Aalst' }).click();
  await expect(page.getByLabel(/^NIS van OCMW Aalst/)).toBeFocused();
  await page.keyboard.type('41002');
  await search.fill('Erpe-Mere');
  await search.press('Enter');
  await page.getByRole('button', { name: 'Toevoegen – OCMW Erpe-Mere' }).click();
  await expect(page.getByLabel(/^NIS van OCMW Erpe-Mere/)).toBeFocused();
  await page.keyboard.type('41083');
  await page.getByLabel("Een van de fuserende OCMW's behoudt zijn KBO").check();
  await page.getByLabel(/^OCMW dat zijn KBO behoudt/).selectOption({ label: 'OCMW Aalst' });
  await page.getByLabel(/^NIS van de fusiegemeente/).fill('41002');
  await expect(page.getByText('Volgens de ingevulde gegevens: scenario 3 (Behoud KBO & NIS).')).toBeVisible();

  // The server refuses a NIS that Erpe-Mere does not serve, at the field.
  await page.getByRole('button', { name: 'Bewaren' }).click();
  const serverSummary = page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' });
  await expect(serverSummary).toBeFocused();
  await expect(serverSummary.getByRole('link', { name: /^NIS van OCMW Erpe-Mere: .*41083/ })).toBeVisible();
  await expect(page.getByLabel(/^NIS van OCMW Erpe-Mere/)).toHaveAttribute('aria-invalid', 'true');
  await serverSummary.getByRole('link', { name: /^NIS van OCMW Erpe-Mere/ }).click();
  await expect(page.getByLabel(/^NIS van OCMW Erpe-Mere/)).toBeFocused();
  await page.getByLabel(/^NIS van OCMW Erpe-Mere/).fill('41082');
  await page.getByRole('button', { name: 'Bewaren' }).click();

  // Saved: the detail page says which scenario the server derived.
  await expect(page).toHaveURL(/\/fusies\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fusie Aalst-Erpe-Mere' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Fusie Aalst-Erpe-Mere is aangemaakt: scenario 3 (Behoud KBO & NIS).' })).toBeFocused();
  await expect(page.locator('dl.details').first()).toContainText('Gepland');
  await expectNoAxeViolations(page, 'a new merger');

  // Changed: a new NIS makes it scenario 2.
  await page.getByRole('link', { name: 'Wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fusie Aalst-Erpe-Mere wijzigen' })).toBeVisible();
  await expect(page.getByLabel(/^NIS van OCMW Erpe-Mere/)).toHaveValue('41082');
  await page.getByLabel(/^NIS van de fusiegemeente/).fill('41111');
  await expect(page.getByText('Volgens de ingevulde gegevens: scenario 2 (Behoud KBO & nieuw NIS).')).toBeVisible();
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fusie Aalst-Erpe-Mere is gewijzigd: scenario 2 (Behoud KBO & nieuw NIS).' })).toBeVisible();

  // Removed, after a confirmation.
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fusie Aalst-Erpe-Mere verwijderen?' });
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page).toHaveURL(/\/fusies$/);
  await expect(page.getByRole('status').filter({ hasText: 'Fusie Aalst-Erpe-Mere is verwijderd.' })).toBeFocused();
  await expect(page.getByRole('table', { name: /^Fusies van OCMW's/ })).not.toContainText('Aalst-Erpe-Mere');

  // The merger list of 2025 checked again: every merger exists already, so nothing would change.
  await page.getByRole('link', { name: 'Fusies importeren (CSV)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fusies importeren' })).toBeVisible();
  await page.getByLabel(/^CSV-bestand/).setInputFiles('data/mergers-2025.csv');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat van de controle' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Het bestand is geldig' })).toHaveText('Het bestand is geldig: 13 fusies. 0 fusies worden aangemaakt.');
  const report = page.getByRole('table', { name: 'Fusies in het bestand (13)' });
  await expect(report.locator('tbody tr')).toHaveCount(13);
  await expect(rowOf(page, report, 'Antwerpen')).toContainText('Ongewijzigd (bestaat al)');
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the merger list check');
});

/** Defines a merger through the API as the logged-in administrator (the form has its own journey above). */
async function defineMerger(page: Page, m: { code: string; name: string; effectiveDate: string; sources: [string, string][]; target: string; targetNis: string }) {
  const status = await page.evaluate(async (m) => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const idOf = async (name: string) => {
      const page = (await (await fetch(`/api/v1/organisations?kind=ocmw&pageSize=20&q=${encodeURIComponent(name)}`)).json()) as { items: { id: string; name: { nl: string } }[] };
      return page.items.find((o) => o.name.nl === `OCMW ${name}`)!.id;
    };
    const sources = await Promise.all(m.sources.map(async ([name, nis]) => ({ organisationId: await idOf(name), nis })));
    const response = await fetch('/api/v1/admin/mergers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ code: m.code, name: m.name, effectiveDate: m.effectiveDate, sources, targetOrganisationId: await idOf(m.target), targetNis: m.targetNis }),
    });
    return `${response.status} ${await response.text()}`;
  }, m);
  expect(status).toMatch(/^201 /);
}

test('the administrator plans the wave of a date, is told why it cannot run yet, runs it after a confirmation and reads each merger’s outcome (SPEC §13 wave)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setExtraHTTPHeaders({ 'x-ocmw-today': '2024-12-20' });
  await login(page, 'admin');
  // A wave of its own in 2027, so the 2025 demo data the other journeys read stays as it is: Tielt
  // (its HTB from the demo) takes in Aalst; Erpe-Mere and Lede have no HTB, so theirs is blocked.
  await defineMerger(page, { code: 'e2e-tielt-aalst-2027', name: 'Tielt-Aalst', effectiveDate: '2027-01-01', sources: [['Tielt', '37015'], ['Aalst', '41002']], target: 'Tielt', targetNis: '37015' });
  await defineMerger(page, { code: 'e2e-erpe-mere-lede-2027', name: 'Erpe-Mere-Lede', effectiveDate: '2027-01-01', sources: [['Erpe-Mere', '41082'], ['Lede', '41034']], target: 'Erpe-Mere', targetNis: '41082' });
  await page.goto('/fusies');
  const wave = page.getByRole('region', { name: 'Golf van fusies' });
  await expect(wave.getByRole('heading', { level: 2, name: 'Golf van fusies' })).toBeVisible();

  // Running needs the dry run first: the button says so.
  const date = wave.getByLabel(/^Ingangsdatum/);
  await expect(date).toHaveValue('2025-01-01');
  const run = wave.getByRole('button', { name: 'Golf uitvoeren' });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription(/^Golf uitvoeren kan pas na de proefrun van deze ingangsdatum/);

  // No date: the error summary takes the focus and links to the field.
  await date.selectOption({ label: '— Kies een ingangsdatum —' });
  await wave.getByRole('button', { name: 'Proefrun van de golf' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'De golf kan niet gepland of uitgevoerd worden' });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, 'the wave without a date');
  await summary.getByRole('link', { name: 'Ingangsdatum: Kies de ingangsdatum van de golf.' }).click();
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  // The 2025 dry run, from the keyboard: the scenario-1 mergers wait for their new OCMW's HTB (four in
  // the demo data; fewer once admin.spec has imported Pajottegem's HTB, and Antwerpen is already
  // carried out once the first journey of this file has run).
  await date.selectOption({ label: '01/01/2025 (13 fusies)' });
  await expect(summary).toHaveCount(0);
  await wave.getByRole('button', { name: 'Proefrun van de golf' }).focus();
  await page.keyboard.press('Enter');
  const result = wave.getByRole('region', { name: 'Proefrun van de golf van 01/01/2025' });
  await expect(result).toBeFocused();
  await expect(result.getByRole('status')).toHaveText(/^Klaar om uit te voeren: \d+\. Al doorgevoerd: \d+\. Geblokkeerd: [1-4]\. Er is niets geschreven\.$/);
  const plan2025 = result.getByRole('table', { name: 'Fusies van 01/01/2025 (13)' });
  await expect(plan2025.locator('tbody tr')).toHaveCount(13);
  const blocked = plan2025.locator('tbody tr').filter({ hasText: 'Geblokkeerd' }).first();
  await expect(blocked).toContainText('HTB');
  await expect(rowOf(page, plan2025, 'Antwerpen')).toContainText(/Klaar|Al doorgevoerd/);
  await expect(run).toBeEnabled();
  await expectNoAxeViolations(page, 'the dry run of the 2025 wave');

  // Another date needs its own dry run.
  await date.selectOption({ label: '01/01/2027 (2 fusies)' });
  await expect(run).toBeDisabled();
  await wave.getByRole('button', { name: 'Proefrun van de golf' }).click();
  const plan2027 = wave.getByRole('table', { name: 'Fusies van 01/01/2027 (2)' });
  await expect(wave.getByRole('region', { name: 'Proefrun van de golf van 01/01/2027' }).getByRole('status')).toHaveText(
    'Klaar om uit te voeren: 1. Al doorgevoerd: 0. Geblokkeerd: 1. Er is niets geschreven.',
  );
  await expect(rowOf(page, plan2027, 'Erpe-Mere-Lede')).toContainText('Geblokkeerd');
  await expect(rowOf(page, plan2027, 'Tielt-Aalst')).toContainText('Klaar');
  const plannedChanges = await rowOf(page, plan2027, 'Tielt-Aalst').getByRole('cell').nth(2).textContent();
  expect(plannedChanges).toMatch(/^\d+$/);

  // The run, behind a confirmation that names what is skipped.
  await run.click();
  const dialog = page.getByRole('dialog', { name: 'De golf van 01/01/2027 uitvoeren?' });
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expect(dialog).toContainText('Eén fusie wordt uitgevoerd op de bedrijfsdatum 20/12/2024, in haar eigen transactie.');
  await expect(dialog).toContainText('Geblokkeerd en overgeslagen: Erpe-Mere-Lede.');
  await expectNoAxeViolations(page, 'the wave confirmation');
  await dialog.getByRole('button', { name: 'Golf uitvoeren' }).click();
  await expect(dialog).toBeHidden();
  const outcome = wave.getByRole('region', { name: 'Resultaat van de golf van 01/01/2027' });
  await expect(outcome).toBeFocused();
  await expect(outcome.getByRole('status')).toHaveText('Uitgevoerd: 1. Al doorgevoerd: 0. Geblokkeerd: 1. Mislukt: 0.');
  const ran = outcome.getByRole('table', { name: 'Uitkomst per fusie van 01/01/2027 (2)' });
  const tielt = rowOf(page, ran, 'Tielt-Aalst');
  await expect(tielt).toContainText('Uitgevoerd');
  await expect(tielt.getByRole('cell').nth(2)).toHaveText(plannedChanges!);
  await expect(rowOf(page, ran, 'Erpe-Mere-Lede')).toContainText('Geblokkeerd, niet uitgevoerd');
  await expect(rowOf(page, ran, 'Erpe-Mere-Lede')).toContainText('HTB');
  // The dashboard follows; what the wave changed needs a new dry run before it runs again.
  await expect(rowOf(page, page.getByRole('table', { name: /^Fusies van OCMW's/ }), 'Tielt-Aalst')).toContainText('Doorgevoerd');
  await expect(run).toBeDisabled();
  await expectNoAxeViolations(page, 'the outcome of the wave');

  // Again: the merger that ran is already done and nothing changes.
  await wave.getByRole('button', { name: 'Proefrun van de golf' }).click();
  await expect(rowOf(page, plan2027, 'Tielt-Aalst')).toContainText('Al doorgevoerd');
  await run.click();
  await expect(dialog).toContainText('Al doorgevoerd (een nieuwe uitvoering verandert niets): Tielt-Aalst.');
  await dialog.getByRole('button', { name: 'Golf uitvoeren' }).click();
  await expect(outcome.getByRole('status')).toHaveText('Uitgevoerd: 0. Al doorgevoerd: 1. Geblokkeerd: 1. Mislukt: 0.');
  await expect(rowOf(page, ran, 'Tielt-Aalst')).toContainText('Al doorgevoerd');
  await expect(rowOf(page, ran, 'Tielt-Aalst').getByRole('cell').nth(2)).toHaveText('0');
});
