import { DateTime } from 'luxon';

import type { CalendarDefinition } from './calendar.js';
import {
  addBusinessSeconds,
  businessSecondsBetween,
  compileCalendar,
  instantToMillis,
  localDayStart,
  workingIntervalsFrom,
  workingIntervalsOfDay,
} from './working-time.js';
import type { CompiledCalendar, InstantInterval } from './working-time.js';

/**
 * SLA/OLA deadlines (TTO, TTR) in business time. Instants are JS `Date` objects.
 *
 * Pauses (ticket "En attente", or time spent solved before a reopen) extend a TTR deadline by
 * their business-time duration in the same calendar. TTO deadlines are never extended, so
 * callers pass no pause for them.
 */

/** Period during which the SLA clock stops. `end` is null while the ticket is still paused. */
export interface Pause {
  start: Date;
  end: Date | null;
}

/** Target counted in working days, for SLAs whose unit is the day (callers convert months to days). */
export interface WorkingDaysTarget {
  workingDays: number;
  /** True to land on the end of the last working period of the final day. */
  endOfWorkingDay: boolean;
}

function checkWorkingDays(workingDays: number): void {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`Invalid number of working days ${workingDays}: expected an integer, 0 or more.`);
  }
}

/**
 * Returns the working intervals of the `workingDays`-th working day after the day of the first
 * working instant at or after `from`. That day counts as day 0, and its first interval starts
 * at that working instant.
 */
function intervalsOfNthWorkingDay(calendar: CompiledCalendar, from: number, workingDays: number): InstantInterval[] {
  const firstInterval = workingIntervalsFrom(calendar, from).next().value;
  if (!firstInterval) throw new Error('unreachable: the working-interval walk never ends on its own');

  let day = localDayStart(calendar, firstInterval[0]);
  let intervals = workingIntervalsOfDay(calendar, day)
    .filter(([, end]) => end > from)
    .map(([start, end]): InstantInterval => [Math.max(start, from), end]);

  // The loop ends because closures are finite and day 0 proves that some weekday has working time.
  let counted = 0;
  while (counted < workingDays) {
    day = day.plus({ days: 1 });
    intervals = workingIntervalsOfDay(calendar, day);
    if (intervals.length > 0) counted += 1;
  }
  return intervals;
}

/**
 * Returns the end of the last working period of the `workingDays`-th working day, GLPI's
 * "end of working day" rule for day units. Day 0 is the day of the first working instant at or
 * after `start`, so a ticket opened after hours counts from the next working day.
 */
// NOTE: GLPI counts from the opening day even when the ticket arrives after that day's last
// period, which gives an evening ticket one working day less than a morning ticket of the
// next day. Counting from the first working instant treats both alike.
export function endOfWorkingDay(definition: CalendarDefinition, start: Date, workingDays: number): Date {
  checkWorkingDays(workingDays);
  const calendar = compileCalendar(definition);
  const intervals = intervalsOfNthWorkingDay(calendar, instantToMillis(start, 'start'), workingDays);

  const last = intervals[intervals.length - 1];
  if (!last) throw new Error('unreachable: a working day has at least one interval');
  return new Date(last[1]);
}

/**
 * Adds working days, GLPI's rule for day units without "end of working day". The deadline keeps
 * the local clock time of the first working instant at or after `start`. When that time falls
 * before the first or after the last period of the target day, it moves to that period's bound.
 */
export function addWorkingDays(definition: CalendarDefinition, start: Date, workingDays: number): Date {
  checkWorkingDays(workingDays);
  const calendar = compileCalendar(definition);
  const from = instantToMillis(start, 'start');

  const firstInstant = intervalsOfNthWorkingDay(calendar, from, 0)[0];
  const intervals = intervalsOfNthWorkingDay(calendar, from, workingDays);
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  if (!firstInstant || !first || !last) throw new Error('unreachable: a working day has at least one interval');

  const clock = DateTime.fromMillis(firstInstant[0], { zone: calendar.timeZone });
  const sameClock = localDayStart(calendar, first[0])
    .set({ hour: clock.hour, minute: clock.minute, second: clock.second, millisecond: clock.millisecond })
    .toMillis();
  return new Date(Math.min(Math.max(sameClock, first[0]), last[1]));
}

/**
 * Returns the business seconds covered by closed pauses from `notBefore` on. Overlapping pauses
 * count once. Throws a RangeError for a pause that ends before it starts.
 */
export function pausedBusinessSeconds(
  definition: CalendarDefinition,
  pauses: readonly { start: Date; end: Date }[],
  notBefore: Date,
): number {
  const floor = instantToMillis(notBefore, 'notBefore');
  const sorted = pauses
    .map((pause) => {
      const start = instantToMillis(pause.start, 'pause start');
      const end = instantToMillis(pause.end, 'pause end');
      if (end < start) {
        throw new RangeError(`Invalid pause: it ends (${pause.end.toISOString()}) before it starts (${pause.start.toISOString()}).`);
      }
      return { start: Math.max(start, floor), end };
    })
    .filter((pause) => pause.end > pause.start)
    .sort((a, b) => a.start - b.start);

  let total = 0;
  let mergedStart = 0;
  let mergedEnd = -Infinity;
  for (const pause of sorted) {
    if (pause.start > mergedEnd) {
      if (mergedEnd > mergedStart) total += businessSecondsBetween(definition, new Date(mergedStart), new Date(mergedEnd));
      mergedStart = pause.start;
    }
    mergedEnd = Math.max(mergedEnd, pause.end);
  }
  if (mergedEnd > mergedStart) total += businessSecondsBetween(definition, new Date(mergedStart), new Date(mergedEnd));
  return total;
}

/**
 * Computes a deadline from `start` for a target in business seconds or in working days, extended
 * by the business time of the closed pauses after `start`. Returns null while a pause is open,
 * because a paused ticket never becomes late and its deadline is not known yet.
 */
export function computeDeadline(
  definition: CalendarDefinition,
  start: Date,
  target: number | WorkingDaysTarget,
  pauses: readonly Pause[] = [],
): Date | null {
  const closedPauses: { start: Date; end: Date }[] = [];
  for (const pause of pauses) {
    if (pause.end === null) return null;
    closedPauses.push({ start: pause.start, end: pause.end });
  }
  const pausedSeconds = pausedBusinessSeconds(definition, closedPauses, start);

  if (typeof target === 'number') {
    return addBusinessSeconds(definition, start, target + pausedSeconds);
  }

  const base = target.endOfWorkingDay
    ? endOfWorkingDay(definition, start, target.workingDays)
    : addWorkingDays(definition, start, target.workingDays);
  // Adding 0 seconds would move a deadline at the end of a period to the next working instant.
  return pausedSeconds > 0 ? addBusinessSeconds(definition, base, pausedSeconds) : base;
}
