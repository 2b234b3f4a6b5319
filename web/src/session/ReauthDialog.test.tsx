import { useMutation } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { api } from '../api/client';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';

// A page with a text the user is typing and a button that sends it.
function DraftPage() {
  const [text, setText] = useState('');
  const save = useMutation({ mutationFn: () => api<{ ok: boolean }>('/drafts', { method: 'POST', body: { text } }) });
  return (
    <div>
      <label htmlFor="draft">Brouillon</label>
      <textarea id="draft" value={text} onChange={(event) => setText(event.target.value)} />
      <button type="button" onClick={() => save.mutate()}>
        Envoyer le brouillon
      </button>
      {save.isSuccess && <p>brouillon enregistré</p>}
    </div>
  );
}

describe('session expiry', () => {
  test('dialog keeps the typed text', async () => {
    let sessionValid = true;
    const calls = fakeApi({
      'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
      'POST /drafts': () => (sessionValid ? { status: 200, body: { ok: true } } : { status: 401, body: { code: 'session_expired', detail: 'Session expirée.' } }),
      'POST /auth/login': () => {
        sessionValid = true;
        return { status: 200, body: { ...TECHNICIAN, csrfToken: 'csrf-token-2' } };
      },
    });
    renderSignedIn(<DraftPage />);

    const draft = await screen.findByLabelText('Brouillon');
    fireEvent.change(draft, { target: { value: 'Écran noir au poste 3' } });
    sessionValid = false;
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le brouillon' }));

    const dialog = await screen.findByRole('dialog', { name: 'Votre session a expiré' });
    expect((screen.getByLabelText('Brouillon', { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe('Écran noir au poste 3');
    expect((screen.getByLabelText(/^Identifiant/) as HTMLInputElement).value).toBe('tech.n1');

    fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: 'secret-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    await screen.findByText('brouillon enregistré');
    expect(dialog.isConnected).toBe(false);
    const retried = calls.filter((call) => call.path === '/drafts');
    expect(retried).toHaveLength(2);
    expect(retried[1]?.body).toEqual({ text: 'Écran noir au poste 3' });
    expect(retried[1]?.headers['x-csrf-token']).toBe('csrf-token-2');
  });
});
