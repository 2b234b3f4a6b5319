// Screenshots of the main pages at 1366×768 for the documentation (home, list, ticket, Kanban,
// planning, statistics, portal): `npm run screenshots`
// writes them to docs/screenshots/. The data is invented and created through the API.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { USER_PASSWORD } from './environment';
import { apiCall, apiSignIn, type ApiSession, createOrganisation, type Organisation, signInUi } from './organisation';

const OUTPUT = path.resolve(import.meta.dirname, '../../docs/screenshots');

const SAMPLES = [
  { description: 'Le logiciel de prescription ne répond plus au bloc opératoire.', scope: 'whole_service', patientCare: 'interrupted' },
  { description: "L'imprimante d'étiquettes du laboratoire bourre à chaque impression.", scope: 'several_users', patientCare: 'degraded' },
  { description: 'Écran du poste infirmier du 3e étage qui clignote.', scope: 'one_user', patientCare: 'unaffected' },
  { description: 'Demande de création de compte pour une interne arrivée lundi.', scope: 'one_user', patientCare: 'unaffected' },
  { description: 'Le Wi-Fi des chambres de médecine B coupe toutes les dix minutes.', scope: 'several_services', patientCare: 'degraded' },
] as const;

async function seedTickets(org: Organisation): Promise<number> {
  const nurse = await apiSignIn(org.nurse.login, USER_PASSWORD);
  const ids: number[] = [];
  for (const sample of SAMPLES) {
    const created = await apiCall<{ id: number }>(nurse, 'POST', '/tickets', {
      description: sample.description,
      criticality: { scope: sample.scope, patientCare: sample.patientCare, site: 'hospital', profile: 'infirmier', service: 'Bloc opératoire' },
    });
    ids.push(created.id);
  }
  await nurse.context.dispose();

  const technician = await apiSignIn(org.technicianN1.login, USER_PASSWORD);
  const [first, second, third] = ids as [number, number, number];
  await apiCall(technician, 'POST', `/tickets/${first}/take`);
  await apiCall(technician, 'POST', `/tickets/${first}/followups`, { content: 'Appel au bloc : le poste 2 est aussi touché.' });
  await apiCall(technician, 'POST', `/tickets/${first}/followups`, { content: 'Vérifier le service de prescription sur le serveur applicatif.', isPrivate: true });
  await apiCall(technician, 'POST', `/tickets/${first}/escalations`, { toLevel: 'N2', reason: 'Serveur applicatif : relève du N2.', groupId: org.groupN2.id });
  await apiCall(technician, 'POST', `/tickets/${second}/take`);
  await apiCall(technician, 'POST', `/tickets/${third}/take`);
  await apiCall(technician, 'POST', `/tickets/${third}/solution`, { content: "Câble vidéo remplacé sur le poste de l'étage." });
  await planTasks(technician, org, [first, second]);
  await technician.context.dispose();
  return first;
}

/** Plans two on-site tasks today, so that the week calendar has something to show. */
async function planTasks(technician: ApiSession, org: Organisation, [first, second]: number[]): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const slots = [
    { ticketId: first, start: '08:00', end: '09:30', content: 'Passage au bloc : redémarrer le poste 2.' },
    { ticketId: second, start: '13:00', end: '14:00', content: "Démonter l'imprimante d'étiquettes du laboratoire." },
  ];
  for (const slot of slots) {
    await apiCall(technician, 'POST', `/tickets/${slot.ticketId}/tasks`, {
      content: slot.content,
      mode: 'on_site',
      technicianId: org.technicianN1.id,
      plannedStart: `${today}T${slot.start}:00.000Z`,
      plannedEnd: `${today}T${slot.end}:00.000Z`,
    });
  }
}

async function capture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
}

test('screenshots of the main pages', async ({ browser }) => {
  const org = await createOrganisation();
  const ticketId = await seedTickets(org);

  const technician = await browser.newPage();
  await signInUi(technician, org.technicianN1.login);
  await expect(technician.getByRole('heading', { name: 'Mes tickets en cours' })).toBeVisible();
  await capture(technician, 'home');
  await technician.goto('/tickets');
  await expect(technician.getByRole('row', { name: /Ticket 1 :/ })).toBeVisible();
  await capture(technician, 'list');
  await technician.goto(`/tickets/${ticketId}`);
  await expect(technician.getByRole('heading', { name: 'Criticité' })).toBeVisible();
  await capture(technician, 'ticket');
  await technician.screenshot({ path: path.join(OUTPUT, 'ticket-full.png'), fullPage: true });
  await technician.goto('/tickets?view=kanban');
  await expect(technician.getByRole('region', { name: /^Nouveau/ })).toBeVisible();
  await capture(technician, 'kanban');
  await technician.goto('/planning');
  await expect(technician.locator('.planning-task').first()).toBeVisible();
  await capture(technician, 'planning');

  const manager = await browser.newPage();
  await signInUi(manager, org.manager.login);
  await manager.goto('/statistics');
  await expect(manager.locator('.report-table')).toBeVisible();
  await expect(manager.locator('.chart canvas').first()).toBeVisible();
  await capture(manager, 'statistics');

  const nurse = await browser.newPage();
  await signInUi(nurse, org.nurse.login);
  await expect(nurse.getByRole('heading', { name: 'Mes demandes' })).toBeVisible();
  await capture(nurse, 'portal');
  await nurse.goto('/new/incident');
  await capture(nurse, 'portal-report');
});
