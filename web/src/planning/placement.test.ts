import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import type { PlannedTask } from '../api/extraTypes';
import { hourWindow, placeTasks, weekStart } from './placement';

const ZONE = 'Europe/Paris';
// Monday 30 November 2026, midnight in Paris (UTC+1 in winter).
const MONDAY = DateTime.fromISO('2026-11-30T00:00:00', { zone: ZONE });

function task(taskId: number, start: string, end: string): PlannedTask {
  return {
    taskId,
    ticketId: 100 + taskId,
    ticketTitle: `Tâche ${taskId}`,
    ticketStatus: 'planned',
    priority: 3,
    technicianId: 7,
    technicianName: 'Martin Claire',
    content: '',
    isPrivate: false,
    state: 'todo',
    mode: 'on_site',
    plannedStart: start,
    plannedEnd: end,
  };
}

describe('weekStart', () => {
  test('Thursday goes back to Monday', () => {
    const start = weekStart(DateTime.fromISO('2026-12-03T15:20:00Z'), ZONE);
    expect(start.toISO()).toBe('2026-11-30T00:00:00.000+01:00');
  });
});

describe('placeTasks', () => {
  test('task placed by local time', () => {
    // 08:30 to 10:00 UTC is 09:30 to 11:00 in Paris, on Wednesday.
    const [placed] = placeTasks([task(1, '2026-12-02T08:30:00.000Z', '2026-12-02T10:00:00.000Z')], MONDAY);
    expect(placed?.day).toBe(2);
    expect(placed?.startMinute).toBe(9 * 60 + 30);
    expect(placed?.endMinute).toBe(11 * 60);
    expect(placed?.lanes).toBe(1);
  });

  test('task across midnight split', () => {
    const pieces = placeTasks([task(2, '2026-12-01T21:00:00.000Z', '2026-12-01T23:30:00.000Z')], MONDAY);
    expect(pieces.map((piece) => piece.day)).toEqual([1, 2]);
    expect(pieces[0]).toMatchObject({ startMinute: 22 * 60, endMinute: 24 * 60, continuesBefore: false, continuesAfter: true });
    expect(pieces[1]).toMatchObject({ startMinute: 0, endMinute: 30, continuesBefore: true, continuesAfter: false });
  });

  test('tasks outside the week dropped', () => {
    expect(placeTasks([task(3, '2026-12-07T08:00:00.000Z', '2026-12-07T09:00:00.000Z')], MONDAY)).toEqual([]);
  });

  test('overlapping tasks share lanes', () => {
    const pieces = placeTasks(
      [
        task(4, '2026-11-30T08:00:00.000Z', '2026-11-30T10:00:00.000Z'),
        task(5, '2026-11-30T09:00:00.000Z', '2026-11-30T11:00:00.000Z'),
        task(6, '2026-11-30T10:00:00.000Z', '2026-11-30T10:30:00.000Z'),
        task(7, '2026-11-30T13:00:00.000Z', '2026-11-30T14:00:00.000Z'),
      ],
      MONDAY,
    );
    const byTask = new Map(pieces.map((piece) => [piece.task.taskId, piece]));
    expect(byTask.get(4)).toMatchObject({ lane: 0, lanes: 2 });
    expect(byTask.get(5)).toMatchObject({ lane: 1, lanes: 2 });
    // Task 6 starts when task 4 ends, so it reuses the first lane.
    expect(byTask.get(6)).toMatchObject({ lane: 0, lanes: 2 });
    expect(byTask.get(7)).toMatchObject({ lane: 0, lanes: 1 });
  });
});

describe('hourWindow', () => {
  test('default office hours', () => {
    expect(hourWindow([])).toEqual({ first: 7, last: 20 });
  });

  test('widened for early and late tasks', () => {
    const pieces = placeTasks([task(8, '2026-11-30T05:15:00.000Z', '2026-11-30T06:00:00.000Z'), task(9, '2026-11-30T20:00:00.000Z', '2026-11-30T21:30:00.000Z')], MONDAY);
    expect(hourWindow(pieces)).toEqual({ first: 6, last: 23 });
  });
});
