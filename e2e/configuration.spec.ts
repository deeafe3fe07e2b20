import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, login } from './support.js';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

async function openSection(page: Page, name: string, path: string): Promise<void> {
  await menu(page).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/configuratie/${path}$`));
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw gegevens zijn bewaard.' })).toBeVisible();
}

test('the TB fills in the four sections of OCMW-configuratie, and every value is kept', async ({ page }) => {
  // The demo seed leaves OCMW Hoeselt without configuration.
  await login(page, 'tb.hoeselt');
  await page.getByRole('main').getByRole('link', { name: /OCMW-configuratie/ }).click();
  await expect(page).toHaveURL(/\/configuratie\/mutaties$/);
  await expect(page.getByRole('heading', { level: 1, name: 'OCMW-configuratie' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: /^Mutaties/ })).toContainText('nog in te vullen');

  // Mutaties: the guide's table, MURA and MUPS per sub-type.
  await expect(page.getByText('Gelieve de soorten mutaties uit te kiezen die u wenst te ontvangen.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'MURA' }).or(page.getByRole('columnheader', { name: 'MURA' }))).toBeVisible();
  await expectNoAxeViolations(page, 'Mutaties');
  await page.locator('#config-mutation-MURG').check();
  await page.locator('#config-mutation-MURA-H205').check();
  await save(page);
  await expect(menu(page).getByRole('link', { name: /^Mutaties/ })).toContainText('ingevuld');
  await expect(page.getByRole('table', { name: 'Historiek van de selectie' })).toContainText('MURA-H205');

  // Unticking warns that the mutations of that period are lost.
  await page.locator('#config-mutation-MURG').uncheck();
  await expect(page.getByRole('note').filter({ hasText: 'MURG' })).toBeVisible();
  await page.locator('#config-mutation-MURG').check();

  // A changed section asks before it is left: "stay" keeps the change, "leave" drops it.
  await page.locator('#config-mutation-MUFC').check();
  await menu(page).getByRole('link', { name: /^Technische dienstverleners/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Wijzigingen niet bewaard' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Op dit scherm blijven' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/configuratie\/mutaties$/);
  await expect(page.locator('#config-mutation-MUFC')).toBeChecked();
  await menu(page).getByRole('link', { name: /^Technische dienstverleners/ }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Verlaten zonder bewaren' }).click();
  await expect(page).toHaveURL(/\/configuratie\/technische-dienstverleners$/);

  // Technische dienstverleners: "Bewaren" without answers shows what is missing.
  await expect(page.getByRole('heading', { level: 2, name: 'Technische dienstverleners' })).toBeVisible();
  await expectNoAxeViolations(page, 'Technische dienstverleners');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem met de ingevulde gegevens' })).toBeVisible();
  await expect(page.locator('#config-technical-technicalContact-email')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Wie is uw netwerkprovider?').selectOption('Andere');
  await page.getByLabel('Andere:').fill('Stadsnetwerk Antwerpen');
  await page.getByLabel('Cevi - Logins').check();
  await page.getByLabel('PrimaWeb').check();
  await page.locator('#config-technical-technicalContact-surname').fill('Peeters');
  await page.locator('#config-technical-technicalContact-firstName').fill('Jan');
  await page.locator('#config-technical-technicalContact-email').fill('jan.peeters@ocmw-antwerpen.example');
  await page.locator('#config-technical-technicalContact-phone').fill('03 338 20 01');
  await page.locator('#config-technical-testContact-surname').fill('Janssens');
  await page.locator('#config-technical-testContact-firstName').fill('An');
  await page.locator('#config-technical-testContact-email').fill('an.janssens@ocmw-antwerpen.example');
  await page.locator('#config-technical-testContact-phone').fill('03 338 20 02');
  await page.getByLabel('Opmerking(en)').fill('Test via de demo');
  await save(page);
  await expectNoAxeViolations(page, 'Technische dienstverleners, saved');

  // Contactgegevens: the street once, then "Stel deze waarde in voor alle talen".
  await openSection(page, 'Contactgegevens', 'contactgegevens');
  await expectNoAxeViolations(page, 'Contactgegevens');
  await page.locator('#config-contact-streetNl').fill('Lange Gasthuisstraat');
  await page.locator('#config-contact-streetNl-all').click();
  await expect(page.locator('#config-contact-streetFr')).toHaveValue('Lange Gasthuisstraat');
  await expect(page.locator('#config-contact-streetDe')).toHaveValue('Lange Gasthuisstraat');
  await page.locator('#config-contact-cityNl').fill('Antwerpen');
  await page.locator('#config-contact-cityFr').fill('Anvers');
  await page.locator('#config-contact-cityDe').fill('Antwerpen');
  await page.locator('#config-contact-number').fill('39');
  await page.getByLabel('Postcode').fill('2000');
  await page.locator('#config-contact-receptionPhone').fill('03 338 20 00');
  await save(page);

  // OCMW Online: notifications and reminders after 2 days, then every day.
  await openSection(page, 'OCMW Online', 'ocmw-online');
  await expectNoAxeViolations(page, 'OCMW Online');
  await page.locator('#config-online-notificationsEnabled-yes').check();
  await page.locator('#config-online-notificationAddress').fill('onthaal@ocmw-antwerpen.example');
  await page.locator('#config-online-remindersEnabled-yes').check();
  await page.locator('#config-online-reminderAddress').fill('herinnering@ocmw-antwerpen.example');
  await page.getByLabel('Herinneringstermijn').fill('2');
  await page.getByLabel('Herinneringsfrequentie').fill('1');
  await save(page);
  for (const name of ['Mutaties', 'Technische dienstverleners', 'Contactgegevens', 'OCMW Online']) {
    await expect(menu(page).getByRole('link', { name: new RegExp(`^${name}`) })).toContainText('ingevuld');
  }

  // After a reload every value is still there.
  await page.reload();
  await expect(page.locator('#config-online-notificationsEnabled-yes')).toBeChecked();
  await expect(page.locator('#config-online-notificationAddress')).toHaveValue('onthaal@ocmw-antwerpen.example');
  await expect(page.locator('#config-online-remindersEnabled-yes')).toBeChecked();
  await expect(page.locator('#config-online-reminderAddress')).toHaveValue('herinnering@ocmw-antwerpen.example');
  await expect(page.locator('#config-online-reminderDelayDays')).toHaveValue('2');
  await expect(page.locator('#config-online-reminderFrequencyDays')).toHaveValue('1');

  await openSection(page, 'Contactgegevens', 'contactgegevens');
  await expect(page.locator('#config-contact-streetNl')).toHaveValue('Lange Gasthuisstraat');
  await expect(page.locator('#config-contact-streetFr')).toHaveValue('Lange Gasthuisstraat');
  await expect(page.locator('#config-contact-streetDe')).toHaveValue('Lange Gasthuisstraat');
  await expect(page.locator('#config-contact-cityFr')).toHaveValue('Anvers');
  await expect(page.locator('#config-contact-number')).toHaveValue('39');
  await expect(page.locator('#config-contact-postcode')).toHaveValue('2000');
  await expect(page.locator('#config-contact-receptionPhone')).toHaveValue('03 338 20 00');

  await openSection(page, 'Technische dienstverleners', 'technische-dienstverleners');
  await expect(page.getByLabel('Wie is uw netwerkprovider?')).toHaveValue('Andere');
  await expect(page.getByLabel('Andere:')).toHaveValue('Stadsnetwerk Antwerpen');
  await expect(page.getByLabel('Cevi - Logins')).toBeChecked();
  await expect(page.getByLabel('PrimaWeb')).toBeChecked();
  await expect(page.locator('#config-technical-testContact-email')).toHaveValue('an.janssens@ocmw-antwerpen.example');
  await expect(page.getByLabel('Opmerking(en)')).toHaveValue('Test via de demo');

  await openSection(page, 'Mutaties', 'mutaties');
  await expect(page.locator('#config-mutation-MURG')).toBeChecked();
  await expect(page.locator('#config-mutation-MURA-H205')).toBeChecked();
  await expect(page.locator('#config-mutation-MUFC')).not.toBeChecked();

  // Leaving the configuration with a change asks too.
  await page.locator('#config-mutation-MUPK').check();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Startpagina' }).click();
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'the leave dialog');
  await dialog.getByRole('button', { name: 'Verlaten zonder bewaren' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
});
