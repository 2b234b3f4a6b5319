import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client';
import type { ListOf } from '../api/types';

/** A record of an administration list, as the API presents it. */
export type AdminRecord = Record<string, unknown> & { id: number };

export const PAGE_SIZE = 50;

export function useAdminList(path: string, page: number, q: string) {
  return useQuery({
    queryKey: ['admin', path, page, q],
    queryFn: () => api<ListOf<AdminRecord>>(`${path}${queryString({ page, perPage: PAGE_SIZE, q: q.trim() === '' ? undefined : q.trim() })}`),
    placeholderData: (previous) => previous,
  });
}

/** Loads every record of a small list (at most 500), for the choices of a reference field. */
export function useChoices(path: string, enabled = true) {
  return useQuery({
    queryKey: ['admin', path, 'choices'],
    queryFn: () => api<ListOf<AdminRecord>>(`${path}${queryString({ perPage: 500 })}`),
    enabled,
    staleTime: 60_000,
  });
}

/** Creates (POST) or updates (PATCH) a record, then reloads the administration lists and the shared directories. */
export function useSaveRecord(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Record<string, unknown> }) =>
      id === null ? api<AdminRecord>(path, { method: 'POST', body }) : api<AdminRecord>(`${path}/${id}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      await queryClient.invalidateQueries({ queryKey: ['organisation'] });
    },
  });
}

export function useDeleteRecord(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${path}/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      await queryClient.invalidateQueries({ queryKey: ['organisation'] });
    },
  });
}

/** Reads a sub-resource with GET (as T) and replaces it whole with PUT (as W), such as a group's members. */
export function useReplaceable<T, W = T>(path: string) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['admin', path], queryFn: () => api<T>(path) });
  const save = useMutation({
    mutationFn: (value: W) => api<unknown>(path, { method: 'PUT', body: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', path] }),
  });
  return { query, save };
}
