import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlanning } from '../api/dashboard';
import type { UserSummary } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { RequesterPicker } from '../tech/RequesterPicker';
import { ErrorMessage } from '../ui/ErrorMessage';
import { hourWindow, type Placement, placeTasks, weekStart } from './placement';
import '../tech/screens.css';

const HOUR_HEIGHT_REM = 3;
/**
 * Weekday, day and short month in the locale's own order and case: "lundi 7 déc." in French,
 * "Monday 7 Dec" in English. The stylesheet raises only the heading's first letter.
 */
const DAY_HEADING = { weekday: 'long', day: 'numeric', month: 'short' } as const;

/** Week calendar of planned tasks, one column per weekday, filtered by technician. */
export default function Planning() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [start, setStart] = useState(() => weekStart(DateTime.now(), me.timeZone));
  const [technician, setTechnician] = useState<UserSummary | null>(null);
  const end = start.plus({ weeks: 1 });
  const planning = usePlanning(start.toUTC().toISO() ?? '', end.toUTC().toISO() ?? '', technician?.id);
  const placements = placeTasks(planning.data ?? [], start);
  const shown = hourWindow(placements);
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const days = Array.from({ length: 7 }, (_, index) => start.plus({ days: index }).setLocale(locale));
  const hours = Array.from({ length: shown.last - shown.first }, (_, index) => shown.first + index);
  const title = t('planning.week', { from: days[0]?.toLocaleString(DateTime.DATE_MED) ?? '', to: days[6]?.toLocaleString(DateTime.DATE_MED) ?? '' });

  return (
    <div className="stack-large">
      <h1>{t('planning.title')}</h1>
      <div className="planning-toolbar">
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setStart(start.minus({ weeks: 1 }))}>
            {t('planning.previous')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setStart(weekStart(DateTime.now(), me.timeZone))}>
            {t('planning.today')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setStart(start.plus({ weeks: 1 }))}>
            {t('planning.next')}
          </button>
        </div>
        <p className="planning-week" aria-live="polite">
          {title}
        </p>
        <RequesterPicker label={t('planning.technician')} hint={t('planning.technicianHint')} value={technician} onChange={setTechnician} />
      </div>
      <ErrorMessage error={planning.error} />
      {planning.data !== undefined && placements.length === 0 && <p>{t('planning.empty')}</p>}
      <div className="planning" style={{ ['--hour-height' as string]: `${HOUR_HEIGHT_REM}rem` }}>
        <div className="planning-hours" aria-hidden="true">
          {hours.map((hour) => (
            <span key={hour} className="planning-hour">
              {String(hour).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((day, index) => (
          <section key={day.toISODate()} className="planning-day" aria-labelledby={`day-${index}`}>
            <h2 id={`day-${index}`} className="planning-day-title">
              {day.toLocaleString(DAY_HEADING)}
            </h2>
            <ul className="planning-slots" style={{ height: `${(shown.last - shown.first) * HOUR_HEIGHT_REM}rem` }}>
              {placements
                .filter((placement) => placement.day === index)
                .map((placement) => (
                  <TaskBlock key={`${placement.task.taskId}-${placement.day}`} placement={placement} firstHour={shown.first} locale={locale} timeZone={me.timeZone} />
                ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function TaskBlock({ placement, firstHour, locale, timeZone }: { placement: Placement; firstHour: number; locale: string; timeZone: string }) {
  const { t } = useTranslation();
  const { task } = placement;
  const time = (iso: string) => DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
  const top = ((placement.startMinute - firstHour * 60) / 60) * HOUR_HEIGHT_REM;
  const height = Math.max(((placement.endMinute - placement.startMinute) / 60) * HOUR_HEIGHT_REM, 1.25);
  const width = 100 / placement.lanes;
  return (
    <li
      className={`planning-task priority-row-${task.priority}`}
      style={{ top: `${top}rem`, height: `${height}rem`, left: `${placement.lane * width}%`, width: `${width}%` }}
    >
      <Link to={`/tickets/${task.ticketId}`}>
        <strong>
          {time(task.plannedStart)}–{time(task.plannedEnd)}
        </strong>{' '}
        {t('ticket.number', { id: task.ticketId })} {task.ticketTitle}
      </Link>
      <span className="planning-task-who">
        {task.technicianName ?? t('ticket.nobody')} · {t(`actions.${task.mode === 'on_site' ? 'onSite' : 'remote'}`)}
      </span>
    </li>
  );
}
