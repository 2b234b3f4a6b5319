import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Status, Ticket } from '../api/types';
import { fakeApi, renderSignedIn, sampleTicket, TECHNICIAN } from '../test-utils';
import { Kanban } from './Kanban';

function ticket(id: number, status: Status): Ticket {
  return sampleTicket({ id, status, description: '', requester: null, assignedUsers: [{ id: 7, name: 'Martin Claire' }] });
}

const FORBIDDEN = { code: 'transition_forbidden', detail: 'Le passage du statut « En cours (attribué) » au statut « Clos » n’est pas autorisé pour votre profil.' };

function setup() {
  const tickets = [ticket(101, 'new'), ticket(102, 'assigned'), ticket(103, 'planned')];
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
    'GET /tickets': () => ({ status: 200, body: { items: tickets, total: tickets.length, page: 1, perPage: 200 } }),
    'PATCH /tickets/101': (call) => {
      const body = call.body as { status: Status };
      tickets[0] = { ...ticket(101, body.status) };
      return { status: 200, body: tickets[0] };
    },
    'PATCH /tickets/102': () => ({ status: 409, body: FORBIDDEN }),
    'PATCH /tickets/103': (call) => ({ status: 200, body: ticket(103, (call.body as { status: Status }).status) }),
  });
  renderSignedIn(<Kanban query={{}} />, { path: '/tickets', route: '/tickets' });
  return calls;
}

const column = (name: RegExp) => screen.getByRole('region', { name });
const patches = (calls: ReturnType<typeof fakeApi>) => calls.filter((call) => call.method === 'PATCH');

describe('Kanban', () => {
  test('cards sorted into columns', async () => {
    setup();
    await screen.findByText(/Panne 101/);
    expect(within(column(/^Nouveau/)).getByText(/Panne 101/)).toBeTruthy();
    expect(within(column(/^En cours \(attribué\)/)).getByText(/Panne 102/)).toBeTruthy();
  });

  test('arrow key moves a card', async () => {
    const calls = setup();
    const card = await screen.findByRole('listitem', { name: /Ticket 101/ });
    card.focus();
    fireEvent.keyDown(card, { key: 'ArrowRight' });
    expect(await screen.findByText('Ticket n° 101 déplacé vers « En cours (attribué) ».')).toBeTruthy();
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0]?.path).toBe('/tickets/101');
    expect(patches(calls)[0]?.body).toEqual({ status: 'assigned' });
  });

  test('arrow past the edge does nothing', async () => {
    const calls = setup();
    const card = await screen.findByRole('listitem', { name: /Ticket 101/ });
    fireEvent.keyDown(card, { key: 'ArrowLeft' });
    expect(patches(calls)).toHaveLength(0);
  });

  test('drop on a column moves', async () => {
    const calls = setup();
    const card = await screen.findByRole('listitem', { name: /Ticket 101/ });
    const store = new Map<string, string>();
    const dataTransfer = { setData: (type: string, value: string) => store.set(type, value), getData: (type: string) => store.get(type) ?? '', effectAllowed: 'all' };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column(/^En cours \(planifié\)/), { dataTransfer });
    fireEvent.drop(column(/^En cours \(planifié\)/), { dataTransfer });
    await screen.findByText(/déplacé vers « En cours \(planifié\) »/);
    expect(patches(calls)[0]?.body).toEqual({ status: 'planned' });
  });

  test('forbidden move shows the reason', async () => {
    setup();
    const card = await screen.findByRole('listitem', { name: /Ticket 102/ });
    fireEvent.keyDown(card, { key: 'ArrowRight' });
    expect((await screen.findByRole('alert')).textContent).toBe(FORBIDDEN.detail);
    expect(within(column(/^En cours \(attribué\)/)).getByText(/Panne 102/)).toBeTruthy();
  });

  test('waiting asks for the reason', async () => {
    const calls = setup();
    const card = await screen.findByRole('listitem', { name: /Ticket 103/ });
    fireEvent.keyDown(card, { key: 'ArrowRight' });
    expect(patches(calls)).toHaveLength(0);
    const reason = await screen.findByLabelText("Motif de l'attente");
    fireEvent.change(reason, { target: { value: 'Pièce commandée' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mettre en attente' }));
    await screen.findByText(/déplacé vers « En attente »/);
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0]?.path).toBe('/tickets/103');
    expect(patches(calls)[0]?.body).toEqual({ status: 'waiting', waitingReason: 'Pièce commandée' });
  });
});
