import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useLocation } from 'react-router';
import type { Ticket } from '../api/types';
import { fakeApi, renderSignedIn, sampleTicket, TECHNICIAN } from '../test-utils';
import { COLUMNS_KEY } from './columnLayout';
import TicketList from './TicketList';

// The page renders the whole filter form and the table, which can take seconds on a loaded machine.
// The default limits (one second per wait, five per test) would then fail correct tests.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const DURAND = { id: 30, login: 'adurand', firstName: 'Alice', lastName: 'Durand', entityId: 1 };

const TICKET: Ticket = sampleTicket({ id: 101, title: 'Bloc sans réseau', priority: 4, categoryId: 5, locationId: 9 });

const list = <T,>(items: T[]) => ({ status: 200, body: { items, total: items.length } });

/** Start of a local day as the API receives it. */
const localStart = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

function LocationProbe() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function setup(path = '/tickets', options: { me?: typeof TECHNICIAN; tickets?: Ticket[]; total?: number; totalExact?: boolean } = {}) {
  const { me = TECHNICIAN, tickets = [TICKET], totalExact = true } = options;
  const total = options.total ?? tickets.length;
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: me }),
    'GET /tickets': () => ({ status: 200, body: { items: tickets, total, totalExact, page: 1, perPage: 15 } }),
    'POST /tickets/102/merge': () => ({ status: 200, body: TICKET }),
    'GET /entities': () => list([{ id: 1, name: 'CH', completeName: 'CH Test' }]),
    'GET /categories': () =>
      list([
        { id: 4, name: 'Matériel', parentId: null, completeName: 'Matériel' },
        { id: 5, name: 'Imprimante', parentId: 4, completeName: 'Matériel > Imprimante' },
      ]),
    'GET /groups': () => list([{ id: 2, name: 'Support N2', entityId: 1, isSupport: true, level: 'N2' }]),
    'GET /locations': () => list([{ id: 9, name: 'Bloc', entityId: 1, completeName: 'Bâtiment A > Bloc' }]),
    'GET /services': () => list([{ id: 3, name: 'Urgences', entityId: 1, criticality: 'vital' }]),
    'GET /users': () => list([DURAND]),
    'GET /users/30': () => ({ status: 200, body: DURAND }),
    'GET /saved-searches': () => ({ status: 200, body: [] }),
  });
  const view = renderSignedIn(
    <>
      <TicketList />
      <LocationProbe />
    </>,
    { path, route: '/tickets' },
  );
  const listCalls = () => calls.filter((call) => call.method === 'GET' && call.path === '/tickets');
  return { calls, view, listCalls, lastQuery: () => listCalls().at(-1)?.query ?? new URLSearchParams() };
}

