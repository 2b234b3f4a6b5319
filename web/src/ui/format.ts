/** Date and time in the user's language and time zone, e.g. "04/12/2026 09:30". */
export function formatDateTime(iso: string | null | undefined, language: string, timeZone?: string): string {
  if (iso === null || iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(date);
}

/** Duration in hours and minutes from seconds, e.g. "1 h 30". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** Start of a local calendar day ("2026-12-04") as an ISO instant, or undefined when empty. */
export function dayStart(day: string): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Start of the day after a local calendar day, so that a "to" filter includes the whole day. */
export function dayAfter(day: string): string | undefined {
  const start = dayStart(day);
  if (start === undefined) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** Value of a datetime-local input as an ISO instant. */
export function localInputToIso(value: string): string | undefined {
  if (value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** File size in the user's language: "512 o", "1,5 Ko", "2,3 Mo" (French) or "1.5 KB" (English). */
export function formatSize(bytes: number, language: string): string {
  const units = language === 'en' ? ['B', 'KB', 'MB', 'GB'] : ['o', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit] ?? ''}`;
}
