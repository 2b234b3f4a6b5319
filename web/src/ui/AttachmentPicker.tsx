import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Attachment } from '../api/extraTypes';
import { useErrorText } from './ErrorMessage';
import { formatSize } from './format';

/** A file the server rejected, with the error it returned. */
export interface UploadFailure {
  name: string;
  error: unknown;
}

/**
 * Uploads the files to a ticket one after the other and returns those that failed. The server
 * checks each file's size and type from its content, and words each rejection in the user's language.
 */
export async function uploadAttachments(ticketId: number, files: readonly File[]): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api<Attachment>(`/tickets/${ticketId}/attachments`, { method: 'POST', body: form });
    } catch (error) {
      failures.push({ name: file.name, error });
    }
  }
  return failures;
}

function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

interface AttachmentPickerProps {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}

/**
 * Collects files for a ticket that does not exist yet, by file picker or drag and drop. The form
 * uploads them with uploadAttachments once the ticket is created.
 */
export function AttachmentPicker({ files, onChange, disabled = false }: AttachmentPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const add = (list: FileList | null) => {
    if (list === null) return;
    const added = Array.from(list).filter((file) => !files.some((kept) => sameFile(kept, file)));
    if (added.length > 0) onChange([...files, ...added]);
    // Emptied so that picking the same file again after removing it fires a change.
    if (input.current !== null) input.current.value = '';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(event.dataTransfer.files);
  };

  return (
    <div
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={`${id}-input`}>{t('attachments.pick')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('attachments.pickHint')}
      </p>
      <input ref={input} id={`${id}-input`} type="file" multiple aria-describedby={`${id}-hint`} disabled={disabled} onChange={(event) => add(event.target.files)} />
      {files.length > 0 && (
        <ul className="picked-files" aria-label={t('attachments.picked')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} <span className="muted">{formatSize(file.size, i18n.language)}</span>{' '}
              <button
                type="button"
                className="button button-link"
                disabled={disabled}
                aria-label={t('attachments.removeOne', { name: file.name })}
                onClick={() => onChange(files.filter((_, position) => position !== index))}
              >
                {t('attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Lists the files the server rejected, each with its reason, and renders nothing when all were accepted. */
export function UploadFailures({ failures }: { failures: readonly UploadFailure[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (failures.length === 0) return null;
  return (
    <ul className="alert alert-error">
      {failures.map((failure, index) => (
        <li key={index}>{t('attachments.failed', { name: failure.name, message: errorText(failure.error) })}</li>
      ))}
    </ul>
  );
}

/** Replaces a new-ticket form when the ticket was created but some of its files were rejected. */
export function CreatedWithFailures({ message, failures, children }: { message: string; failures: readonly UploadFailure[]; children: ReactNode }) {
  return (
    <div role="alert" className="card stack">
      <p>{message}</p>
      <UploadFailures failures={failures} />
      {children}
    </div>
  );
}
