import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CALENDAR_24_7 } from './calendar.js';
import { assertParisTime, lunchBreakCalendar, officeCalendar, paris, weekdayPeriods } from './test-helpers.js';
import { addBusinessSeconds, businessSecondsBetween, isWorkingTime } from './working-time.js';

const HOUR = 3600;

describe('addBusinessSeconds', () => {
  it('counts from Monday for Sunday tickets', () => {
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-07T15:00'), 2 * HOUR);

    assertParisTime(due, '2026-06-08T10:00');
  });

  it('counts from next morning after hours', () => {
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-09T19:30'), 3 * HOUR);

    assertParisTime(due, '2026-06-10T11:00');
  });

  it('skips 14 July', () => {
    // Monday 13 July 16:00: 2 h on Monday, Tuesday 14 July closed, 2 h on Wednesday.
    const due = addBusinessSeconds(officeCalendar(), paris('2026-07-13T16:00'), 4 * HOUR);

    assertParisTime(due, '2026-07-15T10:00');
  });

  it('skips Ascension 2026', () => {
    // Ascension 2026 is Thursday 14 May.
    const due = addBusinessSeconds(officeCalendar(), paris('2026-05-13T17:00'), 3 * HOUR);

    assertParisTime(due, '2026-05-15T10:00');
  });

  it('skips Easter Monday 2027', () => {
    // Friday 26 March 15:00: 3 h on Friday, weekend (clocks go forward), Monday 29 March closed.
    const due = addBusinessSeconds(officeCalendar(), paris('2027-03-26T15:00'), 5 * HOUR);

    assertParisTime(due, '2027-03-30T10:00');
  });

  it('skips Christmas on a Friday', () => {
    const due = addBusinessSeconds(officeCalendar(), paris('2026-12-24T17:00'), 2 * HOUR);

    assertParisTime(due, '2026-12-28T09:00');
  });

  it('ignores holidays when disabled', () => {
    const calendar = officeCalendar({ frenchHolidays: false });

    const due = addBusinessSeconds(calendar, paris('2026-12-24T17:00'), 2 * HOUR);

    assertParisTime(due, '2026-12-25T09:00');
  });

  it('skips a closed range', () => {
    const calendar = officeCalendar({ closedRanges: [{ start: '2026-08-10', end: '2026-08-14' }] });

    const due = addBusinessSeconds(calendar, paris('2026-08-07T17:00'), 2 * HOUR);

    assertParisTime(due, '2026-08-17T09:00');
  });

  it('skips a closed day', () => {
    const calendar = officeCalendar({ closedDays: ['2026-06-10'] });

    const due = addBusinessSeconds(calendar, paris('2026-06-09T17:00'), 2 * HOUR);

    assertParisTime(due, '2026-06-11T09:00');
  });

  it('spans weekend and Whit Monday', () => {
    // Friday 22 May 14:00: 4 h on Friday, weekend, Whit Monday 25 May closed, 6 h on Tuesday.
    const due = addBusinessSeconds(officeCalendar(), paris('2026-05-22T14:00'), 10 * HOUR);

    assertParisTime(due, '2026-05-26T14:00');
  });

  it('handles several days', () => {
    // Monday 09:00: 9 h on Monday, 10 h each Tuesday to Thursday, 6 h on Friday.
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-01T09:00'), 45 * HOUR);

    assertParisTime(due, '2026-06-05T14:00');
  });

  it('stops at period end exactly', () => {
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-08T08:00'), 30 * HOUR);

    assertParisTime(due, '2026-06-10T18:00');
  });

  it('handles a four-week target', () => {
    // June 2026 has no holiday, so 200 h is four weeks of 50 h.
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-01T08:00'), 200 * HOUR);

    assertParisTime(due, '2026-06-26T18:00');
  });

  it('keeps local hours after autumn DST', () => {
    // Clocks go back on Sunday 25 October 2026, and Monday still opens at 08:00 local (07:00 UTC).
    const due = addBusinessSeconds(officeCalendar(), paris('2026-10-23T16:00'), 4 * HOUR);

    assertParisTime(due, '2026-10-26T10:00');
    assert.equal(due.toISOString(), '2026-10-26T09:00:00.000Z');
  });

  it('keeps local hours on spring DST Sunday', () => {
    // Open every day 08:00–20:00. Clocks go forward at 02:00 on Sunday 29 March 2026.
    const calendar = officeCalendar({ periods: weekdayPeriods(1, 7, [['08:00', '20:00']]) });

    const due = addBusinessSeconds(calendar, paris('2026-03-29T07:00'), 2 * HOUR);

    assertParisTime(due, '2026-03-29T10:00');
  });

  it('skips lunch break and holiday', () => {
    // Monday 13 July 16:00: 2 h on Monday, 14 July closed, Wednesday 08:00–12:00 then 13:30–14:00.
    const due = addBusinessSeconds(lunchBreakCalendar(), paris('2026-07-13T16:00'), 6.5 * HOUR);

    assertParisTime(due, '2026-07-15T14:00');
  });

  it('returns next working instant for zero', () => {
    const due = addBusinessSeconds(officeCalendar(), paris('2026-06-06T11:00'), 0);

    assertParisTime(due, '2026-06-08T08:00');
  });

  it('crosses midnight on night shifts', () => {
    const calendar = officeCalendar({
      periods: [
        { weekday: 1, start: '20:00', end: '24:00' },
        { weekday: 2, start: '00:00', end: '06:00' },
      ],
    });

    const due = addBusinessSeconds(calendar, paris('2026-06-08T23:00'), 2 * HOUR);

    assertParisTime(due, '2026-06-09T01:00');
  });

  it('follows real time on 24/7', () => {
    // Clocks go forward at 02:00 on Sunday 29 March 2026, so 4 real hours end at 04:30 local.
    const due = addBusinessSeconds(CALENDAR_24_7, paris('2026-03-28T23:30'), 4 * HOUR);

    assertParisTime(due, '2026-03-29T04:30');
  });

  it('rejects negative durations', () => {
    assert.throws(() => addBusinessSeconds(officeCalendar(), paris('2026-06-08T08:00'), -1), RangeError);
  });

  it('rejects invalid definitions', () => {
    const calendar = officeCalendar({ timeZone: 'Nowhere/Atlantis' });

    assert.throws(() => addBusinessSeconds(calendar, paris('2026-06-08T08:00'), HOUR), /Unknown time zone/);
  });

  it('fails on a calendar never open', () => {
    const calendar = officeCalendar({ closedRanges: [{ start: '2026-01-01', end: '2099-12-31' }] });

    assert.throws(() => addBusinessSeconds(calendar, paris('2026-06-08T08:00'), HOUR), /No working time/);
  });
});

