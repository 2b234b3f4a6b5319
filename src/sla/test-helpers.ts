import assert from 'node:assert/strict';

import { DateTime } from 'luxon';

import type { CalendarDefinition, WorkingPeriod } from './calendar.js';

export const ZONE = 'Europe/Paris';

/** Converts a local Paris wall-clock time such as '2026-06-05T10:00' to an instant. */
export function paris(localTime: string): Date {
  const dateTime = DateTime.fromISO(localTime, { zone: ZONE });
  if (!dateTime.isValid) throw new Error(`Invalid local time in test: ${localTime}`);
  return dateTime.toJSDate();
}

/** Asserts that `actual` is the Paris wall-clock time `expectedLocal`, comparing offsets too. */
export function assertParisTime(actual: Date | null, expectedLocal: string): void {
  assert.ok(actual, `expected ${expectedLocal}, got null`);
  const actualIso = DateTime.fromJSDate(actual, { zone: ZONE }).toISO();
  const expectedIso = DateTime.fromISO(expectedLocal, { zone: ZONE }).toISO();
  assert.equal(actualIso, expectedIso);
}

/** Builds the same periods on each ISO weekday from `firstDay` to `lastDay`. */
export function weekdayPeriods(
  firstDay: number,
  lastDay: number,
  ranges: readonly (readonly [start: string, end: string])[],
): WorkingPeriod[] {
  const periods: WorkingPeriod[] = [];
  for (let weekday = firstDay; weekday <= lastDay; weekday++) {
    for (const [start, end] of ranges) periods.push({ weekday, start, end });
  }
  return periods;
}

/** Paris office hours: Monday to Friday 08:00–18:00 with French public holidays. */
export function officeCalendar(overrides: Partial<CalendarDefinition> = {}): CalendarDefinition {
  return {
    timeZone: ZONE,
    periods: weekdayPeriods(1, 5, [['08:00', '18:00']]),
    closedDays: [],
    closedRanges: [],
    frenchHolidays: true,
    ...overrides,
  };
}

/** Paris office hours with a lunch break: 08:00–12:00 and 13:30–18:00, Monday to Friday. */
export function lunchBreakCalendar(): CalendarDefinition {
  return officeCalendar({ periods: weekdayPeriods(1, 5, [['08:00', '12:00'], ['13:30', '18:00']]) });
}
