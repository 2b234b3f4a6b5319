import { useTranslation } from 'react-i18next';
import { type ClockState, formatSpan } from './sla';

// Below this, a running clock is shown in the warning colour.
const SOON_MS = 60 * 60_000;

/** Renders one SLA clock in words: time left, time overdue, paused, met or missed. */
export function SlaCountdown({ state }: { state: ClockState }) {
  const { t, i18n } = useTranslation();
  switch (state.kind) {
    case 'none':
      return <span className="muted">{t('sla.none')}</span>;
    case 'paused':
      return <span className="sla sla-paused">{t('sla.paused')}</span>;
    case 'met':
      return <span className="sla sla-ok">{t('sla.met')}</span>;
    case 'missed':
      return <span className="sla sla-late">{t('sla.missed')}</span>;
    case 'running': {
      const span = formatSpan(state.remainingMs, i18n.language);
      if (state.late) return <span className="sla sla-late">{t('sla.overdue', { span })}</span>;
      return <span className={state.remainingMs < SOON_MS ? 'sla sla-soon' : 'sla sla-ok'}>{t('sla.remaining', { span })}</span>;
    }
  }
}
