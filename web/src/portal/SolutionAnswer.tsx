import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTicketChange } from '../api/tickets';
import type { Status } from '../api/types';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { Satisfaction } from './Satisfaction';

type Answer = { approved: true } | { approved: false; comment: string };

/**
 * Shows the approval box while a solution waits for the requester. Once the requester has sent
 * an approval or a refusal, the box stays, although the ticket is no longer solved, to show the confirmation.
 */
export function SolutionPrompt({ ticketId, status }: { ticketId: number; status: Status }) {
  const [answering, setAnswering] = useState(false);
  if (status !== 'solved' && !answering) return null;
  return <SolutionAnswer ticketId={ticketId} onSend={() => setAnswering(true)} />;
}

/** Lets the requester approve a solution in one click, or refuse it with the reason. */
export function SolutionAnswer({ ticketId, onSend }: { ticketId: number; onSend?: () => void }) {
  const { t } = useTranslation();
  const [refusing, setRefusing] = useState(false);
  const [comment, setComment] = useState('');
  const answer = useTicketChange(ticketId, (input: Answer) => ({ path: '/approval', body: input }));
  const send = (input: Answer) => {
    onSend?.();
    answer.mutate(input);
  };

  const refuse = (event: FormEvent) => {
    event.preventDefault();
    send({ approved: false, comment });
  };

  if (answer.isSuccess) {
    return (
      <>
        <p role="status" className="alert alert-success">
          {answer.variables.approved ? t('solution.approvedThanks') : t('solution.refusedThanks')}
        </p>
        {answer.variables.approved && answer.data.status === 'closed' && <Satisfaction ticketId={ticketId} />}
      </>
    );
  }

  return (
    <div className="solution-answer" role="group" aria-label={t('solution.question')}>
      <p className="solution-question">{t('solution.question')}</p>
      {!refusing && (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={answer.isPending} onClick={() => send({ approved: true })}>
            {t('solution.approve')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setRefusing(true)}>
            {t('solution.refuse')}
          </button>
        </div>
      )}
      {refusing && (
        <form className="stack" onSubmit={refuse}>
          <Field label={t('solution.refuseReason')} hint={t('solution.refuseHint')} error={fieldError(answer.error, 'comment')} required>
            {(control) => <textarea {...control} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} required />}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={answer.isPending || comment.trim() === ''}>
              {t('solution.sendRefusal')}
            </button>
            <button type="button" className="button button-link" onClick={() => setRefusing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={answer.error} />
    </div>
  );
}
