import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../api/types';
import { PriorityBadge, StatusBadge } from '../ui/Badges';
import { formatDateTime } from '../ui/format';
import { ttrState } from './sla';
import { SlaCountdown } from './SlaCountdown';

/** Columns of the ticket list, in GLPI's order. */
export const COLUMNS = ['id', 'title', 'entity', 'status', 'requester', 'location', 'openedAt', 'updatedAt', 'ttrDueAt', 'priority', 'technician', 'category'] as const;
export type Column = (typeof COLUMNS)[number];

/** API sort key of the columns the server can sort on. */
export const SORT_KEYS: Partial<Record<Column, string>> = {
  id: 'id',
  title: 'title',
  status: 'status',
  openedAt: 'openedAt',
  updatedAt: 'updatedAt',
  priority: 'priority',
  ttrDueAt: 'ttrDueAt',
};

export interface CellContext {
  t: TFunction;
  language: string;
  timeZone: string;
  entityNames: Map<number, string>;
  categoryNames: Map<number, string>;
  locationNames: Map<number, string>;
  /** Current time in milliseconds, for the SLA countdown. */
  now: number;
}

export function renderCell(column: Column, ticket: Ticket, context: CellContext): ReactNode {
  switch (column) {
    case 'id':
      return ticket.id;
    case 'title':
      return (
        <Link to={`/tickets/${ticket.id}`} tabIndex={-1}>
          {ticket.title}
        </Link>
      );
    case 'entity': {
      // The deepest level names the site; the whole path stays available on hover.
      const path = context.entityNames.get(ticket.entityId) ?? '';
      return <span title={path}>{path.split(' > ').pop()}</span>;
    }
    case 'status':
      return <StatusBadge status={ticket.status} />;
    case 'requester':
      return ticket.requester?.name ?? '';
    case 'location':
      return ticket.locationId === null ? '' : (context.locationNames.get(ticket.locationId) ?? '');
    case 'openedAt':
      return formatDateTime(ticket.openedAt, context.language, context.timeZone);
    case 'updatedAt':
      return formatDateTime(ticket.updatedAt, context.language, context.timeZone);
    case 'ttrDueAt':
      return <TtrCell ticket={ticket} context={context} />;
    case 'priority':
      return <PriorityBadge priority={ticket.priority} />;
    case 'technician':
      return ticket.assignedUsers.map((user) => user.name).join(', ');
    case 'category':
      return ticket.categoryId === null ? '' : (context.categoryNames.get(ticket.categoryId) ?? '');
  }
}

/** Renders the TTR deadline and its countdown. Waiting tickets show "paused" because their deadline moves. */
function TtrCell({ ticket, context }: { ticket: Ticket; context: CellContext }) {
  const state = ttrState(ticket, context.now);
  const due = ticket.sla?.ttrDueAt ?? null;
  return (
    <>
      {due !== null && <span className="cell-date">{formatDateTime(due, context.language, context.timeZone)}</span>}
      <SlaCountdown state={state} />
    </>
  );
}
