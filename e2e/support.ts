import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The password of every demo account. */
export const PASSWORD = 'Demo-Portaal-2025!';

/** Runs axe on the page and fails with the list of violations, readable in the test output. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
  if (report.length > 0) console.log(`axe violations on ${label}:\n${JSON.stringify(report, null, 2)}`);
  expect(report, `axe violations on ${label}`).toEqual([]);
}

/** Logs in a person with one role: the portal goes straight to the home page. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/$/);
}
