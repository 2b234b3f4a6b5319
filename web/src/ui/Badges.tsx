import { useTranslation } from 'react-i18next';
import type { Status } from '../api/types';

export function PriorityBadge({ priority }: { priority: number }) {
  const { t } = useTranslation();
  return <span className={`badge priority-${priority}`}>{t(`priority.${priority}`)}</span>;
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status}`}>{t(`status.${status}`)}</span>;
}
