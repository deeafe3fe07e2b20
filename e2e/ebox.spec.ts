import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Page, Route } from '@playwright/test';
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

  // The demo data publishes no e-Box documents: the list says the e-Box is empty.
  await tile.click();
  await expect(page).toHaveURL(/\/e-box$/);
  await expect(page.getByRole('heading', { level: 1, name: 'e-Box' })).toBeVisible();
  await expect(page.getByText('e-Box van OCMW Borsbeek')).toBeVisible();
  await expect(page.locator('p.result-count')).toHaveText('0 documenten gevonden.');
  await expect(page.getByText('Uw e-Box is leeg: er zijn nog geen documenten voor uw OCMW.')).toBeVisible();
  // An.peeters is no privileged user: no deleted documents for her.
  await expect(page.getByLabel('Welke documenten')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the empty e-Box');

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

// ── The document screens against a stubbed e-Box API ─────────────────────────────────────────
// The demo seed publishes no e-Box documents, and the e2e server holds its database, so the test
// cannot publish one through the institution API. The list, document, download, delete and
// restore screens are therefore driven by the API's documented shapes (mailbox.schema.ts), served
// by the test; the session is the real one, with "e-Box Bevoorrechte gebruiker" added.

const PDF = Buffer.from('%PDF-1.7\n% NovaPrima maart\n%%EOF\n');
const SHA256 = createHash('sha256').update(PDF).digest('hex');
const RSZ = { name: 'Rijksdienst voor Sociale Zekerheid', kbo: '0206731645' };

interface StubDocument {
  id: string;
  sender: { name: string; kbo: string | null };
  title: string;
  category: string;
  messageType: string;
  isRsz: boolean;
  documentDate: string;
  receivedAt: string;
  read: boolean;
  visible: boolean;
  attachment: { name: string; mime: string; size: number; sha256: string } | null;
  body: string;
  readAt: string | null;
  readBy: string | null;
  hiddenAt: string | null;
  hiddenBy: string | null;
}

function stubDocuments(): StubDocument[] {
  const base = { sender: RSZ, isRsz: false, readAt: null, readBy: null, hiddenAt: null, hiddenBy: null, visible: true };
  return [
    {
      ...base,
      id: '3f1c2a4e-0000-4000-8000-000000000001',
      title: 'Voorlopige maandafrekening maart (NovaPrima)',
      category: 'Afrekeningen',
      messageType: 'NovaPrima',
      documentDate: '2025-03-01',
      receivedAt: '2025-03-02T07:15:00.000Z',
      read: false,
      attachment: { name: 'Maandafrekening maart.pdf', mime: 'application/pdf', size: PDF.length, sha256: SHA256 },
      body: 'In bijlage de voorlopige maandafrekening van maart.\nLaattijdige regularisaties zijn inbegrepen.',
    },
    {
      ...base,
      id: '3f1c2a4e-0000-4000-8000-000000000002',
      title: 'Knipperlichten februari',
      category: 'Knipperlichten',
      messageType: 'Knipperlicht',
      documentDate: '2025-02-20',
      receivedAt: '2025-02-21T08:00:00.000Z',
      read: true,
      readAt: '2025-02-21T09:00:00.000Z',
      readBy: 'an.peeters',
      attachment: null,
      body: 'Drie dossiers met een knipperlicht.',
    },
  ];
}

const summaryOf = ({ body: _body, readAt: _readAt, readBy: _readBy, hiddenAt: _hiddenAt, hiddenBy: _hiddenBy, ...summary }: StubDocument) => summary;

/** Serves /api/v1/ebox/** from `documents`, following the contract (filters read and visible, paging). */
async function stubEbox(page: Page, documents: StubDocument[]): Promise<void> {
  await page.route('**/api/v1/ebox/**', async (route: Route) => {
    const url = new URL(route.request().url());
    const method = route.request().method();
    const path = url.pathname.replace(/^\/api\/v1\/ebox/, '');
    const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    const unread = () => documents.filter((d) => d.visible && !d.read).length;
    if (path === '/summary') return json(200, { unread: unread(), disappearing: { mergedInto: 'OCMW Antwerpen', effectiveDate: '2025-01-01' } });
    if (path === '/documents' && method === 'GET') {
      const visible = url.searchParams.get('visible') !== 'false';
      const read = url.searchParams.get('read');
      const items = documents.filter((d) => d.visible === visible && (read === null || d.read === (read === 'true')));
      return json(200, { items: items.map(summaryOf), total: items.length, page: 1, pageSize: Number(url.searchParams.get('pageSize') ?? 25), unreadCount: unread() });
    }
    const match = /^\/documents\/([0-9a-f-]+)(\/attachment|\/hide|\/restore)?$/.exec(path);
    const doc = match ? documents.find((d) => d.id === match[1]) : undefined;
    if (!doc) return json(404, { error: { code: 'not_found', message: 'Niet gevonden.' } });
    if (match![2] === '/attachment') {
      return route.fulfill({
        status: 200,
        body: PDF,
        headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${doc.attachment!.name}"`, 'x-checksum-sha256': SHA256 },
      });
    }
    if (match![2] === '/hide' || match![2] === '/restore') {
      doc.visible = match![2] === '/restore';
      doc.hiddenAt = doc.visible ? null : '2025-03-03T10:00:00.000Z';
      doc.hiddenBy = doc.visible ? null : 'an.peeters';
      return json(200, summaryOf(doc));
    }
    // Opening the main content marks the document read (R10.1).
    if (!doc.read) Object.assign(doc, { read: true, readAt: '2025-03-03T09:30:00.000Z', readBy: 'an.peeters' });
    return json(200, doc);
  });
}

/** The real session, with the privileged e-Box application added to the role in use. */
async function withPrivilegedEbox(page: Page): Promise<void> {
  await page.route('**/api/v1/session**', async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json().catch(() => undefined);
    if (body?.context?.permissions) body.context.permissions = [...body.context.permissions, 'app:ebox-privileged'];
    await route.fulfill({ response, json: body });
  });
}

