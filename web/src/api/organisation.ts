import { useQuery } from '@tanstack/react-query';
import { api, ApiError, queryString } from './client';
import type { Category, Entity, Group, ListOf, Location, Service, UserSummary } from './types';

// Lists small enough to load whole (the API pages them by 500 at most).
const WHOLE = 500;

function useWholeList<T>(key: string, path: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organisation', key],
    queryFn: () => api<ListOf<T>>(`${path}${queryString({ perPage: WHOLE })}`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export const useEntities = (enabled = true) => useWholeList<Entity>('entities', '/entities', enabled);
export const useGroups = (enabled = true) => useWholeList<Group>('groups', '/groups', enabled);
export const useLocations = (enabled = true) => useWholeList<Location>('locations', '/locations', enabled);
export const useServices = (enabled = true) => useWholeList<Service>('services', '/services', enabled);

/**
 * The category list; `available` is false when the server has no category route (404) or the
 * user may not read categories (403), and the form then hides the field.
 */
export function useCategories(enabled = true) {
  const query = useWholeList<Category>('categories', '/categories', enabled);
  const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
  return { ...query, available: enabled && !missing && query.error === null };
}

export function useUserSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['organisation', 'users', q],
    queryFn: () => api<ListOf<UserSummary>>(`/users${queryString({ q, perPage: 20 })}`),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

export function useUser(id: number | null, enabled = true) {
  return useQuery({
    queryKey: ['organisation', 'user', id],
    queryFn: () => api<UserSummary>(`/users/${id ?? 0}`),
    enabled: enabled && id !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Map from id to display name for a loaded list. */
export function namesById<T extends { id: number }>(items: T[] | undefined, name: (item: T) => string): Map<number, string> {
  return new Map((items ?? []).map((item) => [item.id, name(item)]));
}
