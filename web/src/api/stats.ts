import { useQuery } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Report, Series } from './extraTypes';

/** Parameters of the statistics routes: a period [from, to) of ISO instants and the list's filters. */
export type StatsParams = Record<string, string | undefined>;

export function statsUrl(path: 'report.csv' | 'report.pdf', params: StatsParams): string {
  return `/api/v1/stats/${path}${queryString(params)}`;
}

export function useReport(params: StatsParams, enabled: boolean) {
  return useQuery({ queryKey: ['stats', 'report', params], queryFn: () => api<Report>(`/stats/report${queryString(params)}`), enabled });
}

export function useSeries(params: StatsParams, enabled: boolean) {
  return useQuery({ queryKey: ['stats', 'series', params], queryFn: () => api<Series>(`/stats/series${queryString(params)}`), enabled });
}
