import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CALENDAR_24_7 } from './calendar.js';
import { addWorkingDays, computeDeadline, endOfWorkingDay, pausedBusinessSeconds } from './deadline.js';
import { assertParisTime, lunchBreakCalendar, officeCalendar, paris, weekdayPeriods } from './test-helpers.js';

const HOUR = 3600;

/** Monday to Thursday 08:00–18:00, Friday 08:00–16:00, French holidays. */
function shortFridayCalendar() {
  return officeCalendar({
    periods: [...weekdayPeriods(1, 4, [['08:00', '18:00']]), { weekday: 5, start: '08:00', end: '16:00' }],
  });
}

describe('computeDeadline', () => {
  it('counts a weekend pause in business time', () => {
    // 3 business hours of pause (Friday 16:00–18:00, Monday 08:00–09:00), not 65 wall-clock hours.
    const due = computeDeadline(officeCalendar(), paris('2026-06-05T10:00'), 10 * HOUR, [
      { start: paris('2026-06-05T16:00'), end: paris('2026-06-08T09:00') },
    ]);

    assertParisTime(due, '2026-06-08T13:00');
  });

  it('skips lunch for a morning ticket', () => {
    const due = computeDeadline(lunchBreakCalendar(), paris('2026-06-08T11:00'), 4 * HOUR, []);

    assertParisTime(due, '2026-06-08T16:30');
  });

  it('starts after lunch for a lunch ticket', () => {
    const due = computeDeadline(lunchBreakCalendar(), paris('2026-06-08T12:30'), 4 * HOUR, []);

    assertParisTime(due, '2026-06-08T17:30');
  });

  it('follows spring DST on 24/7', () => {
    const due = computeDeadline(CALENDAR_24_7, paris('2026-03-28T23:30'), 4 * HOUR, []);

    assertParisTime(due, '2026-03-29T04:30');
  });

  it('counts a 25-hour autumn pause on 24/7', () => {
    // Due Saturday 12:00 without the pause. The pause adds 25 real hours because clocks go back.
    const due = computeDeadline(CALENDAR_24_7, paris('2026-10-24T11:00'), HOUR, [
      { start: paris('2026-10-24T12:00'), end: paris('2026-10-25T12:00') },
    ]);

    assertParisTime(due, '2026-10-25T12:00');
  });

  it('adds several pauses', () => {
    // Pauses of 1 h (Monday 09:00–10:00) and 5 h (Monday 14:00 to Tuesday 09:00): 8 h + 6 h = 14 h.
    const due = computeDeadline(officeCalendar(), paris('2026-06-08T08:00'), 8 * HOUR, [
      { start: paris('2026-06-08T09:00'), end: paris('2026-06-08T10:00') },
      { start: paris('2026-06-08T14:00'), end: paris('2026-06-09T09:00') },
    ]);

    assertParisTime(due, '2026-06-09T12:00');
  });

  it('counts overlapping pauses once', () => {
    // 09:00–11:00 and 10:00–12:00 cover 3 h.
    const due = computeDeadline(officeCalendar(), paris('2026-06-08T08:00'), 2 * HOUR, [
      { start: paris('2026-06-08T09:00'), end: paris('2026-06-08T11:00') },
      { start: paris('2026-06-08T10:00'), end: paris('2026-06-08T12:00') },
    ]);

    assertParisTime(due, '2026-06-08T13:00');
  });

  it('returns null while paused', () => {
    const due = computeDeadline(officeCalendar(), paris('2026-06-08T08:00'), 2 * HOUR, [
      { start: paris('2026-06-08T09:00'), end: paris('2026-06-08T10:00') },
      { start: paris('2026-06-08T11:00'), end: null },
    ]);

    assert.equal(due, null);
  });

  it('ignores a pause outside hours', () => {
    const due = computeDeadline(officeCalendar(), paris('2026-06-05T16:00'), 4 * HOUR, [
      { start: paris('2026-06-06T10:00'), end: paris('2026-06-07T20:00') },
    ]);

    assertParisTime(due, '2026-06-08T10:00');
  });

  it('extends a pause into a holiday weekend', () => {
    // The pause covers 2 h on Thursday 24 December and 0.5 h on Monday 28 (Christmas is a Friday).
    const due = computeDeadline(officeCalendar(), paris('2026-12-24T09:00'), 8 * HOUR, [
      { start: paris('2026-12-24T16:00'), end: paris('2026-12-28T08:30') },
    ]);

    // 8 h + 2.5 h of pause from Thursday 09:00: 9 h on Thursday, 1.5 h on Monday 28 December.
    assertParisTime(due, '2026-12-28T09:30');
  });

  it('rejects a pause ending before its start', () => {
    assert.throws(
      () =>
        computeDeadline(officeCalendar(), paris('2026-06-08T08:00'), HOUR, [
          { start: paris('2026-06-08T10:00'), end: paris('2026-06-08T09:00') },
        ]),
      /Invalid pause/,
    );
  });

  it('adds pauses to end-of-day targets', () => {
    // End of Tuesday without pause. The 1 h pause moves it to Wednesday 09:00.
    const due = computeDeadline(officeCalendar(), paris('2026-06-08T10:00'), { workingDays: 1, endOfWorkingDay: true }, [
      { start: paris('2026-06-08T11:00'), end: paris('2026-06-08T12:00') },
    ]);

    assertParisTime(due, '2026-06-10T09:00');
  });

  it('keeps end-of-day target without pause', () => {
    const due = computeDeadline(officeCalendar(), paris('2026-06-08T10:00'), { workingDays: 1, endOfWorkingDay: true });

    assertParisTime(due, '2026-06-09T18:00');
  });
});

