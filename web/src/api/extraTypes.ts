// Shapes of the second wave's API answers: dashboard, ticket extras, planning and statistics.

export interface Counters {
  all: number;
  new: number;
  waiting: number;
  assigned: number;
  planned: number;
  solved: number;
  closed: number;
  /** Open tickets whose TTR deadline has passed. */
  late: number;
  /** Open tickets whose TTR deadline falls within the next hours (4 by default). */
  dueSoon: number;
}

export interface Attachment {
  id: number;
  name: string;
  /** Bytes. */
  size: number;
  contentType: string;
  followupId: number | null;
  uploadedBy: { id: number; name: string } | null;
  createdAt: string;
}

export const LINK_KINDS = ['related', 'duplicate', 'parent', 'child'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A link as seen from the ticket on screen: `kind` is what the other ticket is to this one. */
export interface TicketLink {
  id: number;
  ticketId: number;
  title: string;
  status: string;
  kind: LinkKind;
  createdAt: string;
}

/** One audit entry of a ticket; `changes` maps a field to [old, new] for most actions. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  changes: Record<string, unknown>;
}

export interface Survey {
  ticketId: number;
  rating: number | null;
  comment: string | null;
  answeredAt: string | null;
  closedAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: Record<string, string>;
  createdAt: string;
}

export interface PlannedTask {
  taskId: number;
  ticketId: number;
  ticketTitle: string;
  ticketStatus: string;
  priority: number;
  technicianId: number | null;
  technicianName: string | null;
  content: string;
  isPrivate: boolean;
  state: string;
  mode: string;
  plannedStart: string;
  plannedEnd: string;
}

export const FIGURES = [
  'opened',
  'solved',
  'late',
  'closed',
  'surveysSent',
  'surveysAnswered',
  'averageRating',
  'averageTakeDelaySeconds',
  'averageSolveDelaySeconds',
  'averageCloseDelaySeconds',
  'averageActionSeconds',
  'totalActionSeconds',
] as const;
export type Figure = (typeof FIGURES)[number];

export const GROUP_BY = ['technician', 'group', 'level', 'category', 'service', 'entity', 'requesterProfile', 'priority'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface ReportRow {
  key: number | string | null;
  label: string;
  figures: Record<Figure, number | null>;
  /** Ticket-list query behind each figure; `unsupported` names the conditions the list cannot express. */
  links: Record<Figure, { query: string; unsupported: string[] }>;
}

export interface Report {
  from: string;
  to: string;
  groupBy: string;
  rows: ReportRow[];
}

export interface SeriesBucket {
  start: string;
  from: string;
  to: string;
  opened: number;
  solved: number;
  backlog: number;
  slaMeasured: number;
  /** Share of measured tickets solved within their TTR, from 0 to 1; null when none was measured. */
  slaCompliance: number | null;
}

export interface Series {
  timeZone: string;
  interval: string;
  buckets: SeriesBucket[];
}
