import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderSignedIn, TECHNICIAN } from '../test-utils';
import NewTicket from './NewTicket';

const LOG = new File(['Erreur 0x80 au démarrage.\n'], 'journal.txt', { type: 'text/plain' });
const PROGRAM = new File(['MZ executable'], 'pilote.exe', { type: 'application/octet-stream' });
const REJECTED = { code: 'attachment_executable', detail: 'Le fichier « pilote.exe » est un programme exécutable : ce type de pièce jointe est refusé.' };

function setup(rejectPrograms: boolean) {
  const calls = fakeApi({
    'GET /auth/me': () => ({ status: 200, body: TECHNICIAN }),
    'GET /entities': () => ({ status: 200, body: { items: [], total: 0 } }),
    'GET /locations': () => ({ status: 200, body: { items: [], total: 0 } }),
    'POST /tickets': () => ({ status: 201, body: { id: 55 } }),
    'POST /tickets/55/attachments': () => {
      const uploads = calls.filter((call) => call.path === '/tickets/55/attachments').length;
      return rejectPrograms && uploads === 2 ? { status: 415, body: REJECTED } : { status: 201, body: { id: uploads } };
    },
  });
  renderSignedIn(<NewTicket />, { path: '/tickets/new', route: '/tickets/new' });
  return calls;
}

async function fillAndSend() {
  fireEvent.change(await screen.findByLabelText(/^Description/), { target: { value: "L'imprimante du laboratoire ne répond plus." } });
  fireEvent.change(screen.getByLabelText('Joindre des fichiers'), { target: { files: [LOG, PROGRAM] } });
  fireEvent.click(screen.getByRole('button', { name: 'Créer le ticket' }));
}

describe('NewTicket attachments', () => {
  test('files uploaded after creation', async () => {
    const calls = setup(false);
    await fillAndSend();
    expect(await screen.findByText('moved away')).toBeDefined();
    const order = calls.filter((call) => call.method === 'POST').map((call) => call.path);
    expect(order).toEqual(['/tickets', '/tickets/55/attachments', '/tickets/55/attachments']);
  });

  test('rejected file listed with reason', async () => {
    setup(true);
    await fillAndSend();
    expect(await screen.findByText("Le ticket n° 55 est créé, mais ces fichiers n'ont pas pu y être joints :")).toBeDefined();
    expect(screen.getByText(`pilote.exe : ${REJECTED.detail}`)).toBeDefined();
    expect(screen.queryByText(/journal\.txt :/)).toBeNull();
    expect(screen.getByRole('link', { name: "Ouvrir le ticket pour y joindre d'autres fichiers" }).getAttribute('href')).toBe('/tickets/55');
  });
});
