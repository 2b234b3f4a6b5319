import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import { SolutionAnswer } from './SolutionAnswer';

const ticket = { id: 12, status: 'assigned', assignedUsers: [], assignedGroups: [], observers: [] };

describe('SolutionAnswer', () => {
  test('refusal needs a reason', async () => {
    const calls = fakeApi({
      'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
      'POST /tickets/12/approval': () => ({ status: 200, body: ticket }),
    });
    renderSignedIn(<SolutionAnswer ticketId={12} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Non, ça ne va pas' }));
    const send = screen.getByRole('button', { name: 'Envoyer ma réponse' });
    expect((send as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText(/Qu'est-ce qui ne va pas/), { target: { value: "L'imprimante bloque encore." } });
    fireEvent.click(send);

    await screen.findByText(/la demande est rouverte/);
    const approval = calls.find((call) => call.path === '/tickets/12/approval');
    expect(approval?.body).toEqual({ approved: false, comment: "L'imprimante bloque encore." });
    expect(approval?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  test('approval in one click', async () => {
    const calls = fakeApi({
      'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
      'POST /tickets/12/approval': () => ({ status: 200, body: { ...ticket, status: 'closed' } }),
    });
    renderSignedIn(<SolutionAnswer ticketId={12} />);

    fireEvent.click(await screen.findByRole('button', { name: "Oui, c'est réglé" }));

    await screen.findByText('Merci, la demande est close.');
    await waitFor(() => expect(calls.find((call) => call.path === '/tickets/12/approval')?.body).toEqual({ approved: true }));
  });

  test('server field error shown beside', async () => {
    fakeApi({
      'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
      'POST /tickets/12/approval': () => ({
        status: 400,
        body: { code: 'validation_failed', detail: 'Données invalides.', errors: [{ field: 'comment', code: 'custom', message: 'Un refus demande un commentaire.' }] },
      }),
    });
    renderSignedIn(<SolutionAnswer ticketId={12} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Non, ça ne va pas' }));
    fireEvent.change(screen.getByLabelText(/Qu'est-ce qui ne va pas/), { target: { value: ' x ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer ma réponse' }));

    const message = await screen.findByText('Un refus demande un commentaire.');
    const textarea = screen.getByLabelText(/Qu'est-ce qui ne va pas/);
    expect(textarea.getAttribute('aria-describedby')).toContain(message.id);
  });
});
