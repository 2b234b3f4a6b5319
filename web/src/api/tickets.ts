import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, queryString } from './client';
import type { Ticket, TicketPage, TimelineItem } from './types';

/** Filters of the ticket list, as the API's query string takes them. */
export interface TicketQuery {
  status?: string;
  type?: string;
  priority?: string;
  q?: string;
  entityId?: string;
  requesterId?: string | number;
  assignedUserId?: string | number;
  assignedGroupId?: string | number;
  categoryId?: string | number;
  level?: string;
  openedFrom?: string;
  openedTo?: string;
  /** 'true': running tickets past their TTR deadline. */
  late?: string;
  /** Running tickets whose TTR deadline falls before this instant. */
  dueBefore?: string;
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
