import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTicketChange } from '../api/tickets';
import type { Ticket } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { type ActionProps, EscalateForm, FollowupForm, HoldForm, SolutionForm } from './ActionForms';
import { AssignForm, PriorityForm, TaskForm } from './MoreActionForms';

type ActionKind = 'followup' | 'task' | 'solution' | 'assign' | 'escalate' | 'hold' | 'priority';

const FORMS: Record<ActionKind, ComponentType<ActionProps>> = {
  followup: FollowupForm,
  task: TaskForm,
  solution: SolutionForm,
  assign: AssignForm,
  escalate: EscalateForm,
  hold: HoldForm,
  priority: PriorityForm,
};

// The right each action needs, and the states in which the server accepts it.
const ACTIONS: { kind: ActionKind; right: string; when: (ticket: Ticket) => boolean }[] = [
  { kind: 'followup', right: 'ticket:update', when: (ticket) => ticket.status !== 'closed' },
  { kind: 'task', right: 'ticket:update', when: (ticket) => ticket.status !== 'closed' },
  { kind: 'solution', right: 'ticket:solve', when: (ticket) => ticket.status !== 'solved' && ticket.status !== 'closed' },
  { kind: 'assign', right: 'ticket:assign', when: (ticket) => ticket.status !== 'closed' },
  { kind: 'escalate', right: 'ticket:escalate', when: (ticket) => ticket.status !== 'solved' && ticket.status !== 'closed' },
  { kind: 'hold', right: 'ticket:update', when: (ticket) => ticket.status !== 'waiting' && ticket.status !== 'solved' && ticket.status !== 'closed' },
  { kind: 'priority', right: 'ticket:update', when: (ticket) => ticket.status !== 'closed' },
];

/** Buttons for what a technician can do on the ticket; one action form opens at a time. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const take = useTicketChange(ticket.id, () => ({ path: '/take' }));
  const assignedToMe = ticket.assignedUsers.some((user) => user.id === me.id);
  const canTake = can('ticket:take') && !assignedToMe && ticket.status !== 'closed' && ticket.status !== 'solved';
  const available = ACTIONS.filter((action) => can(action.right) && action.when(ticket));
  const OpenForm = open === null ? null : FORMS[open];

  return (
    <section aria-labelledby="actions-title" className="ticket-actions">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <div className="button-row">
        {canTake && (
          <button type="button" className="button button-primary" disabled={take.isPending} onClick={() => take.mutate(undefined)}>
            {t('actions.take')}
          </button>
        )}
        {available.map(({ kind }) => (
          <button
            key={kind}
            type="button"
            className={open === kind ? 'button button-secondary is-active' : 'button button-secondary'}
            aria-expanded={open === kind}
            aria-controls={`action-${kind}`}
            onClick={() => setOpen(open === kind ? null : kind)}
          >
            {t(`actions.${kind}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={take.error} />
      {OpenForm !== null && <OpenForm key={open} ticket={ticket} onDone={() => setOpen(null)} />}
    </section>
  );
}
