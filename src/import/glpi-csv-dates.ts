// Date cells of a GLPI ticket-list CSV export: wall-clock times of the GLPI server, no seconds.

import { DateTime, IANAZone } from 'luxon';

export type GlpiDateOrder = 'ymd' | 'dmy';

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DATE_PATTERNS: Readonly<Record<GlpiDateOrder, RegExp>> = {
  ymd: /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2}) (?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?$/,
  dmy: /^(?<day>\d{2})-(?<month>\d{2})-(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?$/,
};

/**
 * Date order shown by one date cell, or undefined when the cell is empty or shaped otherwise.
 * GLPI offers DD-MM-YYYY and MM-DD-YYYY, which differ visibly only when a group exceeds 12, so
 * a cell such as 04-12-2026 gives 'dmy-or-mdy'.
 */
export function detectGlpiDateOrder(cell: string): GlpiDateOrder | 'mdy' | 'dmy-or-mdy' | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(cell)) return 'ymd';

  const twoDigitsFirst = /^(\d{2})-(\d{2})-\d{4}/.exec(cell);
  if (twoDigitsFirst === null) return undefined;
  if (Number(twoDigitsFirst[1]) > 12) return 'dmy';
  if (Number(twoDigitsFirst[2]) > 12) return 'mdy';
  return 'dmy-or-mdy';
}

function readLocalTime(cell: string, order: GlpiDateOrder): LocalTime | undefined {
  const groups = DATE_PATTERNS[order].exec(cell.trim())?.groups;
  if (groups === undefined) return undefined;

  const time = {
    year: Number(groups.year),
    month: Number(groups.month),
    day: Number(groups.day),
    hour: Number(groups.hour),
    minute: Number(groups.minute),
    second: Number(groups.second ?? 0),
  };
  const date = new Date(utcMilliseconds(time));
  // Date rolls 2026-02-30 over to March, so a changed field means the date does not exist.
  const exists = date.getUTCMonth() === time.month - 1 && date.getUTCDate() === time.day;
  return exists && time.hour < 24 && time.minute < 60 && time.second < 60 ? time : undefined;
}

/** Milliseconds since the epoch of the time read as UTC, valid for any four-digit year. */
function utcMilliseconds(time: LocalTime): number {
  const date = new Date(0);
  date.setUTCFullYear(time.year, time.month - 1, time.day);
  date.setUTCHours(time.hour, time.minute, time.second, 0);
  return date.getTime();
}

/**
 * Creates a converter from GLPI wall-clock times of `timeZone` to ISO 8601 UTC instants. It returns
 * undefined when a cell does not match `order` or names no real date. Luxon computes the UTC offset
 * once per day, and again for every time of a day with an offset change, because converting every
 * cell through luxon made parsing a 100,000-row export about three times slower.
 * NOTE: as luxon 3.7 resolves them, a time skipped by the spring DST change (02:30 on the last
 * Sunday of March in Paris) moves one hour later, and a time repeated in autumn takes the later
 * instant (standard time). The export cannot tell which of the two GLPI meant.
 */
export function createGlpiDateParser(timeZone: string, order: GlpiDateOrder): (cell: string) => string | undefined {
  // Offset in minutes of each day without an offset change, or null for a day with one.
  const dayOffsets = new Map<number, number | null>();

  return (cell) => {
    const time = readLocalTime(cell, order);
    if (time === undefined) return undefined;

    const dayKey = time.year * 10_000 + time.month * 100 + time.day;
    let offset = dayOffsets.get(dayKey);
    if (offset === undefined) {
      const dayStart = DateTime.fromObject({ ...time, hour: 0, minute: 0, second: 0 }, { zone: timeZone });
      const dayEnd = DateTime.fromObject({ ...time, hour: 23, minute: 59, second: 59 }, { zone: timeZone });
      offset = dayStart.offset === dayEnd.offset ? dayStart.offset : null;
      dayOffsets.set(dayKey, offset);
    }

    if (offset === null) return DateTime.fromObject(time, { zone: timeZone }).toUTC().toISO() ?? undefined;
    return new Date(utcMilliseconds(time) - offset * 60_000).toISOString();
  };
}

/** Formats an ISO instant as GLPI's wall-clock time in `timeZone`, without seconds. */
export function formatGlpiDate(instant: string, order: GlpiDateOrder, timeZone: string): string {
  const milliseconds = Date.parse(instant);
  if (Number.isNaN(milliseconds)) throw new RangeError(`Invalid ISO 8601 instant: ${instant}`);

  const offset = IANAZone.create(timeZone).offset(milliseconds);
  const local = new Date(milliseconds + offset * 60_000);
  const pad = (value: number, length = 2): string => String(value).padStart(length, '0');
  const year = pad(local.getUTCFullYear(), 4);
  const month = pad(local.getUTCMonth() + 1);
  const day = pad(local.getUTCDate());
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return order === 'ymd' ? `${year}-${month}-${day} ${time}` : `${day}-${month}-${year} ${time}`;
}

/** Throws when luxon does not know `timeZone`, because every date would then fail. */
export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}
