import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { type TicketQuery, ticketKeys, useTicketPage } from '../api/tickets';
import { type Status, STATUSES, type Ticket } from '../api/types';
import { PriorityBadge } from '../ui/Badges';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { adjacentStatus, groupByStatus, statusChange } from './kanban';

// The board reads one page of this many tickets, and a line above the columns shows when more exist.
const BOARD_SIZE = 200;
const DRAG_TYPE = 'application/x-guichet-ticket';

interface Move {
  ticket: Ticket;
  to: Status;
}

/**
 * Renders the tickets in one column per status. A card moves by drag and drop, or with the left and
 * right arrow keys once focused. A move to "En attente" requires the reason first. A rejected move
 * shows the server's message (409 when the profile forbids the transition).
 */
export function Kanban({ query }: { query: TicketQuery }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tickets = useTicketPage({ ...query, page: 1, perPage: BOARD_SIZE });
  const [waiting, setWaiting] = useState<Move | null>(null);
  const [announce, setAnnounce] = useState('');
  const change = useMutation({
    mutationFn: ({ ticket, to, reason }: Move & { reason?: string }) => api<Ticket>(`/tickets/${ticket.id}`, { method: 'PATCH', body: statusChange(to, reason) }),
    onSuccess: async (updated) => {
      setAnnounce(t('kanban.moved', { id: updated.id, status: t(`status.${updated.status}`) }));
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });

  const move = (ticket: Ticket, to: Status) => {
    if (to === ticket.status) return;
    change.reset();
    if (to === 'waiting') setWaiting({ ticket, to });
    else change.mutate({ ticket, to });
  };

  const items = tickets.data?.items ?? [];
  const columns = groupByStatus(items);
  const dropId = (id: number, to: Status) => {
    const ticket = items.find((item) => item.id === id);
    if (ticket !== undefined) move(ticket, to);
  };
  return (
    <div className="stack">
      <p className="muted" id="kanban-help">
        {t('kanban.help')}
      </p>
      {(tickets.data?.total ?? 0) > items.length && <p className="muted">{t('kanban.partial', { shown: items.length, total: tickets.data?.total ?? 0 })}</p>}
      <ErrorMessage error={tickets.error ?? change.error} />
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {waiting !== null && (
        <WaitingReason
          move={waiting}
          onCancel={() => setWaiting(null)}
          onSubmit={(reason) => {
            change.mutate({ ...waiting, reason });
            setWaiting(null);
          }}
        />
      )}
      <div className="kanban" aria-busy={change.isPending}>
        {STATUSES.map((status) => (
          <KanbanColumn key={status} status={status} tickets={columns[status]} onMove={move} onDropId={dropId} />
        ))}
      </div>
    </div>
  );
}

interface ColumnProps {
  status: Status;
  tickets: Ticket[];
  onMove: (ticket: Ticket, to: Status) => void;
  onDropId: (id: number, to: Status) => void;
}

function KanbanColumn({ status, tickets, onMove, onDropId }: ColumnProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    if (Number.isInteger(id) && id > 0) onDropId(id, status);
  };
  return (
    <section
      className={over ? 'kanban-column is-over' : 'kanban-column'}
      aria-labelledby={`kanban-${status}`}
      data-status={status}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id={`kanban-${status}`} className="kanban-title">
        {t(`status.${status}`)} <span className="muted">({tickets.length})</span>
      </h2>
      <ul className="kanban-cards">
        {tickets.map((ticket) => (
          <KanbanCard key={ticket.id} ticket={ticket} onMove={onMove} />
        ))}
      </ul>
    </section>
  );
}

function KanbanCard({ ticket, onMove }: { ticket: Ticket; onMove: (ticket: Ticket, to: Status) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const to = adjacentStatus(ticket.status, event.key === 'ArrowLeft' ? -1 : 1);
      if (to !== null) onMove(ticket, to);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void navigate(`/tickets/${ticket.id}`);
    }
  };
  return (
    <li
      className={`card kanban-card priority-row-${ticket.priority}`}
      tabIndex={0}
      draggable
      aria-label={t('list.rowLabel', { id: ticket.id, title: ticket.title })}
      aria-describedby="kanban-help"
      data-ticket-id={ticket.id}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, String(ticket.id));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      onDoubleClick={() => void navigate(`/tickets/${ticket.id}`)}
    >
      <p className="kanban-card-title">
        <span className="ticket-id">{t('ticket.number', { id: ticket.id })}</span> {ticket.title}
      </p>
      <p>
        <PriorityBadge priority={ticket.priority} /> <span className="muted">{ticket.assignedUsers.map((user) => user.name).join(', ')}</span>
      </p>
    </li>
  );
}

function WaitingReason({ move, onSubmit, onCancel }: { move: Move; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('kanban.waitingTitle', { id: move.ticket.id })}</h2>
      <Field label={t('actions.holdReason')}>
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} required autoFocus />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={reason.trim() === ''}>
          {t('actions.holdSubmit')}
        </button>
        <button type="button" className="button button-link" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
