import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { type StatsForm, StatsFilters } from './StatsForm';

const INITIAL: StatsForm = { from: '2026-11-01', to: '2026-11-30', groupBy: 'technician', interval: 'month', type: '', entityId: '', priority: '', level: '', assignedGroupId: '' };

function setup() {
  fakeApi({
    'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
    'GET /entities': () => ({ status: 200, body: { items: [], total: 0 } }),
    'GET /groups': () => ({ status: 200, body: { items: [], total: 0 } }),
  });
  const onApply = vi.fn();
  renderSignedIn(<StatsFilters initial={INITIAL} onApply={onApply} errorOf={() => undefined} />);
  return onApply;
}

describe('statistics period', () => {
  test('days shown and read day first', async () => {
    const onApply = setup();
    const from = await screen.findByLabelText('Du');
    expect((from as HTMLInputElement).value).toBe('01/11/2026');
    fireEvent.change(from, { target: { value: '3/2/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(onApply).toHaveBeenCalledWith({ ...INITIAL, from: '2026-02-03' });
  });

  test('impossible day is refused', async () => {
    const onApply = setup();
    fireEvent.change(await screen.findByLabelText('Au'), { target: { value: '31/02/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByText('Date invalide : tapez-la au format jj/mm/aaaa, par exemple 04/12/2026.')).toBeTruthy();
  });

  test('blank day is refused', async () => {
    const onApply = setup();
    fireEvent.change(await screen.findByLabelText('Du'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(onApply).not.toHaveBeenCalled();
  });
});
