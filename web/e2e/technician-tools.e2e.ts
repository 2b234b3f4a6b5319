import { expect, test } from '@playwright/test';
import { USER_PASSWORD } from './environment';
import { apiCall, apiSignIn, createOrganisation, type Organisation, signInUi } from './organisation';

let org: Organisation;

test.beforeAll(async () => {
  org = await createOrganisation(`.tools${Date.now().toString(36)}`);
});

async function reportTicket(description: string): Promise<number> {
  const nurse = await apiSignIn(org.nurse.login, USER_PASSWORD);
  const ticket = await apiCall<{ id: number }>(nurse, 'POST', '/tickets', {
    description,
    criticality: { scope: 'one_user', patientCare: 'unaffected', site: 'hospital', profile: 'infirmier' },
  });
  await nurse.context.dispose();
  return ticket.id;
}

test('attachments and history on a ticket', async ({ page }) => {
  const ticketId = await reportTicket('Le scanner du secrétariat ne numérise plus.');
  await signInUi(page, org.technicianN1.login);
  await page.goto(`/tickets/${ticketId}`);

  const files = page.getByLabel('Ajouter des fichiers');
  await files.setInputFiles({ name: 'journal-scanner.txt', mimeType: 'text/plain', buffer: Buffer.from('Erreur 0x80 au démarrage du pilote.\n') });
  await expect(page.getByRole('link', { name: 'journal-scanner.txt' })).toBeVisible();
  await files.setInputFiles({ name: 'pilote.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000 executable') });
  await expect(page.getByRole('alert').filter({ hasText: 'pilote.exe' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'pilote.exe' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Historique' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Création');
  await expect(page.getByRole('tabpanel')).toContainText('Pièce jointe ajoutée');
});

test('Kanban moves by keyboard', async ({ page }) => {
  const ticketId = await reportTicket("L'écran du poste de soins clignote.");
  await signInUi(page, org.technicianN1.login);
  await page.goto(`/tickets?view=kanban&q=${encodeURIComponent('poste de soins clignote')}`);

  // A new ticket cannot be "assigned" before someone is: the server's 409 message is shown.
  const card = page.getByRole('listitem', { name: new RegExp(`Ticket ${ticketId} :`) });
  await card.focus();
  await card.press('ArrowRight');
  await expect(page.getByRole('alert')).toContainText('Action impossible sur ce ticket');
  await expect(page.getByRole('region', { name: /^Nouveau/ }).getByRole('listitem')).toHaveCount(1);

  const technician = await apiSignIn(org.technicianN1.login, USER_PASSWORD);
  await apiCall(technician, 'POST', `/tickets/${ticketId}/take`);
  await technician.context.dispose();
  await page.reload();
  const taken = page.getByRole('region', { name: /^En cours \(attribué\)/ }).getByRole('listitem', { name: new RegExp(`Ticket ${ticketId} :`) });
  await taken.focus();
  await taken.press('ArrowRight');
  await expect(page.getByRole('region', { name: /^En cours \(planifié\)/ }).getByRole('listitem', { name: new RegExp(`Ticket ${ticketId} :`) })).toBeVisible();
});

test('saved search reopens the filters', async ({ page }) => {
  await signInUi(page, org.technicianN1.login);
  await page.goto('/tickets');
  await page.getByRole('combobox', { name: 'Statut', exact: true }).selectOption('waiting');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByText('Recherches enregistrées').click();
  await page.getByLabel('Nom de la recherche actuelle').fill('Mes attentes');
  await page.getByRole('button', { name: 'Enregistrer la recherche' }).click();
  await expect(page.getByText('Recherche « Mes attentes » enregistrée.')).toBeVisible();

  await page.goto('/tickets');
  await page.getByText('Recherches enregistrées').click();
  await page.getByLabel('Recherche enregistrée').selectOption({ label: 'Mes attentes' });
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(page).toHaveURL(/status=waiting/);
  await expect(page.getByRole('combobox', { name: 'Statut', exact: true })).toHaveValue('waiting');
});