describe('businessSecondsBetween', () => {
  it('counts a weekend pause', () => {
    const seconds = businessSecondsBetween(officeCalendar(), paris('2026-06-05T16:00'), paris('2026-06-08T09:00'));

    assert.equal(seconds, 3 * HOUR);
  });

  it('returns 0 when reversed', () => {
    const seconds = businessSecondsBetween(officeCalendar(), paris('2026-06-08T12:00'), paris('2026-06-08T09:00'));

    assert.equal(seconds, 0);
  });

  it('counts autumn DST weekend', () => {
    const seconds = businessSecondsBetween(officeCalendar(), paris('2026-10-23T08:00'), paris('2026-10-26T18:00'));

    assert.equal(seconds, 20 * HOUR);
  });

  it('counts the year 2026', () => {
    // 261 weekdays minus 9 holidays on weekdays (15 August is a Saturday, 1 November a Sunday).
    const seconds = businessSecondsBetween(officeCalendar(), paris('2026-01-01T00:00'), paris('2027-01-01T00:00'));

    assert.equal(seconds, 252 * 10 * HOUR);
  });

  it('counts two years', () => {
    // 2027: 261 weekdays minus 7 holidays on weekdays.
    const seconds = businessSecondsBetween(officeCalendar(), paris('2026-01-01T00:00'), paris('2028-01-01T00:00'));

    assert.equal(seconds, (252 + 254) * 10 * HOUR);
  });

  it('counts 25 hours on 24/7', () => {
    const seconds = businessSecondsBetween(CALENDAR_24_7, paris('2026-10-24T12:00'), paris('2026-10-25T12:00'));

    assert.equal(seconds, 25 * HOUR);
  });

  it('counts 23 hours on a 00:00–24:00 calendar', () => {
    const calendar = officeCalendar({ periods: weekdayPeriods(1, 7, [['00:00', '24:00']]), frenchHolidays: false });

    const seconds = businessSecondsBetween(calendar, paris('2026-03-29T00:00'), paris('2026-03-30T00:00'));

    assert.equal(seconds, 23 * HOUR);
  });

  it('counts 47 hours over spring weekend', () => {
    const calendar = officeCalendar({ periods: weekdayPeriods(1, 7, [['00:00', '24:00']]), frenchHolidays: false });

    const seconds = businessSecondsBetween(calendar, paris('2026-03-28T12:00'), paris('2026-03-30T12:00'));

    assert.equal(seconds, 47 * HOUR);
  });

  it('excludes the lunch break', () => {
    const seconds = businessSecondsBetween(lunchBreakCalendar(), paris('2026-06-08T11:00'), paris('2026-06-08T14:00'));

    assert.equal(seconds, 1.5 * HOUR);
  });
});

describe('isWorkingTime', () => {
  it('includes period start', () => {
    assert.equal(isWorkingTime(officeCalendar(), paris('2026-06-08T08:00')), true);
  });

  it('excludes period end', () => {
    assert.equal(isWorkingTime(officeCalendar(), paris('2026-06-08T18:00')), false);
  });

  it('excludes weekends and holidays', () => {
    assert.equal(isWorkingTime(officeCalendar(), paris('2026-06-06T10:00')), false, 'Saturday');
    assert.equal(isWorkingTime(officeCalendar(), paris('2026-07-14T10:00')), false, '14 July');
  });

  it('excludes the lunch break', () => {
    assert.equal(isWorkingTime(lunchBreakCalendar(), paris('2026-06-08T12:30')), false);
  });

  it('excludes Alsace-Moselle Good Friday', () => {
    const calendar = officeCalendar({ alsaceMoselleHolidays: true });

    assert.equal(isWorkingTime(calendar, paris('2026-04-03T10:00')), false);
    assert.equal(isWorkingTime(officeCalendar(), paris('2026-04-03T10:00')), true);
  });

  it('is always true on 24/7', () => {
    assert.equal(isWorkingTime(CALENDAR_24_7, paris('2026-12-25T03:00')), true);
  });
});
