import { describe, expect, test } from 'vitest';
import type { TicketSla } from '../api/types';
import { formatSpan, ttoState, ttrState } from './sla';

const NOW = Date.parse('2026-12-04T10:00:00.000Z');
const MINUTE = 60_000;

function sla(overrides: Partial<TicketSla> = {}): TicketSla {
  return { ttoDueAt: null, ttrDueAt: null, internalTtoDueAt: null, internalTtrDueAt: null, ttoLate: null, ttrLate: null, pausedBusinessSeconds: 0, ...overrides };
}

describe('formatSpan', () => {
  test('minutes under an hour', () => {
    expect(formatSpan(45 * MINUTE, 'fr')).toBe('45 min');
    expect(formatSpan(59 * MINUTE + 59_000, 'fr')).toBe('59 min');
  });

  test('hours with padded minutes', () => {
    expect(formatSpan(125 * MINUTE, 'fr')).toBe('2 h 05');
    expect(formatSpan(60 * MINUTE, 'en')).toBe('1 h 00');
  });

  test('days in each language', () => {
    const span = (3 * 24 * 60 + 4 * 60 + 30) * MINUTE;
    expect(formatSpan(span, 'fr')).toBe('3 j 04 h');
    expect(formatSpan(span, 'en')).toBe('3 d 04 h');
  });

  test('sign is ignored', () => {
    expect(formatSpan(-90 * MINUTE, 'fr')).toBe('1 h 30');
  });
});

describe('ttrState', () => {
  test('waiting ticket is paused', () => {
    expect(ttrState({ status: 'waiting', sla: sla({ ttrDueAt: null }) }, NOW)).toEqual({ kind: 'paused' });
  });

  test('open ticket counts down', () => {
    const state = ttrState({ status: 'assigned', sla: sla({ ttrDueAt: '2026-12-04T12:05:00.000Z' }) }, NOW);
    expect(state).toEqual({ kind: 'running', remainingMs: 125 * MINUTE, late: false });
  });

  test('passed deadline is late', () => {
    const state = ttrState({ status: 'new', sla: sla({ ttrDueAt: '2026-12-04T09:00:00.000Z' }) }, NOW);
    expect(state).toEqual({ kind: 'running', remainingMs: -60 * MINUTE, late: true });
  });

  test('solved ticket reports the outcome', () => {
    expect(ttrState({ status: 'solved', sla: sla({ ttrLate: false }) }, NOW)).toEqual({ kind: 'met' });
    expect(ttrState({ status: 'closed', sla: sla({ ttrLate: true }) }, NOW)).toEqual({ kind: 'missed' });
  });

  test('no SLA means no deadline', () => {
    expect(ttrState({ status: 'new', sla: undefined }, NOW)).toEqual({ kind: 'none' });
  });
});

describe('ttoState', () => {
  test('new ticket counts down', () => {
    const state = ttoState({ status: 'new', takenAt: null, sla: sla({ ttoDueAt: '2026-12-04T10:30:00.000Z' }) }, NOW);
    expect(state).toEqual({ kind: 'running', remainingMs: 30 * MINUTE, late: false });
  });

  test('taken ticket stops the clock', () => {
    const state = ttoState({ status: 'assigned', takenAt: '2026-12-04T09:10:00.000Z', sla: sla({ ttoDueAt: '2026-12-04T09:30:00.000Z', ttoLate: false }) }, NOW);
    expect(state).toEqual({ kind: 'met' });
  });
});
