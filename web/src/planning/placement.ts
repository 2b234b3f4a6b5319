import { DateTime } from 'luxon';
import type { PlannedTask } from '../api/extraTypes';

/** One task's share of one day of the week, positioned in minutes from that day's midnight. */
export interface Placement {
  task: PlannedTask;
  /** 0 for the week's first day (Monday) to 6. */
  day: number;
  startMinute: number;
  endMinute: number;
  /** Side-by-side position among the tasks it overlaps, and how many share that space. */
  lane: number;
  lanes: number;
  /** True when the task began on an earlier day or goes on past midnight. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** Monday 00:00 of the week holding the instant, in the time zone. */
export function weekStart(instant: DateTime, timeZone: string): DateTime {
  return instant.setZone(timeZone).startOf('week');
}

/**
 * Places the tasks in the seven days from `start` (a midnight in the calendar's time zone): a task
 * across midnight gets one piece per day, and overlapping pieces of a day share its width in lanes.
 */
export function placeTasks(tasks: readonly PlannedTask[], start: DateTime): Placement[] {
  const placements: Placement[] = [];
  for (let day = 0; day < 7; day += 1) {
    const dayStart = start.plus({ days: day });
    const dayEnd = dayStart.plus({ days: 1 });
    const pieces: Placement[] = [];
    for (const task of tasks) {
      const taskStart = DateTime.fromISO(task.plannedStart, { zone: start.zone });
      const taskEnd = DateTime.fromISO(task.plannedEnd, { zone: start.zone });
      if (!taskStart.isValid || !taskEnd.isValid || taskEnd <= dayStart || taskStart >= dayEnd) continue;
      const from = taskStart < dayStart ? dayStart : taskStart;
      const to = taskEnd > dayEnd ? dayEnd : taskEnd;
      pieces.push({
        task,
        day,
        startMinute: Math.round(from.diff(dayStart, 'minutes').minutes),
        endMinute: Math.round(to.diff(dayStart, 'minutes').minutes),
        lane: 0,
        lanes: 1,
        continuesBefore: taskStart < dayStart,
        continuesAfter: taskEnd > dayEnd,
      });
    }
    placements.push(...assignLanes(pieces));
  }
  return placements;
}

/** Gives overlapping pieces of one day separate lanes; pieces of one overlapping cluster share a lane count. */
function assignLanes(pieces: Placement[]): Placement[] {
  const sorted = [...pieces].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  let cluster: Placement[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const piece of cluster) piece.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const piece of sorted) {
    if (piece.startMinute >= clusterEnd) close();
    const free = laneEnds.findIndex((end) => end <= piece.startMinute);
    piece.lane = free === -1 ? laneEnds.length : free;
    laneEnds[piece.lane] = piece.endMinute;
    cluster.push(piece);
    clusterEnd = Math.max(clusterEnd, piece.endMinute);
  }
  close();
  return sorted;
}

/** Hours shown by the calendar: 7:00 to 20:00, widened to hold every placed task. */
export function hourWindow(placements: readonly Placement[]): { first: number; last: number } {
  let first = 7;
  let last = 20;
  for (const placement of placements) {
    first = Math.min(first, Math.floor(placement.startMinute / 60));
    last = Math.max(last, Math.ceil(placement.endMinute / 60));
  }
  return { first, last };
}
