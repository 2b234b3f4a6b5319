import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Ticket } from '../api/types';
import { fakeApi, renderSignedIn, sampleTicket, TECHNICIAN } from '../test-utils';
import { TicketTable } from './TicketTable';

function ticket(id: number, priority: number, title: string): Ticket {
  return sampleTicket({ id, priority, title });
}

const TICKETS = [ticket(101, 6, 'Bloc sans réseau'), ticket(102, 2, 'Souris cassée'), ticket(103, 4, 'Imprimante bloquée')];

function setup() {
  fakeApi({
    'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
    'GET /entities': () => ({ status: 200, body: { items: [{ id: 1, name: 'CH', completeName: 'CH Test' }], total: 1 } }),
  });
  renderSignedIn(<TicketTable caption="Tickets" tickets={TICKETS} columns={['id', 'title', 'entity', 'priority']} />, { path: '/tickets', route: '/tickets' });
}

describe('TicketTable', () => {
  test('rows coloured by priority', async () => {
    setup();
    const row = await screen.findByRole('row', { name: /Ticket 101/ });
    expect(row.className).toBe('priority-row-6');
    expect(screen.getByRole('row', { name: /Ticket 102/ }).className).toBe('priority-row-2');
  });

  test('arrow keys move the focus', async () => {
    setup();
    const first = await screen.findByRole('row', { name: /Ticket 101/ });
    expect(first.tabIndex).toBe(0);
    expect(screen.getByRole('row', { name: /Ticket 102/ }).tabIndex).toBe(-1);

    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('row', { name: /Ticket 102/ }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('row', { name: /Ticket 103/ }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('row', { name: /Ticket 103/ }));
  });

  test('Enter opens the ticket', async () => {
    setup();
    const row = await screen.findByRole('row', { name: /Ticket 102/ });
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(await screen.findByText('moved away')).toBeTruthy();
  });

  test('entity name from the directory', async () => {
    setup();
    expect((await screen.findAllByText('CH Test')).length).toBe(3);
  });
});
