import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Conventions shared by both engines:
// - instants are TEXT holding ISO 8601 UTC strings with milliseconds ("2026-12-04T21:02:24.000Z"),
//   written by the application, so they sort and compare the same way on SQLite and PostgreSQL;
// - flags are INTEGER 0/1, because better-sqlite3 cannot bind JavaScript booleans;
// - JSON documents are TEXT, parsed and serialised in the repositories.

export interface EntityTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** group | hospital | ehpad | administrative | other */
  type: string;
  complete_name: string;
  autoclose_days: number | null;
  calendar_id: number | null;
  /** Days after closing during which the requester may answer the satisfaction survey. */
  satisfaction_delay_days: Generated<number>;
  /** Percentage (0-100) of closed tickets that get a survey. */
  satisfaction_rate: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceTable {
  id: Generated<number>;
  entity_id: number;
  name: string;
  /** vital | high | normal | low */
  criticality: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface LocationTable {
  id: Generated<number>;
  entity_id: number;
  parent_id: number | null;
  name: string;
  building: string | null;
  floor: string | null;
  room: string | null;
  complete_name: string;
  created_at: string;
  updated_at: string;
}

export interface ProfileTable {
  id: Generated<number>;
  name: string;
  /** central (technicians' desk) | helpdesk (hospital staff portal) */
  interface: string;
  /** JSON array of permission names such as "ticket:create". */
  rights: string;
  is_system: Generated<number>;
  forbidden_transitions: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  login: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  entity_id: number;
  service_id: number | null;
  job_profile: string;
  password_hash: string | null;
  is_active: Generated<number>;
  language: Generated<string>;
  time_zone: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserEntityTable {
  id: Generated<number>;
  user_id: number;
  entity_id: number;
  profile_id: number;
  is_recursive: Generated<number>;
}

export interface GroupTable {
  id: Generated<number>;
  entity_id: number;
  name: string;
  is_support: Generated<number>;
  /** N1 | N2 | N3, only for support groups */
  level: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMemberTable {
  group_id: number;
  user_id: number;
  is_manager: Generated<number>;
}

export interface SessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the token; the token is shown once at creation. */
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  /** Contiguous sequence number assigned under the audit_head lock; a gap means a deleted row. */
  seq: number;
  occurred_at: string;
  actor_id: number | null;
  actor_login: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  entity_id: number | null;
  /** JSON object { field: [old, new] }, or other details of the action. */
  changes: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CategoryTable {
  id: Generated<number>;
  entity_id: number;
  parent_id: number | null;
  name: string;
  complete_name: string;
  is_incident: Generated<number>;
  is_request: Generated<number>;
  default_group_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TicketTable {
  /** The ticket number shown to users, allocated by the database so every process shares one sequence. */
  id: Generated<number>;
  entity_id: number;
  /** incident | request */
  type: string;
  title: string;
  description: string;
  /** new | assigned | planned | waiting | solved | closed */
  status: string;
  urgency: number;
  impact: number;
  /** 1-5 from the matrix, 6 (Majeure) only by hand */
  priority: number;
  category_id: number | null;
  requester_id: number | null;
  requester_service_id: number | null;
  writer_id: number | null;
  location_id: number | null;
  device: string | null;
  /** web | phone | email | monitoring | api | import */
  source: string;
  /** N1 | N2 | N3 */
  level: string | null;
  /** JSON: the criticality grid's answers, suggestion and explanation */
  criticality: string | null;
  priority_reason: string | null;
  waiting_reason: string | null;
  opened_at: string;
  updated_at: string;
  taken_at: string | null;
  solved_at: string | null;
  closed_at: string | null;
  begin_waiting_at: string | null;
  waiting_seconds: Generated<number>;
  action_seconds: Generated<number>;
  external_ref: string | null;
  search_text: string;
  sla_tto_id: number | null;
  sla_ttr_id: number | null;
  ola_tto_id: number | null;
  ola_ttr_id: number | null;
  tto_due_at: string | null;
  /** Null while the ticket is paused: its deadline is not known until the pause ends. */
  ttr_due_at: string | null;
  ola_tto_due_at: string | null;
  ola_ttr_due_at: string | null;
  ola_started_at: string | null;
  /** 1 when taken into account after the TTO deadline, 0 when in time, null while not yet taken. */
  tto_late: number | null;
  /** 1 when solved after the TTR deadline, 0 when in time, null while not solved. */
  ttr_late: number | null;
  /** Business seconds from opening to taken into account. */
  take_delay_seconds: number | null;
  /** Business seconds from opening to solution, pauses excluded. */
  solve_delay_seconds: number | null;
  /** Business seconds from opening to closing, pauses excluded. */
  close_delay_seconds: number | null;
  /** Business seconds spent En attente (and Résolu before a reopening), in the entity's calendar. */
  paused_business_seconds: Generated<number>;
}

export interface TicketActorTable {
  id: Generated<number>;
  ticket_id: number;
  /** requester | observer | assigned */
  role: string;
  user_id: number | null;
  group_id: number | null;
}

export interface TicketFollowupTable {
  id: Generated<number>;
  ticket_id: number;
  author_id: number | null;
  content: string;
  is_private: Generated<number>;
  created_at: string;
}

export interface TicketTaskTable {
  id: Generated<number>;
  ticket_id: number;
  author_id: number | null;
  technician_id: number | null;
  content: string;
  is_private: Generated<number>;
  /** todo | done | info */
  state: string;
  duration_seconds: Generated<number>;
  planned_start: string | null;
  planned_end: string | null;
  /** remote | on_site */
  mode: string;
  created_at: string;
  updated_at: string;
}

export interface TicketSolutionTable {
  id: Generated<number>;
  ticket_id: number;
  author_id: number | null;
  solution_type: string | null;
  content: string;
  /** waiting | accepted | refused */
  status: string;
  approver_id: number | null;
  approval_comment: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface TicketEscalationTable {
  id: Generated<number>;
  ticket_id: number;
  actor_id: number | null;
  from_level: string | null;
  to_level: string;
  group_id: number | null;
  reason: string;
  created_at: string;
}

export interface JobRunTable {
  name: string;
  /** Index of the last time slot (start time divided by the job's interval) claimed by a process. */
  last_slot: Generated<number>;
  locked_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
  runs: number;
}

export interface CalendarTable {
  id: Generated<number>;
  name: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

export interface SlaTable {
  id: Generated<number>;
  name: string;
  kind: string;
  target: string;
  target_seconds: number | null;
  target_working_days: number | null;
  end_of_working_day: Generated<number>;
  calendar_id: number | null;
  priority: number | null;
  category_id: number | null;
  entity_id: number | null;
  service_id: number | null;
  group_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TicketPauseTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  start_at: string;
  end_at: string | null;
}

export interface SlaLevelTable {
  id: Generated<number>;
  sla_id: number;
  name: string;
  offset_seconds: number;
  action: string;
  group_id: number | null;
  priority: number | null;
  created_at: string;
  updated_at: string;
}

export interface TicketSlaLevelRunTable {
  ticket_id: number;
  level_id: number;
  outcome: string;
  run_at: string;
}

export interface SavedSearchTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: string;
  created_at: string;
  updated_at: string;
}

/** Tickets per entity and status, maintained by triggers on tickets. */
export interface TicketCountTable {
  entity_id: number;
  status: string;
  n: number;
}

/**
 * The statistics report's figures summed per UTC day (yyyy-mm-dd), entity, grouping (`dimension`)
 * and group (`key`: the id or value as text, '' for none), recomputed by the stats.summary job.
 */
export interface TicketStatsDayTable {
  dimension: string;
  day: string;
  entity_id: number;
  key: string;
  opened: number;
  solved: number;
  late: number;
  closed: number;
  surveys_sent: number;
  surveys_answered: number;
  rating_sum: number;
  rating_count: number;
  take_sum: number;
  take_count: number;
  solve_sum: number;
  solve_count: number;
  close_sum: number;
  close_count: number;
  action_sum: number;
  action_count: number;
}

/** A UTC day whose summed figures may be out of date, recorded by triggers; one row per change. */
export interface TicketStatsDirtyTable {
  id: Generated<number>;
  day: string;
}

export interface Database {
  ticket_counts: TicketCountTable;
  ticket_stats_days: TicketStatsDayTable;
  ticket_stats_dirty: TicketStatsDirtyTable;
  saved_searches: SavedSearchTable;
  sla_levels: SlaLevelTable;
  ticket_sla_level_runs: TicketSlaLevelRunTable;
  calendars: CalendarTable;
  slas: SlaTable;
  ticket_pauses: TicketPauseTable;
  job_runs: JobRunTable;
  settings: SettingTable;
  categories: CategoryTable;
  tickets: TicketTable;
  ticket_actors: TicketActorTable;
  ticket_followups: TicketFollowupTable;
  ticket_tasks: TicketTaskTable;
  ticket_solutions: TicketSolutionTable;
  ticket_escalations: TicketEscalationTable;
  entities: EntityTable;
  services: ServiceTable;
  locations: LocationTable;
  profiles: ProfileTable;
  users: UserTable;
  user_entities: UserEntityTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  ticket_attachments: TicketAttachmentTable;
  ticket_satisfactions: TicketSatisfactionTable;
  ticket_links: TicketLinkTable;
  import_runs: ImportRunTable;
  import_checkpoints: ImportCheckpointTable;
  import_refs: ImportRefTable;
  ticket_validations: TicketValidationTable;
}

export type EntityRow = Selectable<EntityTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type LocationRow = Selectable<LocationTable>;
export type ProfileRow = Selectable<ProfileTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type GroupRow = Selectable<GroupTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type TicketRow = Selectable<TicketTable>;

export interface TicketAttachmentTable {
  id: Generated<number>;
  ticket_id: number;
  /** Set when the file belongs to a followup; the followup's privacy applies to it. */
  followup_id: number | null;
  uploader_id: number | null;
  /** The name given by the uploader, for display and Content-Disposition only. */
  name: string;
  size_bytes: number;
  /** Detected from the bytes at upload, never taken from the request. */
  content_type: string;
  sha256: string;
  /** Path under <dataDir>/attachments, "yyyy/mm/<random hex>". */
  storage_key: string;
  created_at: string;
}

export interface TicketSatisfactionTable {
  id: Generated<number>;
  ticket_id: number;
  /** The ticket's closed_at when the survey was opened; a later closing resets the survey. */
  closed_at: string;
  expires_at: string;
  /** 1-5, null until answered */
  rating: number | null;
  comment: string | null;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TicketLinkTable {
  id: Generated<number>;
  /** Always the lower ticket id of the pair. */
  ticket_id: number;
  linked_ticket_id: number;
  /** duplicate | related | parent | child: what linked_ticket_id is to ticket_id */
  kind: string;
  created_by: number | null;
  created_at: string;
}

export type TicketAttachmentRow = Selectable<TicketAttachmentTable>;
export type TicketSatisfactionRow = Selectable<TicketSatisfactionTable>;
export type TicketLinkRow = Selectable<TicketLinkTable>;

export interface ImportRunTable {
  id: Generated<number>;
  /** glpi-api */
  source: string;
  /** Address of the instance read, so that a run resumes only against the same one. */
  source_url: string;
  /** running | failed | finished */
  status: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

export interface ImportCheckpointTable {
  run_id: number;
  /** The other tool's item type, e.g. Ticket or Entity. */
  object_type: string;
  /** JSON cursor: how far the run got in this object type. */
  position: string;
  items: Generated<number>;
  done: Generated<number>;
  updated_at: string;
}

/** Maps a record of another tool (source, type, its id) to the local record imported from it. */
export interface ImportRefTable {
  /** glpi */
  source: string;
  record_type: string;
  external_id: string;
  local_id: number;
  /** The source's modification mark when the record was last imported. */
  version: string | null;
  updated_at: string;
}

/** An approval asked of a user on a ticket (GLPI's TicketValidation). */
export interface TicketValidationTable {
  id: Generated<number>;
  ticket_id: number;
  requester_id: number | null;
  validator_id: number | null;
  /** waiting | accepted | refused */
  status: string;
  request_comment: string | null;
  answer_comment: string | null;
  requested_at: string;
  answered_at: string | null;
}
