// Ticket statuses and GLPI's automatic transitions, as pure functions over a ticket's dates.

export const STATUSES = ['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = ['new', 'assigned', 'planned', 'waiting'];

/** Statuses in which the TTR clock runs: En attente pauses it, and Résolu stops it. */
export const RUNNING_STATUSES: readonly Status[] = ['new', 'assigned', 'planned'];

export interface StatusDates {
  status: string;
  solved_at: string | null;
  closed_at: string | null;
  begin_waiting_at: string | null;
  waiting_seconds: number;
}

/**
 * Returns the columns to write when a ticket moves to `next`: solve and close dates are set on
 * entering Résolu and Clos and cleared on leaving them; a pause starts on entering En attente or
 * Résolu and its wall-clock length is added to waiting_seconds when it ends.
 */
export function statusChange(ticket: StatusDates, next: Status, now: string): Partial<StatusDates> {
  if (ticket.status === next) return {};
  const change: Partial<StatusDates> = { status: next };

  if (next === 'solved') change.solved_at = now;
  else if (next === 'closed') change.solved_at = ticket.solved_at ?? now;
  else change.solved_at = null;
  change.closed_at = next === 'closed' ? now : null;

  const pausing = next === 'waiting' || next === 'solved';
  if (ticket.begin_waiting_at !== null && !pausing) {
    const paused = Math.max(0, Math.round((Date.parse(now) - Date.parse(ticket.begin_waiting_at)) / 1000));
    change.waiting_seconds = ticket.waiting_seconds + paused;
    change.begin_waiting_at = null;
  }
  if (pausing && ticket.begin_waiting_at === null) change.begin_waiting_at = now;
  return change;
}

/** Status a ticket returns to when reopened: attribué when someone is assigned, otherwise Nouveau. */
export function reopenedStatus(hasAssignee: boolean): Status {
  return hasAssignee ? 'assigned' : 'new';
}

/** Forbidden transitions of a profile, as stored: { from: [to, ...] }. */
export type ForbiddenTransitions = Partial<Record<Status, Status[]>>;

/** A transition is allowed unless every profile that applies forbids it; staying put is always allowed. */
export function isTransitionAllowed(profiles: ForbiddenTransitions[], from: Status, to: Status): boolean {
  if (from === to) return true;
  if (profiles.length === 0) return false;
  return profiles.some((forbidden) => !(forbidden[from] ?? []).includes(to));
}

/** Self-Service may only close a solved ticket (approve), as GLPI ships it. */
export const SELF_SERVICE_FORBIDDEN: ForbiddenTransitions = Object.fromEntries(
  STATUSES.map((from) => [from, STATUSES.filter((to) => to !== from && !(from === 'solved' && to === 'closed'))]),
);
