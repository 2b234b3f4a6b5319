import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, USER_PASSWORD } from './environment';
import { apiCall, apiSignIn, type ApiSession, createOrganisation, openWithSession, type Organisation } from './organisation';

let org: Organisation;
// One API session per user for the whole file, shared with the pages.
let sessions: Record<'admin' | 'nurse' | 'otherNurse' | 'technicianN1' | 'technicianN2', ApiSession>;

test.beforeAll(async () => {
  org = await createOrganisation(`.home${Date.now().toString(36)}`);
  sessions = {
    admin: await apiSignIn('admin', ADMIN_PASSWORD),
    nurse: await apiSignIn(org.nurse.login, USER_PASSWORD),
    otherNurse: await apiSignIn(org.otherNurse.login, USER_PASSWORD),
    technicianN1: await apiSignIn(org.technicianN1.login, USER_PASSWORD),
    technicianN2: await apiSignIn(org.technicianN2.login, USER_PASSWORD),
  };
});

test.afterAll(async () => {
  for (const session of Object.values(sessions)) await session.context.dispose();
});

async function reportTicket(description: string): Promise<number> {
  const ticket = await apiCall<{ id: number }>(sessions.nurse, 'POST', '/tickets', {
    description,
    criticality: { scope: 'one_user', patientCare: 'unaffected', site: 'hospital', profile: 'infirmier' },
  });
  return ticket.id;
}

test('home sections of a technician', async ({ page }) => {
  const forGroup = await reportTicket('Le lecteur de badges du vestiaire ne lit plus les cartes.');
  const takenInGroup = await reportTicket("L'étiqueteuse du laboratoire imprime des étiquettes vides.");
  const toProcess = await reportTicket("Le poste de l'accueil des urgences redémarre en boucle.");
  const waiting = await reportTicket('Demande de second écran pour le secrétariat de cardiologie.');
  const { admin, technicianN2 } = sessions;
  await apiCall(admin, 'POST', `/tickets/${forGroup}/assignees`, { groupId: org.groupN2.id });
  await apiCall(admin, 'POST', `/tickets/${takenInGroup}/assignees`, { groupId: org.groupN2.id });
  await apiCall(admin, 'POST', `/tickets/${takenInGroup}/assignees`, { userId: org.technicianN1.id });
  await apiCall(technicianN2, 'POST', `/tickets/${toProcess}/take`);
  await apiCall(technicianN2, 'POST', `/tickets/${waiting}/take`);
  await apiCall(technicianN2, 'PATCH', `/tickets/${waiting}`, { status: 'waiting', waitingReason: 'Écran en commande chez le fournisseur.' });

  await openWithSession(page, technicianN2);
  const action = page.getByRole('region', { name: 'Tickets à traiter' });
  await expect(action.getByRole('row', { name: new RegExp(`Ticket ${toProcess} :`) })).toBeVisible();
  await expect(action.getByRole('row', { name: new RegExp(`Ticket ${waiting} :`) })).toHaveCount(0);
  await expect(action).toContainText("n'y figurent pas");
  const mine = page.getByRole('region', { name: 'Mes tickets en cours' });
  await expect(mine.getByRole('row', { name: new RegExp(`Ticket ${waiting} :`) })).toBeVisible();

  const group = page.getByRole('region', { name: org.groupN2.name });
  await expect(group.getByRole('row', { name: new RegExp(`Ticket ${forGroup} :`) })).toBeVisible();
  await expect(group.getByRole('row', { name: new RegExp(`Ticket ${takenInGroup} :`) })).toHaveCount(0);
  await group.getByRole('link', { name: `Voir tous les nouveaux tickets du groupe ${org.groupN2.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets\\?assignedGroupId=${org.groupN2.id}&withoutTechnician=true&status=new,assigned`));
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${forGroup} :`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${takenInGroup} :`) })).toHaveCount(0);
});

test('technician without group told so', async ({ page }) => {
  await openWithSession(page, sessions.technicianN1);
  await expect(page.getByRole('region', { name: 'Nouveaux tickets de mes groupes' })).toContainText("Vous n'êtes membre d'aucun groupe.");
});

