import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Attachment, HistoryEntry, LinkKind, Survey, TicketLink } from './extraTypes';
import { ticketKeys } from './tickets';
import type { Ticket } from './types';

export const extraKeys = {
  attachments: (id: number) => ['tickets', 'attachments', id] as const,
  links: (id: number) => ['tickets', 'links', id] as const,
  history: (id: number) => ['tickets', 'history', id] as const,
  survey: (id: number) => ['tickets', 'survey', id] as const,
};

/** Address of an attachment's content; the server sends it as a download. */
export function attachmentUrl(ticketId: number, attachmentId: number): string {
  return `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`;
}

export function useAttachments(ticketId: number) {
  return useQuery({ queryKey: extraKeys.attachments(ticketId), queryFn: () => api<Attachment[]>(`/tickets/${ticketId}/attachments`) });
}

export function useUploadAttachment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<Attachment>(`/tickets/${ticketId}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: extraKeys.attachments(ticketId) }),
  });
}

export function useDeleteAttachment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api<void>(`/tickets/${ticketId}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: extraKeys.attachments(ticketId) }),
  });
}

export function useLinks(ticketId: number) {
  return useQuery({ queryKey: extraKeys.links(ticketId), queryFn: () => api<TicketLink[]>(`/tickets/${ticketId}/links`) });
}

export function useAddLink(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ticketId: number; kind: LinkKind }) => api<TicketLink>(`/tickets/${ticketId}/links`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export function useRemoveLink(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: number) => api<void>(`/tickets/${ticketId}/links/${linkId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

/** Merges the ticket into another one and returns the ticket that remains. */
export function useMerge(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (intoTicketId: number) => api<Ticket>(`/tickets/${ticketId}/merge`, { method: 'POST', body: { intoTicketId } }),
    onSuccess: async (target) => {
      queryClient.setQueryData(ticketKeys.one(target.id), target);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}

export function useHistory(ticketId: number, enabled: boolean) {
  return useQuery({ queryKey: extraKeys.history(ticketId), queryFn: () => api<HistoryEntry[]>(`/tickets/${ticketId}/history`), enabled });
}

export function useSurvey(ticketId: number, enabled: boolean) {
  return useQuery({ queryKey: extraKeys.survey(ticketId), queryFn: () => api<Survey>(`/tickets/${ticketId}/satisfaction`), enabled, retry: false });
}

export function useAnswerSurvey(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { rating: number; comment?: string | null }) => api<Survey>(`/tickets/${ticketId}/satisfaction`, { method: 'PUT', body: input }),
    onSuccess: (survey) => queryClient.setQueryData(extraKeys.survey(ticketId), survey),
  });
}
