import { describe, expect, test } from 'vitest';
import {
  DATE_KEYS,
  dateFilterText,
  dateTextsOf,
  EMPTY_FILTERS,
  FILTER_KEYS,
  fromSavedQuery,
  instantToDateFilter,
  readDateTexts,
  readListState,
  toSavedQuery,
  toTicketQuery,
} from './listQuery';

/** Start of a local day as the API receives it. */
const localStart = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

describe('readListState', () => {
  test('every filter read from the URL', () => {
    const params = new URLSearchParams(FILTER_KEYS.map((key, index) => [key, `value-${index}`]));
    const state = readListState(params);
    for (const [index, key] of FILTER_KEYS.entries()) expect(state.filters[key]).toBe(`value-${index}`);
  });

  test('defaults: 15 rows, last changed first', () => {
    const state = readListState(new URLSearchParams());
    expect(state.filters).toEqual(EMPTY_FILTERS);
    expect(state.perPage).toBe(15);
    expect(state.sort).toEqual({ sort: 'updatedAt', order: 'desc' });
    expect(state.page).toBe(1);
  });

  test('unknown page size falls back to 15', () => {
    expect(readListState(new URLSearchParams('perPage=17')).perPage).toBe(15);
    expect(readListState(new URLSearchParams('perPage=50')).perPage).toBe(50);
  });
});

describe('toTicketQuery', () => {
  test('plain filters sent unchanged', () => {
    const query = toTicketQuery(
      readListState(
        new URLSearchParams(
          'categoryId=4&includeSubcategories=false&locationId=9&serviceId=none&requesterId=30&requesterProfile=infirmier&assignedUserId=7&withoutTechnician=true&assignedGroupId=2&level=N2&urgency=4&impact=5&priority=5,6&entityId=1,2&late=true&ttrLate=false&survey=answered&measured=solveDelay&status=new&type=incident&q=imprimante',
        ),
      ),
    );
    expect(query).toMatchObject({
      categoryId: '4',
      includeSubcategories: 'false',
      locationId: '9',
      serviceId: 'none',
      requesterId: '30',
      requesterProfile: 'infirmier',
      assignedUserId: '7',
      withoutTechnician: 'true',
      ttrLate: 'false',
      survey: 'answered',
      measured: 'solveDelay',
      assignedGroupId: '2',
      level: 'N2',
      urgency: '4',
      impact: '5',
      priority: '5,6',
      entityId: '1,2',
      late: 'true',
      status: 'new',
      type: 'incident',
      q: 'imprimante',
    });
  });

  test('unset filters left out', () => {
    const query = toTicketQuery(readListState(new URLSearchParams('status=new')));
    expect(Object.keys(query).sort()).toEqual(['order', 'page', 'perPage', 'sort', 'status']);
  });

  test('"from" day sent as its local start', () => {
    const query = toTicketQuery(readListState(new URLSearchParams('openedFrom=2026-12-04&updatedFrom=2026-03-29&solvedFrom=2026-01-01&closedFrom=2026-10-25')));
    expect(query.openedFrom).toBe(localStart(2026, 12, 4));
    expect(query.updatedFrom).toBe(localStart(2026, 3, 29));
    expect(query.solvedFrom).toBe(localStart(2026, 1, 1));
    expect(query.closedFrom).toBe(localStart(2026, 10, 25));
  });

  test('"until" day sent as the next day start', () => {
    const query = toTicketQuery(readListState(new URLSearchParams('openedTo=2026-12-04&updatedTo=2026-03-28&solvedTo=2026-12-31&closedTo=2026-10-24&dueBefore=2026-02-28')));
    expect(query.openedTo).toBe(localStart(2026, 12, 5));
    expect(query.updatedTo).toBe(localStart(2026, 3, 29));
    expect(query.solvedTo).toBe(localStart(2027, 1, 1));
    expect(query.closedTo).toBe(localStart(2026, 10, 25));
    expect(query.dueBefore).toBe(localStart(2026, 3, 1));
  });

  test('instants from links passed unchanged', () => {
    const query = toTicketQuery(readListState(new URLSearchParams('solvedFrom=2026-11-30T23:00:00.000Z&solvedTo=2026-12-31T23:00:00.000Z&dueBefore=2026-12-04T10:37:00.000Z')));
    expect(query.solvedFrom).toBe('2026-11-30T23:00:00.000Z');
    expect(query.solvedTo).toBe('2026-12-31T23:00:00.000Z');
    expect(query.dueBefore).toBe('2026-12-04T10:37:00.000Z');
  });
});

