// Calendar days typed and shown as day/month/year ("04/12/2026"), the French and British order,
// in a plain text field. Chromium formats <input type="date"> in the browser's own locale and
// ignores the element's lang attribute (checked on Chromium 156 for Debian), so a French user
// with an English browser would see month/day/year there.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Returns true for an ISO calendar day such as "2026-12-04". */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

/** Returns the local calendar day of an instant, as "2026-12-04". */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function isoDayOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return localDay(date);
}

/**
 * Parses a day typed as day/month/year ("04/12/2026", "4/12/2026", "04.12.2026", "04-12-2026") or
 * pasted as an ISO day ("2026-12-04"). Returns the ISO day, '' for blank text, or undefined when
 * the text is not a day of the calendar (31/02/2026, 2026 alone).
 */
export function parseDayText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const iso = ISO_DAY.exec(trimmed);
  if (iso !== null) return isoDayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const typed = TYPED_DAY.exec(trimmed);
  if (typed === null) return undefined;
  return isoDayOf(Number(typed[3]), Number(typed[2]), Number(typed[1]));
}

/** Formats an ISO day "2026-12-04" as "04/12/2026"; any other text is returned unchanged. */
export function formatDayText(day: string): string {
  const match = ISO_DAY.exec(day);
  return match === null ? day : `${match[3]}/${match[2]}/${match[1]}`;
}

/** Formats an instant as its local day and time, "04/12/2026 09:30". */
export function formatLocalDateTime(date: Date): string {
  const hours = String(date.getHours()).padStart(2, '0');
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${formatDayText(localDay(date))} ${hours}:${minutes}`;
}
