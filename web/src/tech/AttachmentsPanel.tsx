import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, useAttachments, useDeleteAttachment, useUploadAttachment } from '../api/ticketExtras';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage, useErrorText } from '../ui/ErrorMessage';
import { formatDateTime, formatSize } from '../ui/format';

interface Failure {
  name: string;
  error: unknown;
}

/**
 * Renders the ticket's files with download links and deletion, and uploads new ones by file picker or
 * drag and drop. The server checks each file's type from its content and its size, and each rejection is listed per file.
 */
export function AttachmentsPanel({ ticketId, canChange }: { ticketId: number; canChange: boolean }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const errorText = useErrorText();
  const attachments = useAttachments(ticketId);
  const upload = useUploadAttachment(ticketId);
  const remove = useDeleteAttachment(ticketId);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);

  const send = async (files: FileList | null) => {
    if (files === null || files.length === 0) return;
    const failed: Failure[] = [];
    for (const file of Array.from(files)) {
      try {
        await upload.mutateAsync(file);
      } catch (error) {
        failed.push({ name: file.name, error });
      }
    }
    setFailures(failed);
    if (input.current !== null) input.current.value = '';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void send(event.dataTransfer.files);
  };

  const items = attachments.data ?? [];
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <ErrorMessage error={attachments.error ?? remove.error} />
      {attachments.data !== undefined && items.length === 0 && <p>{t('attachments.empty')}</p>}
      <ul className="attachment-list">
        {items.map((item) => (
          <li key={item.id}>
            <a href={attachmentUrl(ticketId, item.id)} download={item.name}>
              {item.name}
            </a>{' '}
            <span className="muted">
              {formatSize(item.size, i18n.language)} · {item.uploadedBy?.name ?? ''} · {formatDateTime(item.createdAt, i18n.language, me.timeZone)}
            </span>
            {canChange && (
              <button type="button" className="button button-link" disabled={remove.isPending} onClick={() => remove.mutate(item.id)} aria-label={t('attachments.deleteOne', { name: item.name })}>
                {t('attachments.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canChange && (
        <div
          className={over ? 'drop-zone is-over' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`upload-${ticketId}`}>{t('attachments.add')}</label>
          <p className="hint">{t('attachments.hint')}</p>
          <input ref={input} id={`upload-${ticketId}`} type="file" multiple onChange={(event) => void send(event.target.files)} disabled={upload.isPending} />
          {upload.isPending && <p role="status">{t('common.sending')}</p>}
        </div>
      )}
      {failures.length > 0 && (
        <ul role="alert" className="alert alert-error">
          {failures.map((failure, index) => (
            <li key={index}>{t('attachments.failed', { name: failure.name, message: errorText(failure.error) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
