import { useTranslation } from 'react-i18next';
import { useUser } from '../api/organisation';
import type { Ticket, TimelineItem } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { formatDateTime, formatDuration } from '../ui/format';

/** Followups, tasks, solutions and escalations in time order; private items carry a visible mark. */
export function Timeline({ ticket, items }: { ticket: Ticket; items: TimelineItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <TimelineEntry key={`${item.kind}-${item.id}`} ticket={ticket} item={item} />
      ))}
    </ol>
  );
}

function TimelineEntry({ ticket, item }: { ticket: Ticket; item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const details = item.details;
  return (
    <li className={`card timeline-item timeline-${item.kind}${item.isPrivate ? ' timeline-private' : ''}`}>
      <p className="exchange-meta">
        <strong>{t(`timeline.kind.${item.kind}`)}</strong>
        {item.isPrivate && <span className="badge badge-private">{t('timeline.private')}</span>}
        {' · '}
        <AuthorName ticket={ticket} authorId={item.authorId} />
        {' · '}
        <time dateTime={item.at}>{formatDateTime(item.at, i18n.language, me.timeZone)}</time>
      </p>
      {item.kind === 'escalation' && (
        <p className="muted">{t('timeline.escalated', { from: String(details.fromLevel ?? t('common.none')), to: String(details.toLevel ?? '') })}</p>
      )}
      <p className="description">{item.content}</p>
      {item.kind === 'task' && <TaskDetails details={details} />}
      {item.kind === 'solution' && typeof details.status === 'string' && (
        <p className={`solution-status solution-${details.status}`}>
          {t(`timeline.solutionStatus.${details.status}`)}
          {typeof details.approvalComment === 'string' && details.approvalComment !== '' && ` — ${details.approvalComment}`}
        </p>
      )}
    </li>
  );
}

function TaskDetails({ details }: { details: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const parts = [t(`actions.${details.mode === 'on_site' ? 'onSite' : 'remote'}`)];
  if (typeof details.durationSeconds === 'number' && details.durationSeconds > 0) parts.push(formatDuration(details.durationSeconds));
  if (typeof details.plannedStart === 'string' && typeof details.plannedEnd === 'string') {
    parts.push(t('timeline.planned', { start: formatDateTime(details.plannedStart, i18n.language, me.timeZone), end: formatDateTime(details.plannedEnd, i18n.language, me.timeZone) }));
  }
  return <p className="muted">{parts.join(' · ')}</p>;
}

/** The author's name from the ticket's actors, else read from the user directory. */
function AuthorName({ ticket, authorId }: { ticket: Ticket; authorId: number | null }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const known = [ticket.requester, ...ticket.assignedUsers, ...ticket.observers].find((actor) => actor?.id === authorId);
  const lookup = useUser(authorId, known === undefined && authorId !== me.id && can('user:read'));
  if (authorId === null) return <span>{t('timeline.system')}</span>;
  if (authorId === me.id) return <span>{t('timeline.you')}</span>;
  if (known !== undefined && known !== null) return <span>{known.name}</span>;
  if (lookup.data !== undefined) return <span>{`${lookup.data.lastName} ${lookup.data.firstName}`}</span>;
  return <span>{t('timeline.someone')}</span>;
}
