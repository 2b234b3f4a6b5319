import { describe, expect, test } from 'vitest';
import i18n from '.';
import en from './en.json';
import fr from './fr.json';

function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('catalogs', () => {
  test('English has every French key', () => {
    const missing = keysOf(fr).filter((key) => !keysOf(en).includes(key));
    expect(missing).toEqual([]);
  });

  test('French has every English key', () => {
    const extra = keysOf(en).filter((key) => !keysOf(fr).includes(key));
    expect(extra).toEqual([]);
  });

  test('French plural counts zero as one', () => {
    const t = i18n.getFixedT('fr');
    expect(t('list.count', { count: 0 })).toBe('0 ticket');
    expect(t('list.count', { count: 1 })).toBe('1 ticket');
    expect(t('list.count', { count: 2 })).toBe('2 tickets');
  });

  test('English plural counts zero as other', () => {
    const t = i18n.getFixedT('en');
    expect(t('list.count', { count: 0 })).toBe('0 tickets');
    expect(t('list.count', { count: 1 })).toBe('1 ticket');
  });
});
