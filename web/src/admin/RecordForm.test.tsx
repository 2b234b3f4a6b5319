import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { RecordForm } from './RecordForm';
import { RESOURCES } from './resources';

const ADMIN = { ...TECHNICIAN, rights: { 'entity:update': [1] } };
const ENTITIES = RESOURCES.find((resource) => resource.key === 'entities');
if (ENTITIES === undefined) throw new Error('entities resource missing');

const HOSPITAL = {
  id: 2,
  parentId: 1,
  name: 'CH Les Tilleuls',
  type: 'hospital',
  completeName: 'GHT > CH Les Tilleuls',
  autocloseDays: 7,
  calendarId: null,
  satisfactionRate: 100,
  satisfactionDelayDays: 30,
};

const OUT_OF_RANGE = {
  code: 'validation_failed',
  detail: 'La requête contient des valeurs invalides.',
  errors: [{ field: 'satisfactionRate', code: 'too_big', message: 'Trop grand : 100 au maximum attendu' }],
};

function setup(answer: { status: number; body: unknown }) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: ADMIN }),
    'GET /entities': () => ({ status: 200, body: { items: [{ id: 1, name: 'GHT', completeName: 'GHT' }, HOSPITAL], total: 2 } }),
    'GET /calendars': () => ({ status: 200, body: { items: [], total: 0 } }),
    'PATCH /entities/2': () => answer,
  });
  const saved: unknown[] = [];
  renderSignedIn(<RecordForm resource={ENTITIES as NonNullable<typeof ENTITIES>} record={HOSPITAL} onSaved={(record) => saved.push(record)} onCancel={() => undefined} />);
  return { calls, saved };
}

describe('entity form', () => {
  test('shows the survey settings', async () => {
    setup({ status: 200, body: HOSPITAL });
    expect(((await screen.findByLabelText(/^Enquête de satisfaction \(% des tickets clos\)/)) as HTMLInputElement).value).toBe('100');
    expect((screen.getByLabelText(/^Délai de réponse à l'enquête \(jours\)/) as HTMLInputElement).value).toBe('30');
    expect(screen.getByText(/0 désactive l'enquête/)).toBeDefined();
  });

  test('sends the survey settings', async () => {
    const { calls, saved } = setup({ status: 200, body: { ...HOSPITAL, satisfactionRate: 25, satisfactionDelayDays: 10 } });
    fireEvent.change(await screen.findByLabelText(/^Enquête de satisfaction \(% des tickets clos\)/), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText(/^Délai de réponse à l'enquête \(jours\)/), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await expect.poll(() => saved.length).toBe(1);
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({ satisfactionRate: 25, satisfactionDelayDays: 10, autocloseDays: 7 });
  });

  test('server error under its field', async () => {
    setup({ status: 400, body: OUT_OF_RANGE });
    const rate = await screen.findByLabelText(/^Enquête de satisfaction \(% des tickets clos\)/);
    fireEvent.change(rate, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const message = await screen.findByText('Trop grand : 100 au maximum attendu');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(rate.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('empty rate sent as null', async () => {
    const { calls } = setup({ status: 400, body: { ...OUT_OF_RANGE, errors: [{ field: 'satisfactionRate', code: 'invalid_type', message: 'Entrée invalide' }] } });
    fireEvent.change(await screen.findByLabelText(/^Enquête de satisfaction \(% des tickets clos\)/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Entrée invalide');
    const patch = calls.find((call) => call.method === 'PATCH');
    expect((patch?.body as Record<string, unknown>).satisfactionRate).toBeNull();
  });
});
