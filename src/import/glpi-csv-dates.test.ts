import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DateTime } from 'luxon';

import { createGlpiDateParser, detectGlpiDateOrder, formatGlpiDate } from './glpi-csv-dates.js';

describe('GLPI date cells', () => {
  for (const zone of ['Europe/Paris', 'America/New_York', 'Indian/Reunion']) {
    test(`cached offsets match luxon in ${zone}`, () => {
      const parseDate = createGlpiDateParser(zone, 'ymd');
      let local = DateTime.fromObject({ year: 2026, month: 1, day: 1 }, { zone: 'utc' });
      const end = local.plus({ years: 1 });
      let mismatches = 0;
      while (local < end) {
        const cell = local.toFormat('yyyy-MM-dd HH:mm');
        const expected = DateTime.fromFormat(cell, 'yyyy-MM-dd HH:mm', { zone }).toUTC().toISO();
        if (parseDate(cell) !== expected) mismatches += 1;
        local = local.plus({ minutes: 30 });
      }
      assert.equal(mismatches, 0);
    });
  }

  test('DST change days in Paris', () => {
    const parseDate = createGlpiDateParser('Europe/Paris', 'ymd');
    assert.equal(parseDate('2026-03-29 01:59'), '2026-03-29T00:59:00.000Z');
    assert.equal(parseDate('2026-03-29 03:00'), '2026-03-29T01:00:00.000Z');
    // 02:30 does not exist on that day: luxon moves it to 03:30.
    assert.equal(parseDate('2026-03-29 02:30'), '2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25: luxon takes the second one, in standard time.
    assert.equal(parseDate('2026-10-25 02:30'), '2026-10-25T01:30:00.000Z');
    assert.equal(parseDate('2026-10-25 12:00'), '2026-10-25T11:00:00.000Z');
  });

  test('impossible dates rejected', () => {
    const parseDate = createGlpiDateParser('Europe/Paris', 'ymd');
    for (const cell of ['2026-02-29 10:00', '2026-04-31 10:00', '2026-01-15 24:00', '2026-01-15 10:60', '2026-1-15 10:00', '15-01-2026 10:00', '2026-01-15']) {
      assert.equal(parseDate(cell), undefined, cell);
    }
    assert.equal(parseDate('2028-02-29 10:00'), '2028-02-29T09:00:00.000Z');
  });

  test('day-month-year order', () => {
    const parseDate = createGlpiDateParser('Europe/Paris', 'dmy');
    assert.equal(parseDate('04-12-2026 20:39'), '2026-12-04T19:39:00.000Z');
    assert.equal(parseDate('2026-12-04 20:39'), undefined);
  });

  test('order detection', () => {
    assert.equal(detectGlpiDateOrder('2026-12-04 20:39'), 'ymd');
    assert.equal(detectGlpiDateOrder('25-12-2026 20:39'), 'dmy');
    assert.equal(detectGlpiDateOrder('04-12-2026 20:39'), 'dmy-or-mdy');
    assert.equal(detectGlpiDateOrder('12-25-2026 20:39'), 'mdy');
    assert.equal(detectGlpiDateOrder(''), undefined);
  });

  test('formatting across DST', () => {
    assert.equal(formatGlpiDate('2026-07-08T06:40:00.000Z', 'ymd', 'Europe/Paris'), '2026-07-08 08:40');
    assert.equal(formatGlpiDate('2026-12-04T19:39:00.000Z', 'dmy', 'Europe/Paris'), '04-12-2026 20:39');
    assert.equal(formatGlpiDate('2026-10-25T00:30:00.000Z', 'ymd', 'Europe/Paris'), '2026-10-25 02:30');
    assert.throws(() => formatGlpiDate('yesterday', 'ymd', 'Europe/Paris'), RangeError);
  });
});
