import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { Satisfaction } from './Satisfaction';

const NURSE = { ...TECHNICIAN, interface: 'helpdesk' as const };
const SURVEY = { ticketId: 42, rating: null, comment: null, answeredAt: null, closedAt: '2026-12-04T10:00:00.000Z', expiresAt: '2027-01-03T10:00:00.000Z', expired: false };

function setup(survey: () => { status: number; body?: unknown }) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: NURSE }),
    'GET /tickets/42/satisfaction': survey,
    'PUT /tickets/42/satisfaction': (call) => ({ status: 200, body: { ...SURVEY, ...(call.body as object), answeredAt: '2026-12-04T11:00:00.000Z' } }),
  });
  renderSignedIn(<Satisfaction ticketId={42} />, { path: '/tickets/42', route: '/tickets/:id' });
  return calls;
}

describe('Satisfaction', () => {
  test('one tap sends the rating', async () => {
    const calls = setup(() => ({ status: 200, body: SURVEY }));
    fireEvent.click(await screen.findByRole('button', { name: '4 étoiles sur 5' }));
    expect(await screen.findByText('Merci ! Votre note : 4 étoiles sur 5.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ rating: 4, comment: null });
    expect(screen.getByRole('button', { name: '4 étoiles sur 5' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('comment keeps the rating', async () => {
    const calls = setup(() => ({ status: 200, body: { ...SURVEY, rating: 2 } }));
    fireEvent.change(await screen.findByLabelText(/Un commentaire/), { target: { value: 'Réponse lente' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le commentaire' }));
    await screen.findByDisplayValue('Réponse lente');
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ rating: 2, comment: 'Réponse lente' });
  });

  test('ticket outside the survey shows nothing', async () => {
    const calls = setup(() => ({ status: 404, body: { code: 'not_found', detail: 'Enquête introuvable.' } }));
    await waitFor(() => expect(calls.some((call) => call.path === '/tickets/42/satisfaction')).toBe(true));
    expect(screen.queryByRole('button', { name: /étoile/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
