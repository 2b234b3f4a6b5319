import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiCall, apiSignIn, createOrganisation, type Organisation, signInUi } from './organisation';
import { USER_PASSWORD } from './environment';

let org: Organisation;

test.beforeAll(async () => {
  // Playwright starts a new worker after a failure and runs beforeAll again on the same database.
  org = await createOrganisation(`.${Date.now().toString(36)}`);
});

async function signedInPage(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInUi(page, login);
  return page;
}

async function solve(page: Page, ticketId: number, text: string): Promise<void> {
  await page.goto(`/tickets/${ticketId}`);
  await page.getByRole('button', { name: 'Résoudre' }).click();
  const form = page.locator('#action-solution');
  await form.getByLabel('Solution apportée').fill(text);
  await form.getByRole('button', { name: 'Enregistrer la solution' }).click();
  await expect(page.locator('.ticket-header')).toContainText('Résolu');
}

test('incident from portal to closure', async ({ browser }) => {
  // The nurse reports an incident on the portal.
  const nurse = await signedInPage(browser, org.nurse.login);
  await nurse.getByRole('link', { name: /Signaler un incident/ }).click();
  await nurse.getByLabel('Que se passe-t-il ?').fill("Le chariot de soins n'affiche plus les prescriptions.");
  await nurse.getByLabel('Où ?').fill('Urgences, box 4');
  await nurse.getByRole('radio', { name: 'Tout le service' }).check();
  await nurse.getByRole('radio', { name: 'Les soins sont ralentis ou compliqués' }).check();
  await nurse.getByLabel('Vous êtes').selectOption({ label: 'Infirmier ou infirmière' });
  await nurse.getByRole('radio', { name: 'Hôpital' }).check();
  await nurse.getByRole('button', { name: 'Envoyer' }).click();
  await expect(nurse.getByText("C'est envoyé")).toBeVisible();
  const ticketId = Number(/\/tickets\/(\d+)$/.exec(nurse.url())?.[1]);
  expect(ticketId).toBeGreaterThan(0);
  await expect(nurse.getByTestId('portal-state')).toHaveText('Reçue, bientôt prise en charge');

  // N1 takes it and escalates to N2 with a reason.
  const n1 = await signedInPage(browser, org.technicianN1.login);
  await n1.goto(`/tickets/${ticketId}`);
  await expect(n1.getByRole('heading', { name: 'Criticité' })).toBeVisible();
  await n1.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(n1.locator('.ticket-header')).toContainText(`${org.technicianN1.lastName} ${org.technicianN1.firstName}`);
  await expect(n1.locator('.ticket-header')).toContainText('En cours (attribué)');
  await n1.getByRole('button', { name: 'Escalader' }).click();
  const escalation = n1.locator('#action-escalate');
  await escalation.getByLabel('Niveau visé').selectOption('N2');
  await escalation.getByLabel('Groupe de support').selectOption({ label: org.groupN2.name });
  await escalation.getByLabel("Motif de l'escalade").fill('Problème de base de données du logiciel de soins, hors de portée du N1.');
  await escalation.getByRole('button', { name: 'Escalader' }).click();
  await expect(n1.locator('.timeline')).toContainText('Escalade de Aucun vers N2');
  await expect(n1.locator('.ticket-header')).toContainText(org.groupN2.name);

  // N2 solves.
  const n2 = await signedInPage(browser, org.technicianN2.login);
  await solve(n2, ticketId, 'Service redémarré sur le serveur de prescriptions.');

  // The nurse refuses with a reason; the ticket reopens.
  await nurse.goto(`/tickets/${ticketId}`);
  await expect(nurse.getByTestId('portal-state')).toHaveText('Traitée : votre avis est attendu');
  await nurse.getByRole('button', { name: 'Non, ça ne va pas' }).click();
  await nurse.getByLabel("Qu'est-ce qui ne va pas ?").fill("Le chariot du box 5 n'affiche toujours rien.");
  await nurse.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(nurse.getByText('la demande est rouverte')).toBeVisible();
  await expect(nurse.getByTestId('portal-state')).toHaveText('En cours de traitement');

  // The refusal reaches N2, who solves again.
  await n2.goto(`/tickets/${ticketId}`);
  await expect(n2.locator('.ticket-header')).toContainText('En cours (attribué)');
  await expect(n2.locator('.timeline')).toContainText("Le chariot du box 5 n'affiche toujours rien.");
  await expect(n2.locator('.timeline')).toContainText('Refusée');
  await solve(n2, ticketId, 'Les deux chariots sont reconnectés au serveur.');

  // The nurse approves; the ticket is closed.
  await nurse.goto('/');
  const card = nurse.locator('.portal-ticket', { hasText: "Le chariot de soins n'affiche plus" });
  await card.getByRole('button', { name: "Oui, c'est réglé" }).click();
  await expect(nurse.getByText('Merci, la demande est close.')).toBeVisible();
  await nurse.goto(`/tickets/${ticketId}`);
  await expect(nurse.getByTestId('portal-state')).toHaveText('Terminée');

  await n2.goto(`/tickets/${ticketId}`);
  await expect(n2.locator('.ticket-header')).toContainText('Clos');

  // The nurse rates the IT team's work in one tap.
  await nurse.getByRole('button', { name: '5 étoiles sur 5' }).click();
  await expect(nurse.getByText('Merci ! Votre note : 5 étoiles sur 5.')).toBeVisible();

  // Statistics are for the manager only.
  await expect(n2.getByRole('link', { name: 'Statistiques' })).toHaveCount(0);
  const manager = await signedInPage(browser, org.manager.login);
  await checkStatistics(manager);
});

