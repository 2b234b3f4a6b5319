import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Me, Status, Ticket } from '../api/types';
import { fakeApi, type RecordedCall, renderSignedIn, sampleTicket, TECHNICIAN } from '../test-utils';
import Home from './Home';
import { listLink } from './HomeSection';

function ticket(id: number, status: Status, title: string): Ticket {
  return sampleTicket({ id, status, title });
}

const GROUPS = [
  { id: 4, name: 'Support N1' },
  { id: 9, name: 'Réseau N2' },
];

/** Returns the tickets the server would list for these filters and this technician. */
function ticketsFor(call: RecordedCall): Ticket[] {
  const { query } = call;
  if (query.get('assignedUserId') === '7' && query.get('status') === 'new,assigned,planned') return [ticket(101, 'assigned', 'Poste de soins bloqué')];
  if (query.get('assignedUserId') === '7') return [ticket(101, 'assigned', 'Poste de soins bloqué'), ticket(102, 'waiting', 'Badge en commande')];
  if (query.get('assignedGroupId') === '4' && query.get('withoutTechnician') === 'true') return [ticket(201, 'assigned', 'Imprimante du laboratoire')];
  return [];
}

function setup(me: Me) {
  return fakeApi({
    'GET /auth/me': () => ({ status: 200, body: me }),
    'GET /dashboard/counters': () => ({ status: 200, body: { all: 3, new: 1, late: 0, waiting: 1, assigned: 1, planned: 0, solved: 0, closed: 0, dueSoon: 0 } }),
    'GET /tickets': (call) => {
      const items = ticketsFor(call);
      return { status: 200, body: { items, total: items.length, page: 1, perPage: 10 } };
    },
  });
}

describe('Home', () => {
  test('action section excludes waiting', async () => {
    const calls = setup({ ...TECHNICIAN, groups: GROUPS });
    renderSignedIn(<Home />);
    const action = await screen.findByRole('region', { name: 'Tickets à traiter' });
    expect(await within(action).findByRole('row', { name: /Ticket 101/ })).toBeDefined();
    expect(within(action).queryByRole('row', { name: /Ticket 102/ })).toBeNull();
    expect(within(action).getByRole('link', { name: 'Voir tous mes tickets à traiter' }).getAttribute('href')).toBe(
      '/tickets?assignedUserId=7&status=new,assigned,planned&sort=priority&order=desc',
    );
    const request = calls.find((call) => call.path === '/tickets' && call.query.get('status') === 'new,assigned,planned');
    expect(request?.query.get('assignedUserId')).toBe('7');
    expect(action.getAttribute('aria-describedby')).not.toBeNull();
    expect(within(action).getByText(/En attente/).textContent).toContain('approbation du demandeur');
  });

  test('mine section keeps waiting tickets', async () => {
    setup({ ...TECHNICIAN, groups: GROUPS });
    renderSignedIn(<Home />);
    const mine = await screen.findByRole('region', { name: 'Mes tickets en cours' });
    expect(await within(mine).findByRole('row', { name: /Ticket 102/ })).toBeDefined();
    expect(within(mine).getByRole('link', { name: 'Voir tous mes tickets' }).getAttribute('href')).toBe(
      '/tickets?assignedUserId=7&status=new,assigned,planned,waiting&sort=updatedAt&order=desc',
    );
  });

  test('one part per group', async () => {
    const calls = setup({ ...TECHNICIAN, groups: GROUPS });
    renderSignedIn(<Home />);
    const support = await screen.findByRole('region', { name: 'Support N1' });
    expect(await within(support).findByRole('row', { name: /Ticket 201/ })).toBeDefined();
    expect(within(support).getByRole('link', { name: 'Voir tous les nouveaux tickets du groupe Support N1' }).getAttribute('href')).toBe(
      '/tickets?assignedGroupId=4&withoutTechnician=true&status=new,assigned&sort=openedAt&order=asc',
    );
    const network = screen.getByRole('region', { name: 'Réseau N2' });
    expect(await within(network).findByText('Aucun nouveau ticket attribué au groupe Réseau N2.')).toBeDefined();
    const groupRequests = calls.filter((call) => call.path === '/tickets' && call.query.has('assignedGroupId'));
    expect(new Set(groupRequests.map((call) => call.query.get('assignedGroupId')))).toEqual(new Set(['4', '9']));
    expect(groupRequests.every((call) => call.query.get('status') === 'new,assigned' && call.query.get('withoutTechnician') === 'true')).toBe(true);
  });

  test('technician without group', async () => {
    setup(TECHNICIAN);
    renderSignedIn(<Home />);
    const section = await screen.findByRole('region', { name: 'Nouveaux tickets de mes groupes' });
    expect(within(section).getByText("Vous n'êtes membre d'aucun groupe.")).toBeDefined();
    expect(within(section).queryByRole('table')).toBeNull();
  });
});

describe('listLink', () => {
  test('drops paging and empty values', () => {
    expect(listLink({ status: 'new', perPage: 10, page: 2, q: '' })).toBe('/tickets?status=new');
    expect(listLink({})).toBe('/tickets');
  });

  test('encodes instants', () => {
    expect(listLink({ dueBefore: '2026-12-04T12:00:00.000Z', sort: 'ttrDueAt' })).toBe('/tickets?dueBefore=2026-12-04T12%3A00%3A00.000Z&sort=ttrDueAt');
  });
});
