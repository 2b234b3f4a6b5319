import { DateTime } from 'luxon';

import { calendarDefinitionSchema, isAlwaysOpen, parseClockTime } from './calendar.js';
import type { CalendarDefinition } from './calendar.js';
import { frenchPublicHolidays } from './holidays.js';
import type { FrenchHolidayRegion } from './holidays.js';

/**
 * Walks a calendar's working time period by period.
 *
 * Instants are JS `Date` objects (absolute UTC instants) in and out. Durations are seconds of
 * business time and may be fractional, while the walk itself works in milliseconds.
 */

const MINUTES_PER_DAY = 24 * 60;

/**
 * Number of consecutive days without working time after which a walk stops with an error.
 * Ten years exceeds any real closure, so hitting it means the calendar is never open.
 */
const MAX_DAYS_WITHOUT_WORK = 3660;

/** Half-open interval [start, end) of absolute instants, in epoch milliseconds. */
export type InstantInterval = readonly [start: number, end: number];

export interface CompiledCalendar {
  alwaysOpen: boolean;
  timeZone: string;
  /** Periods in minutes since local midnight, sorted by start. Index 1..7 is the ISO weekday. */
  periodsByWeekday: { start: number; end: number }[][];
  closedDays: ReadonlySet<string>;
  closedRanges: { start: string; end: string }[];
  holidayRegion: FrenchHolidayRegion | null;
}

// Definitions are treated as immutable: a definition changed in place after its first use
// keeps its old compiled form.
const compiledCalendars = new WeakMap<CalendarDefinition, CompiledCalendar>();

function compile(definition: CalendarDefinition): CompiledCalendar {
  const calendar = calendarDefinitionSchema.parse(definition);
  const alwaysOpen = isAlwaysOpen(calendar);
  const periodsByWeekday = Array.from({ length: 8 }, () => [] as { start: number; end: number }[]);

  for (let weekday = 1; weekday <= 7; weekday++) {
    if (alwaysOpen) periodsByWeekday[weekday]?.push({ start: 0, end: MINUTES_PER_DAY });
  }
  for (const period of alwaysOpen ? [] : calendar.periods) {
    periodsByWeekday[period.weekday]?.push({ start: parseClockTime(period.start), end: parseClockTime(period.end) });
  }
  for (const periods of periodsByWeekday) periods.sort((a, b) => a.start - b.start);

  let holidayRegion: FrenchHolidayRegion | null = null;
  if (!alwaysOpen && calendar.frenchHolidays) {
    holidayRegion = calendar.alsaceMoselleHolidays === true ? 'alsace-moselle' : 'national';
  }

  return {
    alwaysOpen,
    timeZone: calendar.timeZone,
    periodsByWeekday,
    closedDays: new Set(alwaysOpen ? [] : calendar.closedDays),
    closedRanges: alwaysOpen ? [] : calendar.closedRanges,
    holidayRegion,
  };
}

/** Validates and compiles a definition once, then reuses the result. Throws a ZodError if it is invalid. */
export function compileCalendar(definition: CalendarDefinition): CompiledCalendar {
  let compiled = compiledCalendars.get(definition);
  if (!compiled) {
    compiled = compile(definition);
    compiledCalendars.set(definition, compiled);
  }
  return compiled;
}

function isClosedDay(calendar: CompiledCalendar, localDate: string): boolean {
  if (calendar.closedDays.has(localDate)) return true;
  if (calendar.closedRanges.some((range) => range.start <= localDate && localDate <= range.end)) return true;
  if (calendar.holidayRegion === null) return false;
  return frenchPublicHolidays(Number(localDate.slice(0, 4)), calendar.holidayRegion).has(localDate);
}