/** Checks that the manager's statistics count the closed, rated ticket under the N1 technician who took it, and that both exports download. */
async function checkStatistics(manager: Page): Promise<void> {
  await manager.getByRole('link', { name: 'Statistiques' }).click();
  const table = manager.locator('.report-table');
  const row = table.getByRole('row', { name: new RegExp(`${org.technicianN1.lastName} ${org.technicianN1.firstName}`) });
  await expect(row).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const cells = await row.locator('th, td').allTextContents();
  const figure = (name: string) => cells[headers.indexOf(name)];
  expect(figure('Ouverts')).toBe('1');
  expect(figure('Clos')).toBe('1');
  expect(figure('Réponses')).toBe('1');
  expect(figure('Satisfaction moyenne')).toBe('5 / 5');

  for (const [label, type, extension] of [
    ['Télécharger en CSV', 'text/csv', '.csv'],
    ['Télécharger en PDF', 'application/pdf', '.pdf'],
  ] as const) {
    const link = manager.getByRole('link', { name: label });
    const href = await link.getAttribute('href');
    const response = await manager.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(type);

    const [download] = await Promise.all([manager.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename().endsWith(extension)).toBe(true);
    const content = await readFile((await download.path()) ?? '');
    if (extension === '.csv') expect(content.toString('utf8')).toContain(`${org.technicianN1.lastName} ${org.technicianN1.firstName}`);
    else expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }
}

test('other requester ticket not found', async ({ browser }) => {
  const other = await apiSignIn(org.otherNurse.login, USER_PASSWORD);
  const ticket = await apiCall<{ id: number }>(other, 'POST', '/tickets', {
    description: 'Mon badge ne fonctionne plus.',
    criticality: { scope: 'one_user', patientCare: 'unaffected', site: 'hospital', profile: 'autre' },
  });
  await other.context.dispose();

  const nurse = await signedInPage(browser, org.nurse.login);
  await nurse.goto(`/tickets/${ticket.id}`);
  await expect(nurse.getByRole('heading', { name: 'Ticket introuvable' })).toBeVisible();
  await expect(nurse.getByText('Mon badge ne fonctionne plus.')).toHaveCount(0);
});
