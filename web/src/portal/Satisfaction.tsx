import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAnswerSurvey, useSurvey } from '../api/ticketExtras';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

const STARS = [1, 2, 3, 4, 5] as const;

/** True when the survey does not exist for this ticket: not in the surveyed share (404) or not closed (409). */
function isAbsent(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 409 || error.status === 403);
}

/**
 * Shows the satisfaction survey of a closed ticket: one tap on a star sends the rating, and an
 * optional comment may follow. The requester may change the rating until the survey expires.
 */
export function Satisfaction({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const survey = useSurvey(ticketId, true);
  const answer = useAnswerSurvey(ticketId);
  const [comment, setComment] = useState<string | null>(null);

  if (survey.data === undefined) return isAbsent(survey.error) ? null : <ErrorMessage error={survey.error} />;
  const data = survey.data;
  if (data.expired && data.rating === null) return null;

  const rating = data.rating;
  const text = comment ?? data.comment ?? '';
  const rate = (value: number) => answer.mutate({ rating: value, comment: data.comment });
  const sendComment = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) return;
    answer.mutate({ rating, comment: text.trim() === '' ? null : text }, { onSuccess: () => setComment(null) });
  };

  return (
    <section className="satisfaction" aria-labelledby={`survey-${ticketId}`}>
      <h2 id={`survey-${ticketId}`} className="satisfaction-question">
        {t('survey.question')}
      </h2>
      <div className="stars" role="group" aria-label={t('survey.rating')}>
        {STARS.map((value) => (
          <button
            key={value}
            type="button"
            className={rating !== null && value <= rating ? 'star is-on' : 'star'}
            aria-pressed={rating === value}
            aria-label={t('survey.star', { count: value })}
            disabled={answer.isPending || data.expired}
            onClick={() => rate(value)}
          >
            <span aria-hidden="true">★</span>
          </button>
        ))}
      </div>
      {rating !== null && (
        <p role="status" className="alert alert-success">
          {t('survey.thanks', { count: rating })}
        </p>
      )}
      {rating !== null && !data.expired && (
        <form className="stack" onSubmit={sendComment}>
          <Field label={t('survey.comment')} hint={t('survey.commentHint')} error={fieldError(answer.error, 'comment')}>
            {(control) => <textarea {...control} rows={2} maxLength={2000} value={text} onChange={(event) => setComment(event.target.value)} />}
          </Field>
          <button type="submit" className="button button-secondary" disabled={answer.isPending || comment === null}>
            {t('survey.sendComment')}
          </button>
        </form>
      )}
      {fieldError(answer.error, 'comment') === undefined && <ErrorMessage error={answer.error} />}
    </section>
  );
}
