import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Counters, PlannedTask, SavedSearch } from './extraTypes';

/** Ticket counts by status, plus late and due-soon open tickets, in one request. */
export function useCounters() {
  return useQuery({ queryKey: ['tickets', 'counters'], queryFn: () => api<Counters>('/dashboard/counters'), refetchInterval: 60_000 });
}

const SAVED_KEY = ['saved-searches'];

export function useSavedSearches() {
  return useQuery({ queryKey: SAVED_KEY, queryFn: () => api<SavedSearch[]>('/saved-searches') });
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, string> }) => api<SavedSearch>('/saved-searches', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_KEY }),
  });
}

export function useDeleteSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/saved-searches/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_KEY }),
  });
}

/** Planned tasks overlapping [from, to); the server accepts at most 62 days. */
export function usePlanning(from: string, to: string, technicianId: number | undefined) {
  return useQuery({
    queryKey: ['planning', from, to, technicianId],
    queryFn: () => api<PlannedTask[]>(`/planning${queryString({ from, to, technicianId })}`),
    placeholderData: (previous) => previous,
  });
}
