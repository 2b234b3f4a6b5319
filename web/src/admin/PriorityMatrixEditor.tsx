import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useReplaceable } from './adminApi';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** Returns a copy of the matrix with one cell changed. Rows are urgencies and columns impacts, both counted from 1. */
export function setCell(matrix: readonly (readonly number[])[], urgency: number, impact: number, priority: number): number[][] {
  return matrix.map((row, rowIndex) => row.map((cell, columnIndex) => (rowIndex === urgency - 1 && columnIndex === impact - 1 ? priority : cell)));
}

/**
 * Edits the 5×5 priority matrix: urgency in rows, impact in columns, a priority from 1 to 5 in each
 * cell, coloured like the ticket rows. The matrix is saved whole, and the server's per-cell errors are listed.
 */
export function PriorityMatrixEditor() {
  const { t } = useTranslation();
  const { query, save } = useReplaceable<number[][]>('/settings/priority-matrix');
  const [draft, setDraft] = useState<number[][] | null>(null);
  const matrix = draft ?? query.data;
  const cellErrors = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : [];

  return (
    <div className="stack-large">
      <h1>{t('admin.matrix.title')}</h1>
      <p>{t('admin.matrix.intro')}</p>
      <ErrorMessage error={query.error} />
      {matrix !== undefined && (
        <table className="data-table matrix-table">
          <caption className="visually-hidden">{t('admin.matrix.title')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col" colSpan={5}>
                {t('admin.matrix.impact')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('admin.matrix.urgency')}</th>
              {LEVELS.map((impact) => (
                <th key={impact} scope="col">
                  {t(`impact5.${impact}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((urgency) => (
              <tr key={urgency}>
                <th scope="row">{t(`level5.${urgency}`)}</th>
                {LEVELS.map((impact) => {
                  const value = matrix[urgency - 1]?.[impact - 1] ?? 3;
                  return (
                    <td key={impact} className={`priority-row-${value}`}>
                      <select
                        aria-label={t('admin.matrix.cell', { urgency: t(`level5.${urgency}`), impact: t(`impact5.${impact}`) })}
                        value={value}
                        onChange={(event) => setDraft(setCell(matrix, urgency, impact, Number(event.target.value)))}
                      >
                        {LEVELS.map((priority) => (
                          <option key={priority} value={priority}>
                            {t(`priority.${priority}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cellErrors.length > 0 ? (
        <ul role="alert" className="alert alert-error">
          {cellErrors.map((error, index) => (
            <li key={index}>{error.message}</li>
          ))}
        </ul>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={draft === null || save.isPending} onClick={() => draft !== null && save.mutate(draft, { onSuccess: () => setDraft(null) })}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-link" disabled={draft === null} onClick={() => setDraft(null)}>
          {t('admin.discard')}
        </button>
      </div>
      {save.isSuccess && draft === null && (
        <p role="status" className="alert alert-success">
          {t('admin.savedShort')}
        </p>
      )}
    </div>
  );
}
