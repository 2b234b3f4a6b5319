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

export interface Database {
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
