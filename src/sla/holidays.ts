import Holidays from 'date-holidays';

/**
 * French public holidays ("jours fériés"), computed by date-holidays and cached per year.
 *
 * The national set contains 11 days: 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday,
 * 14 July, 15 August, 1 November, 11 November and 25 December. Alsace-Moselle adds Good Friday
 * and 26 December.
 */

export type FrenchHolidayRegion = 'national' | 'alsace-moselle';

// date-holidays gives the three Alsace-Moselle departments (57, 67, 68) the same extra days,
// so Moselle stands for all of them.
const ALSACE_MOSELLE_STATE = '57';

const providers = new Map<FrenchHolidayRegion, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<string>>();

function provider(region: FrenchHolidayRegion): Holidays {
  let holidays = providers.get(region);
  if (!holidays) {
    holidays = region === 'alsace-moselle' ? new Holidays('FR', ALSACE_MOSELLE_STATE) : new Holidays('FR');
    providers.set(region, holidays);
  }
  return holidays;
}

/**
 * Returns the local dates ('YYYY-MM-DD') of the public holidays of `year`. Observances such as
 * Whit Sunday or Mother's Day are excluded because date-holidays types them "observance".
 */
export function frenchPublicHolidays(year: number, region: FrenchHolidayRegion = 'national'): ReadonlySet<string> {
  const key = `${region}:${year}`;
  const cached = holidaysByYear.get(key);
  if (cached) return cached;

  const dates = new Set(
    provider(region)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      // `date` is the local date followed by the local time, e.g. '2026-07-14 00:00:00'.
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  holidaysByYear.set(key, dates);
  return dates;
}

/** Returns true when the local date 'YYYY-MM-DD' is a French public holiday. */
export function isFrenchPublicHoliday(localDate: string, region: FrenchHolidayRegion = 'national'): boolean {
  return frenchPublicHolidays(Number(localDate.slice(0, 4)), region).has(localDate);
}