test('the e-Box list, a document with its attachment, and deleting and restoring it (stubbed e-Box API; R10.1)', async ({ page }) => {
  test.setTimeout(120_000);
  const documents = stubDocuments();
  await stubEbox(page, documents);
  await withPrivilegedEbox(page);
  await loginAndChoose(page, 'Borsbeek');
  await expect(page.getByRole('main').getByRole('link', { name: /^e-Box/ })).toContainText('1 ongelezen document');

  await page.getByRole('main').getByRole('link', { name: /^e-Box/ }).click();
  await expect(page.getByText('U hebt 1 ongelezen document.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Documenten – pagina 1 van 1' });
  const unreadRow = table.locator('tbody tr').filter({ hasText: 'Voorlopige maandafrekening maart' });
  const readRow = table.locator('tbody tr').filter({ hasText: 'Knipperlichten februari' });
  // Unread: bold and said in words; read: neither.
  await expect(unreadRow).toContainText('Ongelezen');
  await expect(unreadRow.locator('strong')).toHaveText('Voorlopige maandafrekening maart (NovaPrima)');
  await expect(readRow).toContainText('Gelezen');
  await expect(readRow.locator('strong')).toHaveCount(0);
  await expect(unreadRow).toContainText('Ja (');
  await expectNoAxeViolations(page, 'the e-Box list');

  // Opening it shows sender, content and the attachment with its size and checksum; it is read now.
  await unreadRow.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voorlopige maandafrekening maart (NovaPrima)' })).toBeVisible();
  await expect(page.locator('dl.details').first()).toContainText('Rijksdienst voor Sociale Zekerheid (KBO 0206.731.645)');
  await expect(page.getByText('Laattijdige regularisaties zijn inbegrepen.')).toBeVisible();
  await expect(page.getByText(SHA256)).toBeVisible();
  await expect(page.locator('dl.details').last()).toContainText(`${PDF.length} bytes`);
  // A download served by a stub is cancelled by the browser: check where the link leads instead.
  const attachment = page.getByRole('link', { name: /^Maandafrekening maart\.pdf downloaden/ });
  await expect(attachment).toHaveAttribute('href', `/api/v1/ebox/documents/${documents[0]!.id}/attachment`);
  await expect(attachment).toHaveAttribute('download', 'Maandafrekening maart.pdf');
  await expectNoAxeViolations(page, 'an e-Box document');

  // "Verwijderen" asks first; the document is then deleted and can be put back.
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document verwijderen?' });
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeFocused();
  await expect(page.getByText('Dit document is verwijderd op')).toBeVisible();
  expect(documents[0]!.visible).toBe(false);

  // It is listed under "Verwijderde documenten", where it is put back.
  await page.getByRole('link', { name: 'Terug naar de verwijderde documenten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwijderde documenten' })).toBeVisible();
  const deleted = page.getByRole('table', { name: 'Verwijderde documenten – pagina 1 van 1' });
  await expect(deleted.locator('tbody tr')).toHaveCount(1);
  await expect(deleted).toContainText('Verwijderd');
  await expectNoAxeViolations(page, 'the deleted e-Box documents');
  await deleted.getByRole('button', { name: /^Terugzetten/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is teruggezet in de e-Box' })).toBeFocused();
  await expect(page.getByText('Er zijn geen verwijderde documenten.')).toBeVisible();
  expect(documents[0]!.visible).toBe(true);
});