function instantAtMinutes(dayStart: DateTime, minutes: number): number {
  if (minutes === MINUTES_PER_DAY) return dayStart.plus({ days: 1 }).toMillis();
  // luxon moves a wall-clock time inside a spring-forward gap forward by the gap, and gives an
  // ambiguous autumn time its earlier (summer) offset.
  return dayStart.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

/** Returns the working intervals of the local day starting at `dayStart`, in time order. */
export function workingIntervalsOfDay(calendar: CompiledCalendar, dayStart: DateTime): InstantInterval[] {
  if (isClosedDay(calendar, dayStart.toISODate() ?? '')) return [];

  const intervals: InstantInterval[] = [];
  for (const period of calendar.periodsByWeekday[dayStart.weekday] ?? []) {
    const start = instantAtMinutes(dayStart, period.start);
    const end = instantAtMinutes(dayStart, period.end);
    // A period lying entirely in a spring-forward gap has no duration.
    if (end > start) intervals.push([start, end]);
  }
  return intervals;
}

/** Returns the local start of the day containing `instant` (epoch milliseconds). */
export function localDayStart(calendar: CompiledCalendar, instant: number): DateTime {
  return DateTime.fromMillis(instant, { zone: calendar.timeZone }).startOf('day');
}

/**
 * Yields the working intervals at or after `from`, the first one clipped to start at `from`.
 * Never ends on its own, but throws a RangeError after MAX_DAYS_WITHOUT_WORK days without work.
 */
export function* workingIntervalsFrom(calendar: CompiledCalendar, from: number): Generator<InstantInterval, void> {
  let day = localDayStart(calendar, from);
  let daysWithoutWork = 0;

  for (;;) {
    let found = false;
    for (const [start, end] of workingIntervalsOfDay(calendar, day)) {
      if (end <= from) continue;
      found = true;
      yield [Math.max(start, from), end];
    }

    daysWithoutWork = found ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
      throw new RangeError(
        `No working time in the ${MAX_DAYS_WITHOUT_WORK} days after ${day.toISODate() ?? ''}: check the calendar's periods and closures.`,
      );
    }
    day = day.plus({ days: 1 });
  }
}

/** Converts a Date to epoch milliseconds. Throws a RangeError for an invalid Date, naming the argument. */
export function instantToMillis(instant: Date, name: string): number {
  const millis = instant.getTime();
  if (Number.isNaN(millis)) throw new RangeError(`Invalid date in ${name}.`);
  return millis;
}

/** Returns true when `instant` falls inside a working period (start included, end excluded). */
export function isWorkingTime(definition: CalendarDefinition, instant: Date): boolean {
  const calendar = compileCalendar(definition);
  const at = instantToMillis(instant, 'instant');
  if (calendar.alwaysOpen) return true;

  return workingIntervalsOfDay(calendar, localDayStart(calendar, at)).some(([start, end]) => start <= at && at < end);
}

/**
 * Returns the instant at which `seconds` of business time have elapsed from `start`. Counting
 * starts at the next working instant when `start` is outside working time, so 0 seconds returns
 * that instant. A result that lands exactly on the end of a period stays there.
 */
export function addBusinessSeconds(definition: CalendarDefinition, start: Date, seconds: number): Date {
  const calendar = compileCalendar(definition);
  const from = instantToMillis(start, 'start');
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`Invalid duration ${seconds}: expected a finite number of seconds, 0 or more.`);
  }

  let remaining = Math.round(seconds * 1000);
  if (calendar.alwaysOpen) return new Date(from + remaining);

  for (const [intervalStart, intervalEnd] of workingIntervalsFrom(calendar, from)) {
    const available = intervalEnd - intervalStart;
    if (remaining <= available) return new Date(intervalStart + remaining);
    remaining -= available;
  }
  throw new Error('unreachable: the working-interval walk never ends on its own');
}

/** Returns the business seconds inside [from, to), or 0 when `to` is not after `from`. */
export function businessSecondsBetween(definition: CalendarDefinition, from: Date, to: Date): number {
  const calendar = compileCalendar(definition);
  const fromMillis = instantToMillis(from, 'from');
  const toMillisValue = instantToMillis(to, 'to');
  if (toMillisValue <= fromMillis) return 0;
  if (calendar.alwaysOpen) return (toMillisValue - fromMillis) / 1000;

  let total = 0;
  let day = localDayStart(calendar, fromMillis);
  while (day.toMillis() < toMillisValue) {
    for (const [start, end] of workingIntervalsOfDay(calendar, day)) {
      const overlap = Math.min(end, toMillisValue) - Math.max(start, fromMillis);
      if (overlap > 0) total += overlap;
    }
    day = day.plus({ days: 1 });
  }
  return total / 1000;
}
