import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, queryString } from './client';
import type { Ticket, TicketPage, TimelineItem } from './types';

/** Filters of the ticket list, as the API's query string takes them. */
export interface TicketQuery {
  status?: string;
  type?: string;
  /** Priority, urgency and impact take one level or a comma-separated list ("5,6"). */
  priority?: string;
  urgency?: string;
  impact?: string;
  q?: string;
  /** Entity, service and location take one id or a comma-separated list; service also takes 'none'. */
  entityId?: string;
  serviceId?: string;
  locationId?: string;
  requesterId?: string | number;
  /** Job profile of the requester's account, or 'none'. */
  requesterProfile?: string;
  assignedUserId?: string | number;
  assignedGroupId?: string | number;
  /** 'true': tickets that no technician is assigned to, though a group may be; 'false': tickets with one. */
  withoutTechnician?: string;
  /** A category and its sub-categories, or 'none' for tickets without a category. */
  categoryId?: string | number;
  /** 'false': the category alone, without its sub-categories. */
  includeSubcategories?: string;
  /** N1, N2, N3, or 'none'. */
  level?: string;
  /** Date ranges are ISO instants with an offset; each "To" bound is exclusive. */
  openedFrom?: string;
  openedTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  solvedFrom?: string;
  solvedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  /** 'true': running tickets past their TTR deadline. */
  late?: string;
  /** Running tickets whose TTR deadline falls before this instant. */
  dueBefore?: string;
  /** 'true': solved after the TTR deadline; 'false': solved in time. */
  ttrLate?: string;
  /** 'opened' or 'answered': the latest closing opened a satisfaction survey, or it was answered. */
  survey?: string;
  /** takeDelay, solveDelay, closeDelay or actionTime: tickets where that value is known. */
  measured?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  perPage?: number;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: TicketQuery) => ['tickets', 'list', query] as const,
  one: (id: number) => ['tickets', 'one', id] as const,
  timeline: (id: number) => ['tickets', 'timeline', id] as const,
};

export function fetchTicketPage(query: TicketQuery): Promise<TicketPage> {
  return api<TicketPage>(`/tickets${queryString({ ...query })}`);
}

export function useTicketPage(query: TicketQuery) {
  return useQuery({ queryKey: ticketKeys.list(query), queryFn: () => fetchTicketPage(query), placeholderData: (previous) => previous });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: ticketKeys.one(id), queryFn: () => api<Ticket>(`/tickets/${id}`), enabled: Number.isInteger(id) && id > 0 });
}

export function useTimeline(id: number, enabled = true) {
  return useQuery({ queryKey: ticketKeys.timeline(id), queryFn: () => api<TimelineItem[]>(`/tickets/${id}/timeline`), enabled });
}

/** A change to one ticket; on success the ticket, its timeline and every list are read again. */
export function useTicketChange<Input>(id: number, request: (input: Input) => { path: string; method?: 'POST' | 'PATCH'; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { path, method = 'POST', body } = request(input);
      return api<Ticket>(`/tickets/${id}${path}`, { method, body });
    },
    onSuccess: async (ticket) => {
      queryClient.setQueryData(ticketKeys.one(id), ticket);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}

/** True when the error means the ticket does not exist or is out of the user's reach (both answer 404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