describe('saved searches', () => {
  test('round trip through a saved query', () => {
    const params = new URLSearchParams('categoryId=4&openedFrom=2026-12-01&openedTo=2026-12-04&closedTo=2026-12-31&late=true&sort=ttrDueAt&order=asc');
    const saved = toSavedQuery(toTicketQuery(readListState(params)));
    expect(saved.openedFrom).toBe(localStart(2026, 12, 1));
    expect(saved.openedTo).toBe(localStart(2026, 12, 5));
    expect(saved.page).toBeUndefined();

    const reopened = fromSavedQuery(saved);
    expect(reopened.get('openedFrom')).toBe('2026-12-01');
    expect(reopened.get('openedTo')).toBe('2026-12-04');
    expect(reopened.get('closedTo')).toBe('2026-12-31');
    expect(reopened.get('categoryId')).toBe('4');
    expect(reopened.get('late')).toBe('true');
    expect(reopened.get('sort')).toBe('ttrDueAt');
  });

  test('instant inside a day kept exact', () => {
    const instant = new Date(2026, 11, 4, 10, 37).toISOString();
    expect(instantToDateFilter('dueBefore', instant)).toBe(instant);
    expect(instantToDateFilter('openedFrom', instant)).toBe(instant);
    expect(fromSavedQuery({ dueBefore: instant }).get('dueBefore')).toBe(instant);
  });
});

describe('date fields', () => {
  test('text shown for days and instants', () => {
    expect(dateFilterText('openedFrom', '2026-12-04')).toBe('04/12/2026');
    expect(dateFilterText('openedTo', localStart(2026, 12, 5))).toBe('04/12/2026');
    expect(dateFilterText('dueBefore', new Date(2026, 11, 4, 10, 37).toISOString())).toBe('04/12/2026 10:37');
    expect(dateFilterText('closedFrom', '')).toBe('');
  });

  test('typed days read back', () => {
    const texts = { ...dateTextsOf(EMPTY_FILTERS), openedFrom: '01/12/2026', solvedTo: '4/12/2026' };
    const read = readDateTexts(texts, EMPTY_FILTERS);
    expect(read.invalid).toEqual([]);
    expect(read.values.openedFrom).toBe('2026-12-01');
    expect(read.values.solvedTo).toBe('2026-12-04');
    expect(read.values.closedFrom).toBe('');
  });

  test('untouched instant kept', () => {
    const instant = new Date(2026, 11, 4, 10, 37).toISOString();
    const initial = { ...EMPTY_FILTERS, dueBefore: instant, solvedFrom: localStart(2026, 11, 1) };
    const read = readDateTexts(dateTextsOf(initial), initial);
    expect(read.values.dueBefore).toBe(instant);
    expect(read.values.solvedFrom).toBe(localStart(2026, 11, 1));
  });

  test('edited instant becomes a day', () => {
    const initial = { ...EMPTY_FILTERS, dueBefore: new Date(2026, 11, 4, 10, 37).toISOString() };
    const read = readDateTexts({ ...dateTextsOf(initial), dueBefore: '05/12/2026' }, initial);
    expect(read.values.dueBefore).toBe('2026-12-05');
  });

  test('invalid text reported per field', () => {
    const read = readDateTexts({ ...dateTextsOf(EMPTY_FILTERS), updatedFrom: '31/02/2026', closedTo: 'hier' }, EMPTY_FILTERS);
    expect(read.invalid).toEqual(['updatedFrom', 'closedTo']);
  });

  test('every date key has a bound', () => {
    expect(DATE_KEYS.every((key) => (FILTER_KEYS as readonly string[]).includes(key))).toBe(true);
    expect(DATE_KEYS).toHaveLength(9);
  });
});
