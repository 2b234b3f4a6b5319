import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { BulkActions } from './BulkActions';

const ME = { ...TECHNICIAN, rights: { ...TECHNICIAN.rights, 'ticket:assign': [1], 'ticket:change_priority': [1], 'ticket:merge': [1] } };
const REFUSAL = { code: 'ticket_state', detail: 'Action impossible sur ce ticket : ticket clos' };
const CLOSED = { code: 'ticket_closed', detail: 'Le ticket n° 13 est clos.' };
const TITLES = new Map([
  [11, 'Imprimante du bloc'],
  [12, 'Imprimante du bloc, bis'],
]);

function setup(ids: number[]) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: ME }),
    'POST /tickets/11/assignees': () => ({ status: 200, body: { id: 11 } }),
    'POST /tickets/12/assignees': () => ({ status: 200, body: { id: 12 } }),
    'POST /tickets/13/assignees': () => ({ status: 409, body: REFUSAL }),
    'PATCH /tickets/11': () => ({ status: 200, body: { id: 11 } }),
    'PATCH /tickets/12': () => ({ status: 400, body: { code: 'validation_failed', detail: 'Données invalides.', errors: [{ field: 'overrideReason', code: 'too_big', message: 'Trop long' }] } }),
    'POST /tickets/12/merge': () => ({ status: 200, body: { id: 11 } }),
    'POST /tickets/13/merge': () => ({ status: 409, body: CLOSED }),
    'POST /tickets/14/merge': () => ({ status: 200, body: { id: 11 } }),
  });
  const onDone = vi.fn();
  renderSignedIn(<BulkActions ids={ids} titles={TITLES} onDone={onDone} />, { path: '/tickets', route: '/tickets' });
  return { calls, onDone };
}

async function chooseMerge(target: string) {
  fireEvent.change(await screen.findByLabelText('Action'), { target: { value: 'merge' } });
  fireEvent.change(screen.getByLabelText('Ticket conservé'), { target: { value: target } });
}

describe('BulkActions', () => {
  test('summary counts each outcome', async () => {
    const { calls, onDone } = setup([11, 12, 13]);
    fireEvent.click(await screen.findByRole('button', { name: 'Appliquer' }));
    const status = await screen.findByText(/2 tickets modifiés\./);
    expect(status.textContent).toContain('1 échec :');
    const failures = screen.getByRole('alert', { name: 'Tickets non modifiés' });
    expect(within(failures).getAllByRole('listitem').map((item) => item.textContent)).toEqual([`Ticket n° 13 : ${REFUSAL.detail}`]);
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{ userId: 7 }, { userId: 7 }, { userId: 7 }]);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  test('one request per ticket', async () => {
    const { calls } = setup([11, 12]);
    fireEvent.change(await screen.findByLabelText('Action'), { target: { value: 'priority' } });
    fireEvent.change(screen.getByLabelText('Priorité'), { target: { value: '5' } });
    const apply = screen.getByRole('button', { name: 'Appliquer' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Motif du changement de priorité'), { target: { value: 'Bloc opératoire' } });
    fireEvent.click(apply);
    await screen.findByText(/1 ticket modifié\./);
    const patches = calls.filter((call) => call.method === 'PATCH');
    expect(patches.map((call) => call.path)).toEqual(['/tickets/11', '/tickets/12']);
    expect(patches[0]?.body).toEqual({ priority: 5, overrideReason: 'Bloc opératoire' });
  });

  test('all succeeded shows no failure', async () => {
    setup([11]);
    fireEvent.click(await screen.findByRole('button', { name: 'Appliquer' }));
    expect((await screen.findByRole('status')).textContent?.trim()).toBe('1 ticket modifié.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('merge into the chosen ticket', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls, onDone } = setup([12, 11, 14]);
    await chooseMerge('11');
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(await screen.findByText('2 tickets fusionnés dans le ticket n° 11.')).toBeTruthy();
    expect(confirm).toHaveBeenCalledWith('Fusionner 2 tickets dans le ticket n° 11 ? Ils seront clos.');
    const merges = calls.filter((call) => call.path.endsWith('/merge'));
    expect(merges.map((call) => call.path)).toEqual(['/tickets/12/merge', '/tickets/14/merge']);
    expect(merges.map((call) => call.body)).toEqual([{ intoTicketId: 11 }, { intoTicketId: 11 }]);
    expect(onDone).toHaveBeenCalledWith({ succeeded: [12, 14], failed: [] });
  });

  test('merge failure listed per ticket', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    setup([11, 12, 13]);
    await chooseMerge('11');
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer' }));
    const failures = await screen.findByRole('alert', { name: 'Tickets non modifiés' });
    expect(within(failures).getAllByRole('listitem').map((item) => item.textContent)).toEqual([`Ticket n° 13 : ${CLOSED.detail}`]);
    expect(screen.getByRole('status').textContent).toContain('1 ticket fusionné dans le ticket n° 11.');
  });

  test('merge cancelled sends nothing', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { calls, onDone } = setup([11, 12]);
    await chooseMerge('12');
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  test('merge target listed with titles', async () => {
    setup([12, 11, 14]);
    fireEvent.change(await screen.findByLabelText('Action'), { target: { value: 'merge' } });
    const target = screen.getByLabelText('Ticket conservé');
    expect(within(target).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choisir…', 'n° 11 Imprimante du bloc', 'n° 12 Imprimante du bloc, bis', 'n° 14']);
    expect((screen.getByRole('button', { name: 'Appliquer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('merge needs two tickets', async () => {
    setup([11]);
    await chooseMerge('11');
    expect(screen.getByText('Sélectionnez au moins deux tickets à fusionner.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Appliquer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
