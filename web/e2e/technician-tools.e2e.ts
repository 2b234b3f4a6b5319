import { expect, type Page, test } from '@playwright/test';
import { ADMIN_PASSWORD, USER_PASSWORD } from './environment';
import { apiCall, apiSignIn, createOrganisation, type Organisation, signInUi } from './organisation';

let org: Organisation;

test.beforeAll(async () => {
  org = await createOrganisation(`.tools${Date.now().toString(36)}`);
});

async function reportTicket(description: string): Promise<number> {
  const [ticket] = await reportTickets(description);
  if (ticket === undefined) throw new Error('ticket not reported');
  return ticket.id;
}

/** Reports the tickets in one sign-in of the nurse: the server allows 20 sign-ins a minute from one address. */
async function reportTickets(...descriptions: string[]): Promise<{ id: number; openedAt: string }[]> {
  const nurse = await apiSignIn(org.nurse.login, USER_PASSWORD);
  const tickets: { id: number; openedAt: string }[] = [];
  for (const description of descriptions) {
    tickets.push(
      await apiCall<{ id: number; openedAt: string }>(nurse, 'POST', '/tickets', {
        description,
        criticality: { scope: 'one_user', patientCare: 'unaffected', site: 'hospital', profile: 'infirmier' },
      }),
    );
  }
  await nurse.context.dispose();
  return tickets;
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

/** Returns an instant's calendar day in Paris, the browser's time zone here, as typed in the date filters: "04/12/2026". */
function parisDay(instant: string, offsetDays = 0): string {
  const date = new Date(Date.parse(instant) + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** Returns the titles of the table's column headers, in order, without the selection column. */
async function columnHeaders(page: Page): Promise<string[]> {
  const texts = await page.locator('.ticket-table thead th').allTextContents();
  return texts.map((text) => text.replace(/[▲▼]/g, '').trim()).filter((text) => text !== '');
}

test('list filtered by category and dates', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const admin = await apiSignIn('admin', ADMIN_PASSWORD);
  const network = await apiCall<{ id: number }>(admin, 'POST', '/categories', { name: `Réseau ${suffix}` });
  const wifi = await apiCall<{ id: number }>(admin, 'POST', '/categories', { name: `Wi-Fi ${suffix}`, parentId: network.id });
  const printing = await apiCall<{ id: number }>(admin, 'POST', '/categories', { name: `Impression ${suffix}` });
  await admin.context.dispose();

  const [cable, hotspot, printer] = await reportTickets(
    'La prise réseau du bureau infirmier ne répond plus.',
    'Le Wi-Fi de la salle de pause coupe sans arrêt.',
    "L'imprimante du secrétariat bourre à chaque page.",
  );
  if (cable === undefined || hotspot === undefined || printer === undefined) throw new Error('tickets not reported');
  const technician = await apiSignIn(org.technicianN1.login, USER_PASSWORD);
  for (const [ticket, category] of [
    [cable, network],
    [hotspot, wifi],
    [printer, printing],
  ] as const) {
    await apiCall(technician, 'PATCH', `/tickets/${ticket.id}`, { categoryId: category.id });
  }
  await technician.context.dispose();

  await signInUi(page, org.technicianN1.login);
  await page.goto('/tickets');
  const filters = page.getByRole('form', { name: 'Filtres' });
  await filters.getByLabel('Catégorie', { exact: true }).selectOption({ label: `Réseau ${suffix}` });
  await filters.getByRole('button', { name: 'Rechercher' }).click();

  // The parent category includes its sub-category, and the other category stays out.
  await expect(page).toHaveURL(new RegExp(`categoryId=${network.id}`));
  const rows = page.locator('.ticket-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${cable.id} :`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${hotspot.id} :`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Ticket ${printer.id} :`) })).toHaveCount(0);

  // Dates are typed day first; the "until" day is included whole.
  const opened = parisDay(cable.openedAt);
  await filters.getByLabel('Ouvert à partir du').fill(opened);
  await filters.getByLabel("Ouvert jusqu'au").fill(opened);
  await filters.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/openedTo=\d{4}-\d{2}-\d{2}/);
  await expect(rows).toHaveCount(2);
  await expect(filters.getByLabel("Ouvert jusqu'au")).toHaveValue(opened);

  await filters.getByLabel("Ouvert jusqu'au").fill(parisDay(cable.openedAt, -1));
  await filters.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('0 ticket', { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(0);

  // A date that is not in the calendar is refused before any search.
  await filters.getByLabel("Ouvert jusqu'au").fill('31/02/2026');
  await filters.getByRole('button', { name: 'Rechercher' }).click();
  await expect(filters.getByText('Date invalide')).toBeVisible();
  await expect(filters.getByLabel("Ouvert jusqu'au")).toBeFocused();
});

test('column reordered by keyboard', async ({ page }) => {
  await reportTicket('Le lecteur de badges du vestiaire ne lit plus les cartes.');
  await signInUi(page, org.technicianN1.login);
  await page.goto('/tickets');
  await expect(page.locator('.ticket-table tbody tr').first()).toBeVisible();
  expect((await columnHeaders(page)).slice(4, 6)).toEqual(['Demandeur', 'Lieu']);

  const chooser = page.locator('summary', { hasText: 'Colonnes affichées' });
  await chooser.focus();
  await page.keyboard.press('Enter');
  const up = page.getByRole('button', { name: 'Monter la colonne Lieu' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Monter la colonne Lieu' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect((await columnHeaders(page)).slice(3, 6)).toEqual(['Lieu', 'Statut', 'Demandeur']);

  // The order is kept in the browser for the next visit.
  await page.reload();
  await expect(page.locator('.ticket-table tbody tr').first()).toBeVisible();
  expect((await columnHeaders(page)).slice(3, 6)).toEqual(['Lieu', 'Statut', 'Demandeur']);
});

test('two tickets merged in bulk', async ({ page }) => {
  const marker = `fusion${Date.now().toString(36)}`;
  const [first, second] = (await reportTickets(`Le poste ${marker} de la pharmacie ne démarre plus.`, `Le poste ${marker} de la pharmacie reste sur un écran noir.`)).map(
    (ticket) => ticket.id,
  );

  // Merging takes the ticket:merge right, which the Superviseur profile has.
  await signInUi(page, org.manager.login);
  await page.goto(`/tickets?q=${marker}`);
  await expect(page.locator('.ticket-table tbody tr')).toHaveCount(2);
  await page.getByLabel(`Sélectionner le ticket n° ${first}`).check();
  await page.getByLabel(`Sélectionner le ticket n° ${second}`).check();

  const bulk = page.getByRole('form', { name: /Action groupée/ });
  await bulk.getByLabel('Action').selectOption({ label: 'Fusionner les tickets' });
  await bulk.getByLabel('Ticket conservé').selectOption(String(first));
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(`Fusionner 1 ticket dans le ticket n° ${first} ? Il sera clos.`);
    void dialog.accept();
  });
  await bulk.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.getByText(`1 ticket fusionné dans le ticket n° ${first}.`)).toBeVisible();

  const merged = page.getByRole('row', { name: new RegExp(`Ticket ${second} :`) });
  await expect(merged.getByText('Clos')).toBeVisible();
  await page.goto(`/tickets/${first}`);
  await expect(page.getByText(`Ticket n° ${second} fusionné dans ce ticket`)).toBeVisible();
});
