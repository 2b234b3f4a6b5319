import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Business-hours calendar used to compute SLA/OLA deadlines.
 *
 * Working periods are local wall-clock times in `timeZone`, so a period 08:00–18:00 keeps its
 * local hours across DST changes. A calendar with `alwaysOpen: true` or no period at all is 24/7:
 * business time is then real elapsed time, and closed days, closed ranges and holidays are ignored.
 */

const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Identifier of a validation issue raised by `calendarDefinitionSchema`, stored in `issue.params.code`. */
export type CalendarIssueCode =
  | 'calendar.invalid_time_zone'
  | 'calendar.invalid_weekday'
  | 'calendar.invalid_time'
  | 'calendar.period_start_not_before_end'
  | 'calendar.periods_overlap'
  | 'calendar.invalid_date'
  | 'calendar.range_start_after_end'
  | 'calendar.always_open_with_periods';

/**
 * French and English texts of each calendar validation issue. Placeholders in braces are filled
 * from the issue's `params` by `formatCalendarIssue`.
 */
export const CALENDAR_ISSUE_MESSAGES: Record<CalendarIssueCode, { fr: string; en: string }> = {
  'calendar.invalid_time_zone': {
    fr: 'Fuseau horaire inconnu : « {value} ». Indiquez un nom IANA, par exemple Europe/Paris.',
    en: 'Unknown time zone "{value}". Use an IANA name such as Europe/Paris.',
  },
  'calendar.invalid_weekday': {
    fr: 'Jour de semaine invalide : {value}. Indiquez un entier de 1 (lundi) à 7 (dimanche).',
    en: 'Invalid weekday {value}. Use an integer from 1 (Monday) to 7 (Sunday).',
  },
  'calendar.invalid_time': {
    fr: 'Heure invalide : « {value} ». Format attendu HH:MM, de 00:00 à 24:00.',
    en: 'Invalid time "{value}". Expected HH:MM, from 00:00 to 24:00.',
  },
  'calendar.period_start_not_before_end': {
    fr: 'La plage horaire {start}–{end} est invalide : le début doit précéder la fin.',
    en: 'Invalid period {start}–{end}: the start must be before the end.',
  },
  'calendar.periods_overlap': {
    fr: 'Les plages {first} et {second} du {dayFr} se chevauchent.',
    en: 'Periods {first} and {second} on {dayEn} overlap.',
  },
  'calendar.invalid_date': {
    fr: 'Date invalide : « {value} ». Format attendu AAAA-MM-JJ.',
    en: 'Invalid date "{value}". Expected YYYY-MM-DD.',
  },
  'calendar.range_start_after_end': {
    fr: 'La période de fermeture du {start} au {end} est invalide : le début est après la fin.',
    en: 'Invalid closed range {start} to {end}: the start is after the end.',
  },
  'calendar.always_open_with_periods': {
    fr: 'Un calendrier ouvert 24 h/24 ne peut pas avoir de plages horaires.',
    en: 'An always-open calendar cannot have working periods.',
  },
};

function fillTemplate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

function issue(code: CalendarIssueCode, values: Record<string, unknown> = {}) {
  return {
    message: fillTemplate(CALENDAR_ISSUE_MESSAGES[code].en, values),
    params: { code, ...values },
  };
}

function checkValue<T>(code: CalendarIssueCode, isValid: (value: T) => boolean) {
  return (value: T, context: z.RefinementCtx<T>) => {
    if (!isValid(value)) context.addIssue({ code: 'custom', ...issue(code, { value }) });
  };
}

/** Formats a validation issue of `calendarDefinitionSchema` in French or English. */
export function formatCalendarIssue(
  zodIssue: { message: string; params?: Record<string, unknown> | undefined },
  locale: 'fr' | 'en',
): string {
  const code = zodIssue.params?.['code'];
  if (typeof code !== 'string' || !(code in CALENDAR_ISSUE_MESSAGES)) {
    return zodIssue.message;
  }
  return fillTemplate(CALENDAR_ISSUE_MESSAGES[code as CalendarIssueCode][locale], zodIssue.params ?? {});
}

