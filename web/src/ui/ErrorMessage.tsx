import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The text to show for a failed call: the server's message in the user's language, or ours when there is none. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'network_error') return t('errors.network');
      if (error.problem.detail !== '') return error.problem.detail;
    }
    return t('errors.unexpected');
  };
}

/** An alert about a failed call; renders nothing without an error. */
export function ErrorMessage({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="alert alert-error">
      {errorText(error)}
    </p>
  );
}

/** Message of one field from a failed call, for the Field next to that control. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
