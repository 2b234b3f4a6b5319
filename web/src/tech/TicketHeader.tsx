import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { namesById, useCategories, useEntities } from '../api/organisation';
import type { Ticket } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { PriorityBadge, StatusBadge } from '../ui/Badges';
import { formatDateTime } from '../ui/format';

/** Renders the ticket's facts: state, priority, level, people, places and dates. */
export function TicketHeader({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const entities = namesById(useEntities().data?.items, (entity) => entity.completeName);
  const categories = useCategories();
  const categoryNames = namesById(categories.data?.items, (category) => category.completeName);
  const format = (iso: string | null) => formatDateTime(iso, i18n.language, me.timeZone);
  const assignees = [...ticket.assignedUsers, ...ticket.assignedGroups].map((actor) => actor.name).join(', ');
  const facts: [string, ReactNode][] = [
    [t('ticket.status'), <StatusBadge key="status" status={ticket.status} />],
    [t('ticket.priority'), <PriorityBadge key="priority" priority={ticket.priority} />],
    [t('ticket.urgencyImpact'), `${t(`level5.${ticket.urgency}`)} / ${t(`impact5.${ticket.impact}`)}`],
    [t('ticket.level'), ticket.level ?? t('common.none')],
    [t('ticket.assignees'), assignees === '' ? t('ticket.nobody') : assignees],
    [t('ticket.requester'), ticket.requester?.name ?? ''],
    [t('ticket.entity'), entities.get(ticket.entityId) ?? ''],
    [t('ticket.type'), t(`type.${ticket.type}`)],
    [t('ticket.openedAt'), format(ticket.openedAt)],
    [t('ticket.updatedAt'), format(ticket.updatedAt)],
  ];
  if (categories.available && ticket.categoryId !== null) facts.push([t('ticket.category'), categoryNames.get(ticket.categoryId) ?? '']);
  if (ticket.criticality?.answers?.service !== undefined) facts.push([t('ticket.where'), ticket.criticality.answers.service]);
  if (ticket.waitingReason !== null) facts.push([t('ticket.waitingReason'), ticket.waitingReason]);
  if (ticket.solvedAt !== null) facts.push([t('ticket.solvedAt'), format(ticket.solvedAt)]);
  if (ticket.closedAt !== null) facts.push([t('ticket.closedAt'), format(ticket.closedAt)]);

  return (
    <header className={`card ticket-header priority-row-${ticket.priority}`}>
      <h1>
        <span className="ticket-id">{t('ticket.number', { id: ticket.id })}</span> {ticket.title}
      </h1>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

/** Renders the criticality grid's suggestion with its explanation, and the reason of any override. */
export function CriticalityPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const criticality = ticket.criticality;
  if (criticality === null && ticket.priorityReason === null) return null;
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const explanation = criticality?.explanation?.[language] ?? criticality?.explanation?.fr;
  const suggestion = criticality?.suggestion;
  return (
    <section className="card" aria-labelledby="criticality-title">
      <h2 id="criticality-title">{t('ticket.criticality')}</h2>
      {suggestion !== undefined && (
        <p>
          {t('ticket.suggestion', {
            urgency: t(`level5.${suggestion.urgency}`),
            impact: t(`impact5.${suggestion.impact}`),
            priority: t(`priority.${suggestion.priority}`),
          })}
        </p>
      )}
      {explanation !== undefined && explanation.length > 0 && (
        <ul className="explanation">
          {explanation.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {ticket.priorityReason !== null && (
        <p>
          <strong>{t('ticket.overrideReason')}</strong> {ticket.priorityReason}
        </p>
      )}
    </section>
  );
}
