import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { fakeApi } from '../test-utils';
import { AttachmentPicker, UploadFailures, uploadAttachments } from './AttachmentPicker';

const REPORT = new File(['Erreur 0x80 au démarrage.\n'], 'journal.txt', { type: 'text/plain', lastModified: 1 });
const PHOTO = new File([new Uint8Array(2048)], 'ecran.png', { type: 'image/png', lastModified: 2 });

function Picker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  return (
    <AttachmentPicker
      files={files}
      onChange={(next) => {
        setFiles(next);
        onFiles(next);
      }}
    />
  );
}

function setup() {
  const seen: File[][] = [];
  render(<Picker onFiles={(files) => seen.push(files)} />);
  return { seen, input: screen.getByLabelText('Joindre des fichiers') };
}

describe('AttachmentPicker', () => {
  test('lists picked files with sizes', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { files: [REPORT, PHOTO] } });
    const list = screen.getByRole('list', { name: 'Fichiers à joindre' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('ecran.png')).toBeDefined();
    expect(within(list).getByText('2 Ko')).toBeDefined();
  });

  test('same file picked twice kept once', () => {
    const { input, seen } = setup();
    fireEvent.change(input, { target: { files: [REPORT] } });
    fireEvent.change(input, { target: { files: [REPORT, PHOTO] } });
    expect(seen.at(-1)?.map((file) => file.name)).toEqual(['journal.txt', 'ecran.png']);
  });

  test('remove button drops one file', () => {
    const { input, seen } = setup();
    fireEvent.change(input, { target: { files: [REPORT, PHOTO] } });
    fireEvent.click(screen.getByRole('button', { name: 'Retirer journal.txt' }));
    expect(seen.at(-1)?.map((file) => file.name)).toEqual(['ecran.png']);
    expect(screen.queryByText('journal.txt')).toBeNull();
  });

  test('dropped files are added', () => {
    const { input, seen } = setup();
    const zone = input.closest('.drop-zone');
    if (zone === null) throw new Error('drop zone missing');
    fireEvent.dragOver(zone);
    expect(zone.className).toContain('is-over');
    fireEvent.drop(zone, { dataTransfer: { files: [PHOTO] } });
    expect(zone.className).not.toContain('is-over');
    expect(seen.at(-1)?.map((file) => file.name)).toEqual(['ecran.png']);
  });
});

describe('uploadAttachments', () => {
  test('returns each rejected file', async () => {
    let uploads = 0;
    const calls = fakeApi({
      'POST /tickets/42/attachments': () => {
        uploads += 1;
        return uploads === 1
          ? { status: 201, body: { id: 1, name: 'journal.txt' } }
          : { status: 413, body: { code: 'attachment_too_large', detail: 'Le fichier dépasse la taille maximale des pièces jointes (20 Mo).' } };
      },
    });
    const failures = await uploadAttachments(42, [REPORT, PHOTO]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /tickets/42/attachments', 'POST /tickets/42/attachments']);
    expect(failures.map((failure) => failure.name)).toEqual(['ecran.png']);

    render(<UploadFailures failures={failures} />);
    expect(screen.getByText('ecran.png : Le fichier dépasse la taille maximale des pièces jointes (20 Mo).')).toBeDefined();
  });

  test('no files, no request', async () => {
    const calls = fakeApi({});
    expect(await uploadAttachments(42, [])).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
