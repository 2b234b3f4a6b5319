import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { BulkActions } from './BulkActions';

const ME = { ...TECHNICIAN, rights: { ...TECHNICIAN.rights, 'ticket:assign': [1], 'ticket:change_priority': [1] } };
const REFUSAL = { code: 'ticket_state', detail: 'Action impossible sur ce ticket : ticket clos' };

function setup(ids: number[]) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: ME }),
    'POST /tickets/11/assignees': () => ({ status: 200, body: { id: 11 } }),
    'POST /tickets/12/assignees': () => ({ status: 200, body: { id: 12 } }),
    'POST /tickets/13/assignees': () => ({ status: 409, body: REFUSAL }),
    'PATCH /tickets/11': () => ({ status: 200, body: { id: 11 } }),
    'PATCH /tickets/12': () => ({ status: 400, body: { code: 'validation_failed', detail: 'Données invalides.', errors: [{ field: 'overrideReason', code: 'too_big', message: 'Trop long' }] } }),
  });
  const onDone = vi.fn();
  renderSignedIn(<BulkActions ids={ids} onDone={onDone} />, { path: '/tickets', route: '/tickets' });
  return { calls, onDone };
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
});
