import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadFixtureCa, makeCertificate } from '../test/certificates.js';
import { expectNoAxeViolations, login } from './support.js';

const DAY = 86_400_000;

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function openChaman(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: /ChaMan/ }).click();
  await expect(page).toHaveURL(/\/chaman$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ChaMan - Beheer van technische kanalen' })).toBeVisible();
}

/** First use (R3.2): only the contact form is shown until it is filled in. */
async function fillContactData(page: Page, name: string, email: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Contactgegevens' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'FTP- / SFTP-kanalen' })).toHaveCount(0);
  await page.locator('#chaman-contact-contactName').fill(name);
  await expect(page.locator('#chaman-contact-phoneCode')).toHaveValue('+32');
  await page.locator('#chaman-contact-phoneNumber').fill('456986532');
  await page.locator('#chaman-contact-email').fill(email);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByText(/^Uw verzendernummer: \d+$/)).toBeVisible();
}

let dir: string;
let ftpCertificate: string;
let restCertificate: string;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-chaman-e2e-'));
  const now = Date.now();
  const ca = loadFixtureCa('e2e/fixtures/test-ca.pem', 'e2e/fixtures/test-ca-key.pem');
  const ftp = await makeCertificate({
    key: 'EC-P-384',
    hash: 'SHA-384',
    issuer: ca,
    subject: 'CN=ocmw-antwerpen-ftp, O=OCMW Antwerpen, C=BE',
    notBefore: new Date(now - 2 * DAY),
    notAfter: new Date(now + 365 * DAY),
    keyUsage: ['digitalSignature'],
  });
  const rest = await makeCertificate({
    key: 'EC-P-384',
    hash: 'SHA-384',
    selfSigned: true,
    subject: 'CN=cevi-ocmw-online, O=Cevi, C=BE',
    notBefore: new Date(now - 2 * DAY),
    notAfter: new Date(now + 2 * 365 * DAY),
    keyUsage: ['digitalSignature'],
  });
  ftpCertificate = path.join(dir, 'ocmw-antwerpen-ftp.cer');
  restCertificate = path.join(dir, 'cevi-ocmw-online.cer');
  writeFileSync(ftpCertificate, ftp.der);
  writeFileSync(restCertificate, rest.der);
});

