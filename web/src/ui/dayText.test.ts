import { describe, expect, test } from 'vitest';
import { formatDayText, formatLocalDateTime, isIsoDay, localDay, parseDayText } from './dayText';

describe('parseDayText', () => {
  test('day/month/year and its variants', () => {
    expect(parseDayText('04/12/2026')).toBe('2026-12-04');
    expect(parseDayText('4/2/2026')).toBe('2026-02-04');
    expect(parseDayText(' 04.12.2026 ')).toBe('2026-12-04');
    expect(parseDayText('04-12-2026')).toBe('2026-12-04');
  });

  test('pasted ISO day', () => {
    expect(parseDayText('2026-12-04')).toBe('2026-12-04');
  });

  test('blank text is no day', () => {
    expect(parseDayText('')).toBe('');
    expect(parseDayText('   ')).toBe('');
  });

  test('impossible days rejected', () => {
    expect(parseDayText('31/02/2026')).toBeUndefined();
    expect(parseDayText('29/02/2025')).toBeUndefined();
    expect(parseDayText('00/12/2026')).toBeUndefined();
    expect(parseDayText('04/13/2026')).toBeUndefined();
    expect(parseDayText('2026-02-30')).toBeUndefined();
  });

  test('incomplete or foreign text rejected', () => {
    expect(parseDayText('04/12')).toBeUndefined();
    expect(parseDayText('04/12/26')).toBeUndefined();
    expect(parseDayText('demain')).toBeUndefined();
  });

  test('leap day accepted', () => {
    expect(parseDayText('29/02/2028')).toBe('2028-02-29');
  });
});

describe('formatting', () => {
  test('ISO day shown as day/month/year', () => {
    expect(formatDayText('2026-12-04')).toBe('04/12/2026');
  });

  test('other text left unchanged', () => {
    expect(formatDayText('2026-12-04T08:00:00Z')).toBe('2026-12-04T08:00:00Z');
  });

  test('local day and time of an instant', () => {
    const date = new Date(2026, 11, 4, 9, 5);
    expect(localDay(date)).toBe('2026-12-04');
    expect(formatLocalDateTime(date)).toBe('04/12/2026 09:05');
  });

  test('isIsoDay matches days only', () => {
    expect(isIsoDay('2026-12-04')).toBe(true);
    expect(isIsoDay('2026-12-04T00:00:00.000Z')).toBe(false);
    expect(isIsoDay('04/12/2026')).toBe(false);
  });
});