const WEEKDAY_NAMES = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** Converts 'HH:MM' (including '24:00') to minutes since local midnight. */
export function parseClockTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function isValidLocalDate(value: string): boolean {
  return DATE_PATTERN.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

const clockTimeSchema = z
  .string()
  .superRefine(checkValue('calendar.invalid_time', (value: string) => TIME_PATTERN.test(value)));

const localDateSchema = z.string().superRefine(checkValue('calendar.invalid_date', isValidLocalDate));

function isIsoWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

function isValidPeriod(period: { weekday: number; start: string; end: string }): boolean {
  return isIsoWeekday(period.weekday) && TIME_PATTERN.test(period.start) && TIME_PATTERN.test(period.end);
}

const periodSchema = z
  .object({
    weekday: z.number().superRefine(checkValue('calendar.invalid_weekday', isIsoWeekday)),
    start: clockTimeSchema,
    end: clockTimeSchema,
  })
  .superRefine((period, context) => {
    // zod runs this check even when a field failed, so skip times already reported as invalid.
    if (!isValidPeriod(period)) return;
    if (parseClockTime(period.start) >= parseClockTime(period.end)) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        ...issue('calendar.period_start_not_before_end', { start: period.start, end: period.end }),
      });
    }
  });

const closedRangeSchema = z
  .object({ start: localDateSchema, end: localDateSchema })
  .superRefine((range, context) => {
    // ISO dates compare correctly as strings.
    if (isValidLocalDate(range.start) && isValidLocalDate(range.end) && range.start > range.end) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        ...issue('calendar.range_start_after_end', { start: range.start, end: range.end }),
      });
    }
  });

type Period = z.infer<typeof periodSchema>;

function checkOverlaps(periods: Period[], context: z.RefinementCtx): void {
  const indexed = periods
    .map((period, index) => ({ period, index }))
    .filter(({ period }) => isValidPeriod(period) && parseClockTime(period.start) < parseClockTime(period.end));
  indexed.sort(
    (a, b) => a.period.weekday - b.period.weekday || parseClockTime(a.period.start) - parseClockTime(b.period.start),
  );

  for (let i = 1; i < indexed.length; i++) {
    const previous = indexed[i - 1];
    const current = indexed[i];
    if (!previous || !current || previous.period.weekday !== current.period.weekday) continue;

    if (parseClockTime(previous.period.end) > parseClockTime(current.period.start)) {
      context.addIssue({
        code: 'custom',
        path: ['periods', current.index],
        ...issue('calendar.periods_overlap', {
          weekday: current.period.weekday,
          dayFr: WEEKDAY_NAMES.fr[current.period.weekday - 1],
          dayEn: WEEKDAY_NAMES.en[current.period.weekday - 1],
          first: `${previous.period.start}–${previous.period.end}`,
          second: `${current.period.start}–${current.period.end}`,
        }),
      });
    }
  }
}

/** Schema of a stored calendar definition. Missing fields take their defaults. */
export const calendarDefinitionSchema = z
  .object({
    timeZone: z
      .string()
      .default('Europe/Paris')
      .superRefine(checkValue('calendar.invalid_time_zone', (value: string) => IANAZone.isValidZone(value))),
    periods: z.array(periodSchema).default([]),
    closedDays: z.array(localDateSchema).default([]),
    closedRanges: z.array(closedRangeSchema).default([]),
    frenchHolidays: z.boolean().default(false),
    /** Adds Good Friday and 26 December, public holidays in Moselle, Bas-Rhin and Haut-Rhin. */
    alsaceMoselleHolidays: z.boolean().optional(),
    alwaysOpen: z.boolean().optional(),
  })
  .superRefine((calendar, context) => {
    checkOverlaps(calendar.periods, context);
    if (calendar.alwaysOpen === true && calendar.periods.length > 0) {
      context.addIssue({ code: 'custom', path: ['alwaysOpen'], ...issue('calendar.always_open_with_periods') });
    }
  });

export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;
export type WorkingPeriod = CalendarDefinition['periods'][number];

/** Calendar open 24/7, so business time equals real elapsed time. */
export const CALENDAR_24_7: CalendarDefinition = Object.freeze({
  timeZone: 'Europe/Paris',
  periods: [],
  closedDays: [],
  closedRanges: [],
  frenchHolidays: false,
  alwaysOpen: true,
});

/** Returns true when the calendar counts every instant as working time. */
export function isAlwaysOpen(calendar: CalendarDefinition): boolean {
  return calendar.alwaysOpen === true || calendar.periods.length === 0;
}
