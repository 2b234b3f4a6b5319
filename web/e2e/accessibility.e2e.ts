// Runs axe-core's WCAG 2.0 and 2.1 level A and AA rules on the main screens and fails on any
// violation. Automated rules check only part of WCAG, so keyboard use and reading order still need a person.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { USER_PASSWORD } from './environment';
import { apiCall, apiSignIn, type ApiSession, createOrganisation, openWithSession, type Organisation } from './organisation';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let ticketId: number;
// One API session per user for the whole file, shared with the pages.
let sessions: Record<'nurse' | 'technician' | 'manager', ApiSession>;

test.beforeAll(async () => {
  const org: Organisation = await createOrganisation(`.a11y${Date.now().toString(36)}`);
  sessions = {
    nurse: await apiSignIn(org.nurse.login, USER_PASSWORD),
    technician: await apiSignIn(org.technicianN1.login, USER_PASSWORD),
    manager: await apiSignIn(org.manager.login, USER_PASSWORD),
  };
  const ticket = await apiCall<{ id: number }>(sessions.nurse, 'POST', '/tickets', {
    description: "L'imprimante du poste de soins du 2e étage n'imprime plus les étiquettes.",
    criticality: { scope: 'several_users', patientCare: 'degraded', site: 'hospital', profile: 'infirmier' },
  });
  ticketId = ticket.id;
  await apiCall(sessions.technician, 'POST', `/tickets/${ticketId}/take`);
  await apiCall(sessions.technician, 'POST', `/tickets/${ticketId}/followups`, { content: 'Tambour remplacé, test en cours avec le service.' });
});

test.afterAll(async () => {
  for (const session of Object.values(sessions)) await session.context.dispose();
});

/** Runs axe on the page as it is and fails with one line per violation and the elements involved. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((violation) => `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `accessibility violations on ${screen}`).toEqual([]);
}

test('sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expectNoViolations(page, 'the sign-in page');
});

test('technician screens', async ({ page }) => {
  await openWithSession(page, sessions.technician);
  await expect(page.getByRole('heading', { name: 'Tickets à traiter' })).toBeVisible();
  await expectNoViolations(page, 'the technician home');

  await page.goto('/tickets');
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${ticketId} :`) })).toBeVisible();
  await expectNoViolations(page, 'the ticket list');

  await page.goto(`/tickets/${ticketId}`);
  await expect(page.getByText('Tambour remplacé')).toBeVisible();
  await expectNoViolations(page, 'the ticket view');

  await page.goto('/tickets/new');
  await expect(page.getByRole('button', { name: 'Créer le ticket' })).toBeVisible();
  await expectNoViolations(page, 'the new ticket form');
});

test('portal home', async ({ page }) => {
  await openWithSession(page, sessions.nurse);
  await expect(page.getByRole('heading', { name: 'Mes demandes' })).toBeVisible();
  await expectNoViolations(page, 'the portal home');
});

test('statistics page', async ({ page }) => {
  await openWithSession(page, sessions.manager, '/statistics');
  await expect(page.locator('.report-table')).toBeVisible();
  await expectNoViolations(page, 'the statistics page');
});