test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the TB creates FTP and delegated REST accounts in ChaMan, and the software vendor accepts the request', async ({ page }) => {
  // OCMW Borsbeek starts without ChaMan data (the demo gives OCMW Antwerpen a REST account).
  await login(page, 'tb.borsbeek');
  await openChaman(page);

  // First use: the contact data, then the sender number.
  await expectNoAxeViolations(page, 'the ChaMan contact form');
  await fillContactData(page, 'Tine Beheerder', 'kanalen@ocmw-antwerpen.example');
  await expect(page.getByRole('heading', { name: 'FTP- / SFTP-kanalen' })).toBeVisible();
  await expect(page.getByText('Er is geen FTP- of SFTP-account aangemaakt.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'the ChaMan home');

  // The FTP account: CA-issued certificate, password left empty → generated and shown once.
  await page.getByRole('link', { name: 'Een FTP- of SFTP-account toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Een FTP- of SFTP-account toevoegen' })).toBeVisible();
  await expect(page.getByText('Maximale lengte: 10 tekens')).toBeVisible();
  await expectNoAxeViolations(page, 'the add-FTP form');
  await page.locator('#chaman-ftp-kind').selectOption('FTP');
  await page.locator('#chaman-ftp-name').fill('EXPOCMWANT');
  await page.getByRole('checkbox', { name: 'Mutaties RijksRegister' }).check();
  await page.getByRole('checkbox', { name: 'MediPrima-afrekening' }).check();
  await page.locator('#chaman-ftp-certificate').setInputFiles(ftpCertificate);
  await page.locator('#chaman-ftp-certificateName').fill('OCMW Antwerpen FTP 2025');
  await page.locator('#chaman-ftp-username').fill('ocmwant1');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('heading', { name: 'Het FTP-account "EXPOCMWANT" is aangemaakt.' })).toBeFocused();
  const password = (await page.getByTestId('ftp-password').textContent()) ?? '';
  expect(password).toMatch(/^\S{8,15}$/);
  await expect(page.getByText('Opgelet: vergeet niet om het wachtwoord door te geven aan uw softwareleverancier.')).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar ChaMan' }).click();
  await expect(page.getByRole('table', { name: 'FTP- en SFTP-accounts' }).getByRole('row', { name: /EXPOCMWANT/ })).toContainText('FTP');

  // The REST account "OCMW Online", certificate managed by the software vendor (Extern beheer).
  await page.getByRole('link', { name: 'Een Webservice account toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Een Webservice account toevoegen' })).toBeVisible();
  await page.locator('#chaman-web-kind').selectOption('REST');
  await expect(page.locator('#chaman-web-name')).toHaveValue('OCMW Online');
  for (const label of [
    'Administratie van het OCMW Online-systeem',
    'Beheer van het OCMW Online proces',
    "Bewerken van de signaletieke gegevens van de OCMW's",
    "Raadpleging van de signaletieke gegevens van de OCMW's",
  ]) {
    await page.getByRole('checkbox', { name: label }).check();
  }
  await page.getByRole('radio', { name: 'Extern beheer - een externe onderneming beheert het certificaat' }).check();
  const vendorSelect = page.locator('#chaman-web-intermediary');
  const cevi = await vendorSelect.locator('option', { hasText: 'Cevi - Logins' }).getAttribute('value');
  expect(cevi).toBeTruthy();
  await vendorSelect.selectOption(cevi!);
  await expectNoAxeViolations(page, 'the add-REST form');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page).toHaveURL(/\/chaman$/);
  await expect(page.getByRole('status').filter({ hasText: 'delegatieverzoek' })).toContainText('Cevi - Logins');
  const request = page.getByRole('table', { name: /delegatieverzoek/i }).getByRole('row', { name: /OCMW Online/ });
  await expect(request).toContainText('In afwachting van antwoord van de technische tussenpersoon');
  await expect(request).toContainText('Cevi - Logins');
  await expect(page.getByText('Er is geen SOAP- of REST-account aangemaakt.', { exact: false })).toBeVisible();
  await logout(page);

  // The software vendor: its own first use, then the request addressed to it.
  await login(page, 'vendor.cevi');
  await openChaman(page);
  // Wait for the page to load before asking whether the contact form is shown.
  await expect(page.getByRole('heading', { level: 2, name: /^(Contactgegevens|FTP- \/ SFTP-kanalen)$/ })).toBeVisible();
  if (await page.getByRole('heading', { level: 2, name: 'Contactgegevens' }).isVisible()) {
    await fillContactData(page, 'Vera Leverancier', 'chaman@cevi.example');
  }
  await expect(page.getByRole('heading', { name: 'Delegatieverzoeken aan uw organisatie' })).toBeVisible();
  const incoming = page.getByRole('table', { name: /verzoek(en)? aan uw organisatie/ }).getByRole('row', { name: /OCMW Online/ });
  await expect(incoming).toContainText('Borsbeek');
  await expect(incoming).toContainText('In afwachting van uw antwoord');
  await expectNoAxeViolations(page, 'the vendor view');
  await incoming.getByRole('link', { name: /Aanvaarden/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegatieverzoek aanvaarden' })).toBeVisible();
  await page.locator('#chaman-accept-certificate').setInputFiles(restCertificate);
  await page.locator('#chaman-accept-certificateName').fill('Cevi OCMW Online Antwerpen');
  await page.getByRole('button', { name: 'Aanvaarden' }).click();
  await expect(page).toHaveURL(/\/chaman$/);
  await expect(page.getByRole('status').filter({ hasText: 'aanvaard' })).toContainText('OCMW Online');
  await logout(page);

  // Back at the OCMW: the REST account is there, managed by Cevi.
  await login(page, 'tb.borsbeek');
  await openChaman(page);
  const rest = page.getByRole('table', { name: 'SOAP- en REST-accounts' }).getByRole('row', { name: /OCMW Online/ });
  await expect(rest).toContainText('REST');
  await expect(rest).toContainText('Extern beheer: Cevi - Logins');
});