test('entity survey settings saved', async ({ page }) => {
  const { admin } = sessions;
  await openWithSession(page, admin, '/admin/entities');
  const before = await apiCall<{ completeName: string }>(admin, 'GET', `/entities/${org.entityId}`);
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(before.completeName.split(' > ').at(-1) ?? '');
  await page.getByRole('button', { name: `Modifier ${before.completeName}` }).click();

  const form = page.locator('form', { has: page.getByRole('heading', { name: /^Modifier/ }) });
  const rate = form.getByLabel(/^Enquête de satisfaction/);
  await expect(rate).toHaveValue('100');
  await rate.fill('150');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  const rateField = form.locator('.field-invalid').filter({ has: page.getByLabel(/^Enquête de satisfaction/) });
  await expect(rateField.locator('.field-error')).toContainText('100');

  await rate.fill('40');
  await form.getByLabel(/^Délai de réponse à l'enquête/).fill('12');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'est enregistré' })).toBeVisible();
  const entity = await apiCall<{ satisfactionRate: number; satisfactionDelayDays: number }>(admin, 'GET', `/entities/${org.entityId}`);
  expect(entity.satisfactionRate).toBe(40);
  expect(entity.satisfactionDelayDays).toBe(12);
});

test('new ticket with attachments', async ({ page }) => {
  await openWithSession(page, sessions.technicianN1, '/tickets/new');
  await page.getByLabel(/^Description/).fill("L'automate de la pharmacie affiche une erreur de communication.");
  await page.getByLabel(/^Personnes touchées/).selectOption('one_user');
  await page.getByLabel(/^Effet sur les soins/).selectOption('degraded');
  await page.getByLabel('Joindre des fichiers').setInputFiles([
    { name: 'erreur-automate.txt', mimeType: 'text/plain', buffer: Buffer.from('Erreur COM-12 à 08:42.\n') },
    { name: 'outil.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000 executable') },
  ]);
  await expect(page.getByRole('list', { name: 'Fichiers à joindre' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Créer le ticket' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText("ces fichiers n'ont pas pu y être joints");
  await expect(alert.getByRole('listitem')).toHaveCount(1);
  await expect(alert.getByRole('listitem')).toContainText('outil.exe : ');
  await expect(alert.getByRole('listitem')).toContainText('exécutable');
  await alert.getByRole('link', { name: "Ouvrir le ticket pour y joindre d'autres fichiers" }).click();
  await expect(page.getByRole('link', { name: 'erreur-automate.txt' })).toBeVisible();
});

test('portal report with a photo', async ({ page }) => {
  // The smallest valid PNG: a 1×1 transparent pixel.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  await openWithSession(page, sessions.otherNurse, '/new/request');
  await page.getByLabel(/^De quoi avez-vous besoin/).fill("Le lecteur de cartes Vitale de l'accueil affiche ce message.");
  await page.getByRole('radio', { name: 'Moi seulement' }).check();
  await page.getByLabel(/^Vous êtes/).selectOption('autre');
  await page.getByRole('radio', { name: 'Hôpital' }).check();
  await page.getByLabel('Joindre des fichiers').setInputFiles({ name: 'message-lecteur.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText(/C'est envoyé/)).toBeVisible();
  const id = Number(/\/tickets\/(\d+)/.exec(page.url())?.[1]);
  const attachments = await apiCall<{ name: string }[]>(sessions.otherNurse, 'GET', `/tickets/${id}/attachments`);
  expect(attachments.map((item) => item.name)).toEqual(['message-lecteur.png']);
});

test('planning months in lower case', async ({ page }) => {
  await openWithSession(page, sessions.technicianN1, '/planning');
  const headings = page.locator('.planning-day-title');
  await expect(headings).toHaveCount(7);
  for (const text of await headings.allInnerTexts()) {
    // innerText applies text-transform: "Lundi 7 déc.", never "Lundi 7 Déc.".
    expect(text).toMatch(/^\p{Lu}\p{Ll}+ \d{1,2} \p{Ll}/u);
  }
});
