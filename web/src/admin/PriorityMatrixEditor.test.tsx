import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { PriorityMatrixEditor, setCell } from './PriorityMatrixEditor';

const MATRIX = [
  [1, 1, 2, 2, 2],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 4, 4],
  [2, 3, 4, 4, 5],
  [2, 3, 4, 5, 5],
];
const ADMIN = { ...TECHNICIAN, rights: { 'config:update': [1] } };

function setup(put: () => { status: number; body?: unknown }) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: ADMIN }),
    'GET /settings/priority-matrix': () => ({ status: 200, body: MATRIX }),
    'PUT /settings/priority-matrix': put,
  });
  renderSignedIn(<PriorityMatrixEditor />, { path: '/admin/priority-matrix', route: '/admin/priority-matrix' });
  return calls;
}

describe('setCell', () => {
  test('changes one cell only', () => {
    const next = setCell(MATRIX, 2, 5, 1);
    expect(next[1]).toEqual([1, 2, 2, 3, 1]);
    expect(next[0]).toEqual(MATRIX[0]);
    expect(MATRIX[1]?.[4]).toBe(3);
  });
});

describe('PriorityMatrixEditor', () => {
  test('cells show the matrix', async () => {
    setup(() => ({ status: 200 }));
    const cell = (await screen.findByLabelText("Priorité pour l'urgence Très haute et l'impact Très bas")) as HTMLSelectElement;
    expect(cell.value).toBe('2');
    expect(cell.closest('td')?.className).toBe('priority-row-2');
  });

  test('save sends the edited matrix', async () => {
    const calls = setup(() => ({ status: 200, body: MATRIX }));
    const cell = await screen.findByLabelText("Priorité pour l'urgence Basse et l'impact Haut");
    const save = screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(cell, { target: { value: '5' } });
    fireEvent.click(save);
    await screen.findByText('Modifications enregistrées.');
    const put = calls.find((call) => call.method === 'PUT');
    expect((put?.body as number[][])[1]).toEqual([1, 2, 2, 5, 3]);
    expect((put?.body as number[][])[0]).toEqual(MATRIX[0]);
  });

  test('server errors are listed', async () => {
    setup(() => ({ status: 400, body: { code: 'validation_failed', detail: 'Données invalides.', errors: [{ field: '2.1', code: 'too_big', message: 'La valeur doit être au plus 5.' }] } }));
    fireEvent.change(await screen.findByLabelText("Priorité pour l'urgence Moyenne et l'impact Bas"), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La valeur doit être au plus 5.');
  });
});
