import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Figure, FIGURES, type Report, type ReportRow } from '../api/extraTypes';
import { formatSpan } from '../tech/sla';

// Figures that count tickets: their cells open the ticket list when it can show exactly those tickets.
const COUNTS: ReadonlySet<Figure> = new Set(['opened', 'solved', 'late', 'closed']);
const DURATIONS: ReadonlySet<Figure> = new Set(['averageTakeDelaySeconds', 'averageSolveDelaySeconds', 'averageCloseDelaySeconds', 'averageActionSeconds', 'totalActionSeconds']);

/** Formats a figure for the table: counts as integers, the rating out of 5, durations in days, hours and minutes. */
export function formatFigure(figure: Figure, value: number | null, language: string, t: TFunction): string {
  if (value === null) return '–';
  if (DURATIONS.has(figure)) return formatSpan(value * 1000, language);
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  if (figure === 'averageRating') return t('stats.rating', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) });
  return new Intl.NumberFormat(locale).format(value);
}

/** Renders the report as GLPI lays it out: one row per group (technician, group...), one column per figure. */
export function ReportTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.rows.length === 0) return <p>{t('stats.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table report-table">
        <caption className="visually-hidden">{t('stats.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`stats.group.${report.groupBy}`, { defaultValue: report.groupBy })}</th>
            {FIGURES.map((figure) => (
              <th key={figure} scope="col">
                {t(`stats.figure.${figure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <ReportLine key={String(row.key)} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportLine({ row }: { row: ReportRow }) {
  const { t, i18n } = useTranslation();
  return (
    <tr>
      <th scope="row">{row.label}</th>
      {FIGURES.map((figure) => {
        const text = formatFigure(figure, row.figures[figure], i18n.language, t);
        const link = row.links[figure];
        const linked = COUNTS.has(figure) && link.unsupported.length === 0 && (row.figures[figure] ?? 0) > 0;
        return (
          <td key={figure} className="cell-number">
            {linked ? (
              <Link to={`/tickets?${link.query}`} aria-label={t('stats.openList', { figure: t(`stats.figure.${figure}`), label: row.label, value: text })}>
                {text}
              </Link>
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  );
}
