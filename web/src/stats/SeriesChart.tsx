import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Series } from '../api/extraTypes';
import { useSession } from '../session/SessionProvider';

// Only the parts these two charts use, so the bundler leaves the rest of chart.js out.
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

// Colours of the series, each at least 3:1 against white, the contrast WCAG 2.1 (1.4.11) sets for graphics.
const COLOURS = { opened: '#c24e00', solved: '#1e6b34', backlog: '#1d4f91', compliance: '#6b3d9a' };

type Kind = 'volume' | 'sla';

function bucketLabel(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * Draws one chart of the series: ticket volumes (opened, solved, backlog) or SLA compliance in percent.
 * A table under the chart gives the same numbers to screen readers and keyboard users.
 */
export function SeriesChart({ series, kind }: { series: Series; kind: Kind }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = series.buckets.map((bucket) => bucketLabel(bucket.start, i18n.language, me.timeZone));
  const datasets =
    kind === 'volume'
      ? [
          { type: 'bar' as const, label: t('stats.series.opened'), data: series.buckets.map((bucket) => bucket.opened), backgroundColor: COLOURS.opened },
          { type: 'bar' as const, label: t('stats.series.solved'), data: series.buckets.map((bucket) => bucket.solved), backgroundColor: COLOURS.solved },
          { type: 'line' as const, label: t('stats.series.backlog'), data: series.buckets.map((bucket) => bucket.backlog), borderColor: COLOURS.backlog, backgroundColor: COLOURS.backlog },
        ]
      : [
          {
            type: 'line' as const,
            label: t('stats.series.compliance'),
            data: series.buckets.map((bucket) => (bucket.slaCompliance === null ? null : Math.round(bucket.slaCompliance * 1000) / 10)),
            borderColor: COLOURS.compliance,
            backgroundColor: COLOURS.compliance,
            spanGaps: true,
          },
        ];

  const signature = JSON.stringify({ labels, datasets });
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ...(kind === 'sla' ? { max: 100 } : {}) } },
      },
    });
    return () => chart.destroy();
    // Rebuilt only when the data changes, which the signature captures; labels and datasets are new arrays on every render.
  }, [signature]);

  const title = t(`stats.chart.${kind}`);
  return (
    <figure className="card chart">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <details>
        <summary>{t('stats.chartData')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.period')}</th>
              {datasets.map((dataset) => (
                <th key={dataset.label} scope="col">
                  {dataset.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, index) => (
              <tr key={`${label}-${index}`}>
                <th scope="row">{label}</th>
                {datasets.map((dataset) => (
                  <td key={dataset.label} className="cell-number">
                    {dataset.data[index] ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