const search = () => new URLSearchParams(screen.getByTestId('search').textContent ?? '');
/** The filter form, whose labels repeat some column names of the column chooser. */
const filters = () => within(screen.getByRole('form', { name: 'Filtres' }));
const valueOf = (label: string) => (filters().getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
const openColumnChooser = () => fireEvent.click(screen.getByText('Colonnes affichées', { selector: 'summary' }));
const headers = () =>
  screen
    .getAllByRole('columnheader')
    .map((header) => header.textContent?.replace(/[▲▼]/g, '').trim())
    .filter((text) => text !== '');

describe('TicketList filters', () => {
  test('URL filters shown in the form', async () => {
    const solvedTo = localStart(2026, 12, 5);
    setup(`/tickets?categoryId=4&assignedUserId=30&late=true&level=N2&openedFrom=2026-12-01&solvedTo=${encodeURIComponent(solvedTo)}`);
    await waitFor(() => expect(valueOf('Catégorie')).toBe('4'));
    expect(valueOf('Retard (TTR)')).toBe('true');
    expect(valueOf('Niveau')).toBe('N2');
    expect(valueOf('Ouvert à partir du')).toBe('01/12/2026');
    expect(valueOf('Résolu jusqu\'au')).toBe('04/12/2026');
    expect(await screen.findByText(/Durand Alice \(adurand\)/)).toBeTruthy();
    // The disclosure holding the level and solving dates opens by itself and counts them.
    const more = screen.getByText(/Plus de critères/).closest('details');
    expect(more?.open).toBe(true);
    expect(screen.getByText(/Plus de critères/).textContent).toBe('Plus de critères (2 critères actifs)');
  });

  test('URL filters sent to the API', async () => {
    const solvedTo = '2026-12-04T10:37:00.000Z';
    const { lastQuery } = setup(`/tickets?categoryId=4&assignedUserId=30&late=true&openedFrom=2026-12-01&openedTo=2026-12-04&solvedTo=${solvedTo}`);
    await screen.findByRole('row', { name: /Ticket 101/ });
    const query = lastQuery();
    expect(query.get('categoryId')).toBe('4');
    expect(query.get('assignedUserId')).toBe('30');
    expect(query.get('late')).toBe('true');
    expect(query.get('openedFrom')).toBe(localStart(2026, 12, 1));
    expect(query.get('openedTo')).toBe(localStart(2026, 12, 5));
    expect(query.get('solvedTo')).toBe(solvedTo);
    expect(query.get('perPage')).toBe('15');
  });

  test('form filters written to the URL', async () => {
    const { lastQuery } = setup();
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Matériel > Imprimante' })).toHaveLength(1));
    fireEvent.change(filters().getByLabelText('Catégorie'), { target: { value: '5' } });
    fireEvent.change(filters().getByLabelText('Groupe attribué'), { target: { value: '2' } });
    fireEvent.change(filters().getByLabelText('Ouvert à partir du'), { target: { value: '01/12/2026' } });
    fireEvent.change(filters().getByLabelText('Ouvert jusqu\'au'), { target: { value: '4/12/2026' } });
    fireEvent.click(screen.getByText(/Plus de critères/));
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Bâtiment A > Bloc' })).toHaveLength(1));
    fireEvent.change(filters().getByLabelText('Lieu'), { target: { value: '9' } });
    fireEvent.change(filters().getByLabelText('Service du demandeur'), { target: { value: '3' } });
    fireEvent.change(filters().getByLabelText('Niveau'), { target: { value: 'N3' } });
    fireEvent.change(filters().getByLabelText('Urgence'), { target: { value: '5' } });
    fireEvent.change(filters().getByLabelText('Impact'), { target: { value: '4' } });
    fireEvent.change(filters().getByLabelText('Clos à partir du'), { target: { value: '02/12/2026' } });
    fireEvent.change(filters().getByLabelText('Échéance (TTR) jusqu\'au'), { target: { value: '10/12/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));

    await waitFor(() => expect(search().get('categoryId')).toBe('5'));
    const url = search();
    expect(url.get('assignedGroupId')).toBe('2');
    expect(url.get('locationId')).toBe('9');
    expect(url.get('serviceId')).toBe('3');
    expect(url.get('level')).toBe('N3');
    expect(url.get('urgency')).toBe('5');
    expect(url.get('impact')).toBe('4');
    expect(url.get('openedFrom')).toBe('2026-12-01');
    expect(url.get('openedTo')).toBe('2026-12-04');
    expect(url.get('closedFrom')).toBe('2026-12-02');
    expect(url.get('dueBefore')).toBe('2026-12-10');

    await waitFor(() => expect(lastQuery().get('categoryId')).toBe('5'));
    const query = lastQuery();
    expect(query.get('openedFrom')).toBe(localStart(2026, 12, 1));
    expect(query.get('openedTo')).toBe(localStart(2026, 12, 5));
    expect(query.get('closedFrom')).toBe(localStart(2026, 12, 2));
    expect(query.get('dueBefore')).toBe(localStart(2026, 12, 11));
    expect(query.get('locationId')).toBe('9');
  });

  test('category alone, without sub-categories', async () => {
    const { lastQuery } = setup();
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Matériel' }).length).toBeGreaterThan(0));
    const subcategories = filters().getByLabelText('Sous-catégories comprises') as HTMLInputElement;
    expect(subcategories.disabled).toBe(true);
    fireEvent.change(filters().getByLabelText('Catégorie'), { target: { value: '4' } });
    expect(subcategories.checked).toBe(true);
    fireEvent.click(subcategories);
    fireEvent.click(filters().getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(lastQuery().get('includeSubcategories')).toBe('false'));
    expect(lastQuery().get('categoryId')).toBe('4');
  });

  test('statistics criteria from a link', async () => {
    const { lastQuery } = setup('/tickets?categoryId=none&assignedGroupId=none&withoutTechnician=true&requesterProfile=medecin&ttrLate=true&survey=opened&measured=actionTime');
    await waitFor(() => expect(lastQuery().get('measured')).toBe('actionTime'));
    expect(valueOf('Catégorie')).toBe('none');
    expect(valueOf('Groupe attribué')).toBe('none');
    expect(valueOf('Attribution à un technicien')).toBe('true');
    expect(valueOf('Fonction du demandeur')).toBe('medecin');
    expect(valueOf('Résolution dans le délai (TTR)')).toBe('true');
    expect(valueOf('Enquête de satisfaction')).toBe('opened');
    expect(valueOf('Valeur mesurée')).toBe('actionTime');
    const query = lastQuery();
    for (const [key, value] of [
      ['categoryId', 'none'],
      ['assignedGroupId', 'none'],
      ['withoutTechnician', 'true'],
      ['requesterProfile', 'medecin'],
      ['ttrLate', 'true'],
      ['survey', 'opened'],
    ]) {
      expect(query.get(key as string)).toBe(value);
    }
  });

  test('requester picked by login', async () => {
    const { lastQuery } = setup();
    fireEvent.click(await screen.findByText(/Plus de critères/));
    fireEvent.change(filters().getByLabelText('Demandeur'), { target: { value: 'dur' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Durand Alice (adurand)' }));
    expect(screen.getByRole('button', { name: 'Changer : Demandeur' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(search().get('requesterId')).toBe('30'));
    await waitFor(() => expect(lastQuery().get('requesterId')).toBe('30'));
  });

  test('invalid date blocks the search', async () => {
    const { listCalls } = setup();
    await screen.findByRole('row', { name: /Ticket 101/ });
    const before = listCalls().length;
    fireEvent.click(screen.getByText(/Plus de critères/));
    fireEvent.change(filters().getByLabelText('Résolu à partir du'), { target: { value: '31/02/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    const field = filters().getByLabelText('Résolu à partir du');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Date invalide : tapez-la au format jj/mm/aaaa, par exemple 04/12/2026.')).toBeTruthy();
    expect(search().get('solvedFrom')).toBeNull();
    expect(listCalls()).toHaveLength(before);
  });

  test('unlisted URL value kept', async () => {
    setup('/tickets?priority=5,6');
    await screen.findByRole('form', { name: 'Filtres' });
    const select = filters().getByLabelText('Priorité');
    expect((select as HTMLSelectElement).value).toBe('5,6');
    expect(within(select).getByRole('option', { name: 'Sélection actuelle : 5,6' })).toBeTruthy();
    fireEvent.change(filters().getByLabelText('Texte'), { target: { value: 'écran' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(search().get('q')).toBe('écran'));
    expect(search().get('priority')).toBe('5,6');
  });

  test('reset clears every filter', async () => {
    setup('/tickets?categoryId=4&late=true&closedTo=2026-12-04&sort=priority');
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(search().get('categoryId')).toBeNull());
    expect(search().get('late')).toBeNull();
    expect(search().get('closedTo')).toBeNull();
    expect(search().get('sort')).toBe('priority');
  });
});

describe('TicketList columns', () => {
  test('location column shows the place', async () => {
    setup();
    const row = await screen.findByRole('row', { name: /Ticket 101/ });
    await waitFor(() => expect(within(row).getByText('Bâtiment A > Bloc')).toBeTruthy());
  });

  test('column moved by keyboard and kept', async () => {
    const { view } = setup();
    await screen.findByRole('row', { name: /Ticket 101/ });
    openColumnChooser();
    expect(headers().slice(0, 6)).toEqual(['ID', 'Titre', 'Entité', 'Statut', 'Demandeur', 'Lieu']);

    const up = screen.getByRole('button', { name: 'Monter la colonne Lieu' });
    up.focus();
    fireEvent.click(up);
    expect(headers().slice(0, 6)).toEqual(['ID', 'Titre', 'Entité', 'Statut', 'Lieu', 'Demandeur']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Monter la colonne Lieu' }));
    expect(screen.getByText('Colonne Lieu en position 5 sur 12.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Descendre la colonne ID' }));
    expect(headers().slice(0, 2)).toEqual(['Titre', 'ID']);
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as { order: string[] };
    expect(stored.order.slice(0, 6)).toEqual(['title', 'id', 'entity', 'status', 'location', 'requester']);

    view.unmount();
    setup();
    await screen.findByRole('row', { name: /Ticket 101/ });
    expect(headers().slice(0, 6)).toEqual(['Titre', 'ID', 'Entité', 'Statut', 'Lieu', 'Demandeur']);
  });

  test('focus kept at the top end', async () => {
    setup();
    await screen.findByRole('row', { name: /Ticket 101/ });
    openColumnChooser();
    const up = screen.getByRole('button', { name: 'Monter la colonne Titre' });
    up.focus();
    fireEvent.click(up);
    expect((screen.getByRole('button', { name: 'Monter la colonne Titre' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Descendre la colonne Titre' }));
  });

  test('hidden column kept in its place', async () => {
    setup();
    await screen.findByRole('row', { name: /Ticket 101/ });
    openColumnChooser();
    const checkboxes = within(screen.getByRole('group', { name: 'Colonnes affichées' })).getAllByRole('checkbox');
    const entity = checkboxes.find((box) => box.parentElement?.textContent === 'Entité');
    fireEvent.click(entity as HTMLElement);
    expect(headers().slice(0, 3)).toEqual(['ID', 'Titre', 'Statut']);
    fireEvent.click(entity as HTMLElement);
    expect(headers().slice(0, 3)).toEqual(['ID', 'Titre', 'Entité']);
  });
});

describe('TicketList bulk actions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('merge summary kept after success', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const me = { ...TECHNICIAN, rights: { ...TECHNICIAN.rights, 'ticket:merge': [1] } };
    const { calls } = setup('/tickets', { me, tickets: [TICKET, { ...TICKET, id: 102, title: 'Bloc toujours sans réseau' }] });
    fireEvent.click(await screen.findByLabelText('Sélectionner le ticket n° 101'));
    fireEvent.click(screen.getByLabelText('Sélectionner le ticket n° 102'));
    const bulk = within(screen.getByRole('form', { name: 'Action groupée : 2 tickets sélectionnés' }));
    fireEvent.change(bulk.getByLabelText('Action'), { target: { value: 'merge' } });
    fireEvent.change(bulk.getByLabelText('Ticket conservé'), { target: { value: '101' } });
    expect(bulk.getByRole('option', { name: 'n° 102 Bloc toujours sans réseau' })).toBeTruthy();
    fireEvent.click(bulk.getByRole('button', { name: 'Appliquer' }));

    expect(await screen.findByText('1 ticket fusionné dans le ticket n° 101.')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body])).toEqual([['/tickets/102/merge', { intoTicketId: 101 }]]);
    expect((screen.getByLabelText('Sélectionner le ticket n° 101') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('form', { name: /Action groupée/ })).toBeNull();
  });
});

describe('inexact total', () => {
  test('shows at least and allows the next page', async () => {
    const fullPage = Array.from({ length: 15 }, (_, index) => ({ ...TICKET, id: 200 + index }));
    setup('/tickets?q=imprimante', { tickets: fullPage, total: 1000, totalExact: false });
    expect(await screen.findByText(/^Au moins 1\s?000 tickets$/)).toBeTruthy();
    expect(screen.getByText('Page 1 sur au moins 67')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Page suivante' }).disabled).toBe(false);
  });
});

