import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/extraTypes';
import { useHistory } from '../api/ticketExtras';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatDateTime } from '../ui/format';

// Fields whose values have their own labels in the catalogs.
const LABELLED_VALUES: Record<string, string> = { status: 'status', priority: 'priority', urgency: 'level5', impact: 'impact5' };

/** Formats a stored value: labels for statuses and levels, "(empty)" for null, JSON for anything structured. */
export function formatValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('history.none');
  const labels = LABELLED_VALUES[field];
  if (labels !== undefined && (typeof value === 'string' || typeof value === 'number')) return t(`${labels}.${value}`, { defaultValue: String(value) });
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Describes each changed field on one line, "Statut : Nouveau → En attente". A value that is not an [old, new] pair is shown alone. */
export function describeChanges(changes: Record<string, unknown>, t: TFunction): string[] {
  return Object.entries(changes).map(([field, change]) => {
    const label = t(`history.field.${field}`, { defaultValue: field });
    if (Array.isArray(change) && change.length === 2) return `${label} : ${formatValue(field, change[0], t)} → ${formatValue(field, change[1], t)}`;
    return `${label} : ${formatValue(field, change, t)}`;
  });
}

/** Renders the ticket's audit trail: each change with who made it, when, and the old and new values. */
export function HistoryTab({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const history = useHistory(ticketId, true);
  if (history.error !== null) return <ErrorMessage error={history.error} />;
  if (history.data === undefined) return <p role="status">{t('common.loading')}</p>;
  if (history.data.length === 0) return <p>{t('history.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table history-table">
        <caption className="visually-hidden">{t('history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.columnWhen')}</th>
            <th scope="col">{t('history.columnWho')}</th>
            <th scope="col">{t('history.columnWhat')}</th>
            <th scope="col">{t('history.columnChanges')}</th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((entry) => (
            <HistoryRow key={entry.seq} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const action = entry.action.replace(/^ticket\./, '');
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language, me.timeZone)}</time>
      </td>
      <td>{entry.actorLogin ?? t('history.system')}</td>
      <td>{t(`history.action.${action}`, { defaultValue: entry.action })}</td>
      <td>
        <ul className="plain-list">
          {describeChanges(entry.changes, t).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
