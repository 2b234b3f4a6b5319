import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { type StatsParams, statsUrl, useReport, useSeries } from '../api/stats';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { dayAfter, dayStart } from '../ui/format';
import { ReportTable } from './ReportTable';
import { SeriesChart } from './SeriesChart';
import { type StatsForm, StatsFilters } from './StatsForm';
import '../tech/screens.css';

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Returns the form's defaults: the last 30 days up to today, grouped by technician, charted by day. */
function defaultForm(): StatsForm {
  const today = new Date();
  const from = new Date(today);
  from.setDate(from.getDate() - 29);
  return { from: localDay(from), to: localDay(today), groupBy: 'technician', interval: 'day', type: '', entityId: '', priority: '', level: '', assignedGroupId: '' };
}

/** Converts the form to the filters that every statistics route shares; each route adds its own parameters. */
function filterParams(form: StatsForm): StatsParams {
  return {
    from: dayStart(form.from),
    to: dayAfter(form.to),
    type: form.type || undefined,
    entityId: form.entityId || undefined,
    priority: form.priority || undefined,
    level: form.level || undefined,
    assignedGroupId: form.assignedGroupId || undefined,
  };
}

/** Renders the statistics of a period: the GLPI-like report table, its CSV and PDF exports, and the volume and SLA charts. */
export default function Statistics() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [form, setForm] = useState<StatsForm>(defaultForm);
  const filters = filterParams(form);
  const ready = filters.from !== undefined && filters.to !== undefined;
  const reportParams = { ...filters, groupBy: form.groupBy };
  const report = useReport(reportParams, ready);
  const series = useSeries({ ...filters, interval: form.interval, timeZone: me.timeZone }, ready);
  const problem = report.error ?? series.error;
  const errorOf = (field: string) => (problem instanceof ApiError ? problem.fieldMessage(field) : undefined);
  const fieldProblem = problem instanceof ApiError && (problem.problem.errors?.length ?? 0) > 0;

  return (
    <div className="stack-large">
      <h1>{t('stats.title')}</h1>
      <StatsFilters initial={form} onApply={setForm} errorOf={errorOf} />
      {!fieldProblem && <ErrorMessage error={problem} />}
      <section aria-labelledby="report-title" className="stack">
        <div className="page-title-row">
          <h2 id="report-title">{t('stats.report')}</h2>
          <div className="button-row">
            <a className="button button-secondary" href={statsUrl('report.csv', reportParams)} download>
              {t('stats.csv')}
            </a>
            <a className="button button-secondary" href={statsUrl('report.pdf', reportParams)} download>
              {t('stats.pdf')}
            </a>
          </div>
        </div>
        {report.isFetching && <p role="status">{t('common.loading')}</p>}
        {report.data !== undefined && <ReportTable report={report.data} />}
      </section>
      <section aria-labelledby="charts-title" className="stack">
        <h2 id="charts-title">{t('stats.charts')}</h2>
        {series.data !== undefined && (
          <div className="grid-2">
            <SeriesChart series={series.data} kind="volume" />
            <SeriesChart series={series.data} kind="sla" />
          </div>
        )}
      </section>
    </div>
  );
}