describe('pausedBusinessSeconds', () => {
  it('ignores time before the start', () => {
    const seconds = pausedBusinessSeconds(
      officeCalendar(),
      [{ start: paris('2026-06-08T08:00'), end: paris('2026-06-08T12:00') }],
      paris('2026-06-08T10:00'),
    );

    assert.equal(seconds, 2 * HOUR);
  });
});

describe('endOfWorkingDay', () => {
  it('returns end of the same day for 0', () => {
    assertParisTime(endOfWorkingDay(officeCalendar(), paris('2026-06-08T10:00'), 0), '2026-06-08T18:00');
  });

  it('returns end of next working day', () => {
    assertParisTime(endOfWorkingDay(officeCalendar(), paris('2026-06-08T10:00'), 1), '2026-06-09T18:00');
  });

  it('counts after-hours tickets from next day', () => {
    assertParisTime(endOfWorkingDay(officeCalendar(), paris('2026-06-08T19:00'), 1), '2026-06-10T18:00');
  });

  it('skips weekend and 14 July', () => {
    // Friday 10 July: Monday 13 is day 1, Tuesday 14 July is closed, Wednesday 15 is day 2.
    assertParisTime(endOfWorkingDay(officeCalendar(), paris('2026-07-10T10:00'), 2), '2026-07-15T18:00');
  });

  it('uses the last period of the day', () => {
    assertParisTime(endOfWorkingDay(shortFridayCalendar(), paris('2026-06-11T10:00'), 1), '2026-06-12T16:00');
  });

  it('ends at midnight on 24/7', () => {
    // Sunday 29 March 2026 has 23 hours; its end is Monday 00:00 local.
    assertParisTime(endOfWorkingDay(CALENDAR_24_7, paris('2026-03-28T10:00'), 1), '2026-03-30T00:00');
  });

  it('ignores closures after the target day', () => {
    const calendar = officeCalendar({ closedRanges: [{ start: '2026-06-10', end: '2099-12-31' }] });

    assertParisTime(endOfWorkingDay(calendar, paris('2026-06-08T10:00'), 1), '2026-06-09T18:00');
  });

  it('rejects fractional days', () => {
    assert.throws(() => endOfWorkingDay(officeCalendar(), paris('2026-06-08T10:00'), 1.5), RangeError);
  });
});

describe('addWorkingDays', () => {
  it('keeps the clock time', () => {
    assertParisTime(addWorkingDays(officeCalendar(), paris('2026-06-08T10:30'), 3), '2026-06-11T10:30');
  });

  it('skips Ascension', () => {
    // Wednesday 13 May 2026 + 1 working day: Thursday 14 May is Ascension.
    assertParisTime(addWorkingDays(officeCalendar(), paris('2026-05-13T15:00'), 1), '2026-05-15T15:00');
  });

  it('caps at the last period end', () => {
    assertParisTime(addWorkingDays(shortFridayCalendar(), paris('2026-06-11T17:00'), 1), '2026-06-12T16:00');
  });

  it('starts after hours at opening', () => {
    assertParisTime(addWorkingDays(officeCalendar(), paris('2026-06-05T20:00'), 1), '2026-06-09T08:00');
  });
});
