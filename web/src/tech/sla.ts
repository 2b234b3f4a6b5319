import type { Ticket } from '../api/types';

/** State of one SLA clock on a ticket. `remainingMs` is negative once the deadline has passed. */
export type ClockState =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'met' }
  | { kind: 'missed' }
  | { kind: 'running'; remainingMs: number; late: boolean };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * State of the TTR clock: paused while the ticket waits (the server clears the deadline then,
 * because the pause moves it), finished once solved, otherwise counting down to the deadline.
 */
export function ttrState(ticket: Pick<Ticket, 'status' | 'sla'>, now: number): ClockState {
  const sla = ticket.sla;
  if (ticket.status === 'waiting') return { kind: 'paused' };
  if (ticket.status === 'solved' || ticket.status === 'closed') return finished(sla?.ttrLate ?? null);
  return running(sla?.ttrDueAt ?? null, now);
}

/** State of the TTO clock: finished once a technician has taken the ticket. */
export function ttoState(ticket: Pick<Ticket, 'status' | 'sla' | 'takenAt'>, now: number): ClockState {
  const sla = ticket.sla;
  const taken = (ticket.takenAt ?? null) !== null || ticket.status !== 'new';
  if (taken) return finished(sla?.ttoLate ?? null);
  return running(sla?.ttoDueAt ?? null, now);
}

function finished(late: boolean | null): ClockState {
  if (late === null) return { kind: 'none' };
  return late ? { kind: 'missed' } : { kind: 'met' };
}

function running(dueAt: string | null, now: number): ClockState {
  if (dueAt === null) return { kind: 'none' };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { kind: 'none' };
  const remainingMs = due - now;
  return { kind: 'running', remainingMs, late: remainingMs < 0 };
}

/**
 * Formats a span of time as the field writes it, rounded down to the minute: "45 min", "2 h 05",
 * "3 j 04 h" in French and "3 d 04 h" in English. The sign is ignored.
 */
export function formatSpan(milliseconds: number, language: string): string {
  const total = Math.floor(Math.abs(milliseconds) / MINUTE) * MINUTE;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return `${days} ${language === 'en' ? 'd' : 'j'} ${String(hours).padStart(2, '0')} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')}`;
  return `${minutes} min`;
}
