import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CALENDAR_24_7, calendarDefinitionSchema, formatCalendarIssue, isAlwaysOpen } from './calendar.js';
import type { CalendarDefinitionInput } from './calendar.js';
import { frenchPublicHolidays, isFrenchPublicHoliday } from './holidays.js';

function issuesOf(input: CalendarDefinitionInput | Record<string, unknown>) {
  const result = calendarDefinitionSchema.safeParse(input);
  assert.equal(result.success, false, 'expected the definition to be rejected');
  return result.error?.issues ?? [];
}

function issueCodes(input: CalendarDefinitionInput | Record<string, unknown>): unknown[] {
  return issuesOf(input).map((issue) => (issue as { params?: Record<string, unknown> }).params?.['code']);
}

describe('calendarDefinitionSchema', () => {
  it('applies defaults to empty input', () => {
    const calendar = calendarDefinitionSchema.parse({});

    assert.equal(calendar.timeZone, 'Europe/Paris');
    assert.deepEqual(calendar.periods, []);
    assert.deepEqual(calendar.closedDays, []);
    assert.deepEqual(calendar.closedRanges, []);
    assert.equal(calendar.frenchHolidays, false);
  });

  it('accepts CALENDAR_24_7', () => {
    assert.equal(calendarDefinitionSchema.safeParse(CALENDAR_24_7).success, true);
    assert.equal(isAlwaysOpen(CALENDAR_24_7), true);
  });

  it('treats empty periods as 24/7', () => {
    assert.equal(isAlwaysOpen(calendarDefinitionSchema.parse({ periods: [] })), true);
  });

  it('accepts adjacent periods and 24:00', () => {
    const result = calendarDefinitionSchema.safeParse({
      periods: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '24:00' },
        { weekday: 2, start: '00:00', end: '06:00' },
      ],
    });

    assert.equal(result.success, true);
  });

  it('rejects unknown time zone', () => {
    const [issue] = issuesOf({ timeZone: 'Europe/Pariss' });

    assert.ok(issue);
    assert.deepEqual(issue.path, ['timeZone']);
    assert.equal(issue.message, 'Unknown time zone "Europe/Pariss". Use an IANA name such as Europe/Paris.');
    assert.equal(
      formatCalendarIssue(issue, 'fr'),
      'Fuseau horaire inconnu : « Europe/Pariss ». Indiquez un nom IANA, par exemple Europe/Paris.',
    );
  });

  it('rejects start not before end', () => {
    const issues = issuesOf({ periods: [{ weekday: 1, start: '18:00', end: '08:00' }] });

    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['periods', 0, 'end']);
    assert.equal(issues[0]?.message, 'Invalid period 18:00–08:00: the start must be before the end.');
  });

  it('rejects empty period', () => {
    assert.deepEqual(issueCodes({ periods: [{ weekday: 1, start: '08:00', end: '08:00' }] }), [
      'calendar.period_start_not_before_end',
    ]);
  });

  it('rejects overlapping periods', () => {
    const issues = issuesOf({
      periods: [
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 2, start: '11:00', end: '14:00' },
      ],
    });

    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['periods', 1]);
    assert.equal(issues[0]?.message, 'Periods 08:00–12:00 and 11:00–14:00 on Tuesday overlap.');
    assert.equal(
      issues[0] && formatCalendarIssue(issues[0], 'fr'),
      'Les plages 08:00–12:00 et 11:00–14:00 du mardi se chevauchent.',
    );
  });

  it('allows same hours on different days', () => {
    const result = calendarDefinitionSchema.safeParse({
      periods: [
        { weekday: 1, start: '08:00', end: '18:00' },
        { weekday: 2, start: '08:00', end: '18:00' },
      ],
    });

    assert.equal(result.success, true);
  });

  it('rejects malformed time once', () => {
    const issues = issuesOf({ periods: [{ weekday: 1, start: '25:00', end: '26:00' }] });

    assert.deepEqual(
      issues.map((issue) => issue.path),
      [
        ['periods', 0, 'start'],
        ['periods', 0, 'end'],
      ],
    );
    assert.equal(issues[0]?.message, 'Invalid time "25:00". Expected HH:MM, from 00:00 to 24:00.');
  });

  it('rejects weekday outside 1..7', () => {
    assert.deepEqual(issueCodes({ periods: [{ weekday: 0, start: '08:00', end: '18:00' }] }), [
      'calendar.invalid_weekday',
    ]);
    assert.deepEqual(issueCodes({ periods: [{ weekday: 8, start: '08:00', end: '18:00' }] }), [
      'calendar.invalid_weekday',
    ]);
  });

  it('rejects impossible closed day', () => {
    const issues = issuesOf({ closedDays: ['2026-02-30'] });

    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['closedDays', 0]);
    assert.equal(issues[0]?.message, 'Invalid date "2026-02-30". Expected YYYY-MM-DD.');
  });

  it('rejects badly formatted date', () => {
    assert.deepEqual(issueCodes({ closedDays: ['01/05/2026'] }), ['calendar.invalid_date']);
  });

  it('rejects reversed closed range', () => {
    const issues = issuesOf({ closedRanges: [{ start: '2026-08-14', end: '2026-08-10' }] });

    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.message, 'Invalid closed range 2026-08-14 to 2026-08-10: the start is after the end.');
  });

  it('rejects alwaysOpen with periods', () => {
    assert.deepEqual(issueCodes({ alwaysOpen: true, periods: [{ weekday: 1, start: '08:00', end: '18:00' }] }), [
      'calendar.always_open_with_periods',
    ]);
  });

  it('reports every problem at once', () => {
    const codes = issueCodes({
      timeZone: 'Mars/Olympus',
      periods: [{ weekday: 1, start: '10:00', end: '09:00' }],
      closedDays: ['2026-13-01'],
    });

    assert.deepEqual(codes, ['calendar.invalid_time_zone', 'calendar.period_start_not_before_end', 'calendar.invalid_date']);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the 11 holidays of 2026', () => {
    const expected = [
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ];

    assert.deepEqual([...frenchPublicHolidays(2026)].sort(), expected);
  });

  it('moves Easter holidays in 2027', () => {
    const holidays = frenchPublicHolidays(2027);

    assert.equal(holidays.size, 11);
    assert.equal(holidays.has('2027-03-29'), true, 'Easter Monday');
    assert.equal(holidays.has('2027-05-06'), true, 'Ascension');
    assert.equal(holidays.has('2027-05-17'), true, 'Whit Monday');
  });

  it('excludes Whit Sunday observance', () => {
    assert.equal(isFrenchPublicHoliday('2026-05-24'), false);
  });

  it('adds Alsace-Moselle holidays on request', () => {
    assert.equal(isFrenchPublicHoliday('2026-04-03'), false);
    assert.equal(isFrenchPublicHoliday('2026-04-03', 'alsace-moselle'), true, 'Good Friday');
    assert.equal(isFrenchPublicHoliday('2026-12-26', 'alsace-moselle'), true, 'St Stephen');
    assert.equal(frenchPublicHolidays(2026, 'alsace-moselle').size, 13);
  });
});
