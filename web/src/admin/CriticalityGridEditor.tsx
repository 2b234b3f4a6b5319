import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { useReplaceable } from './adminApi';

/** Edits the criticality grid as JSON text: a syntax error shows at once, and the server's checks list each invalid path. */
export function CriticalityGridEditor() {
  const { t } = useTranslation();
  const { query, save } = useReplaceable<unknown>('/settings/criticality-grid');
  const [text, setText] = useState<string | null>(null);
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const shown = text ?? (query.data === undefined ? '' : JSON.stringify(query.data, null, 2));
  const problems = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : [];

  const submit = () => {
    let value: unknown;
    try {
      value = JSON.parse(shown);
    } catch (error) {
      setSyntaxError(error instanceof Error ? error.message : String(error));
      return;
    }
    setSyntaxError(null);
    save.mutate(value, { onSuccess: () => setText(null) });
  };

  return (
    <div className="stack-large">
      <h1>{t('admin.grid.title')}</h1>
      <p>{t('admin.grid.intro')}</p>
      <ErrorMessage error={query.error} />
      <Field label={t('admin.grid.json')} error={syntaxError === null ? undefined : t('admin.invalidJson', { message: syntaxError })}>
        {(control) => <textarea {...control} className="code" rows={24} spellCheck={false} value={shown} onChange={(event) => setText(event.target.value)} />}
      </Field>
      {problems.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p>{save.error instanceof ApiError ? save.error.problem.detail : ''}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.field}</code> : {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={text === null || save.isPending} onClick={submit}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-link" disabled={text === null} onClick={() => { setText(null); setSyntaxError(null); save.reset(); }}>
          {t('admin.discard')}
        </button>
      </div>
      {save.isSuccess && text === null && (
        <p role="status" className="alert alert-success">
          {t('admin.savedShort')}
        </p>
      )}
    </div>
  );
}
