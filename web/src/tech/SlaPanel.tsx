import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { formatDateTime } from '../ui/format';
import { useNow } from '../ui/useNow';
import { ttoState, ttrState } from './sla';
import { SlaCountdown } from './SlaCountdown';

/** Renders the ticket's TTO and TTR deadlines with their live countdowns. */
export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const now = useNow();
  const sla = ticket.sla;
  const rows = [
    { key: 'tto', label: t('sla.tto'), due: sla?.ttoDueAt ?? null, state: ttoState(ticket, now) },
    { key: 'ttr', label: t('sla.ttr'), due: sla?.ttrDueAt ?? null, state: ttrState(ticket, now) },
  ];
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">{t('sla.title')}</h2>
      <dl className="facts">
        {rows.map((row) => (
          <div key={row.key} data-testid={`sla-${row.key}`}>
            <dt>{row.label}</dt>
            <dd>
              <SlaCountdown state={row.state} />
              {row.due !== null && <span className="muted"> · {t('sla.dueAt', { date: formatDateTime(row.due, i18n.language, me.timeZone) })}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
