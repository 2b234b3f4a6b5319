import { describe, expect, test } from 'vitest';
import { COLUMNS_KEY, DEFAULT_LAYOUT, loadLayout, moveColumn, parseLayout, saveLayout, shownColumns, toggleColumn } from './columnLayout';
import { COLUMNS } from './columns';

describe('parseLayout', () => {
  test('nothing stored gives every column', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(shownColumns(DEFAULT_LAYOUT)).toEqual([...COLUMNS]);
  });

  test('older array format read as shown columns', () => {
    const layout = parseLayout(['title', 'id', 'priority']);
    expect(layout.order).toEqual([...COLUMNS]);
    expect(shownColumns(layout)).toEqual(['id', 'title', 'priority']);
  });

  test('stored order kept, missing columns appended', () => {
    const layout = parseLayout({ order: ['priority', 'id', 'title'], hidden: ['title'] });
    expect(layout.order.slice(0, 3)).toEqual(['priority', 'id', 'title']);
    expect(layout.order).toHaveLength(COLUMNS.length);
    expect(shownColumns(layout).slice(0, 3)).toEqual(['priority', 'id', 'entity']);
  });

  test('unknown and repeated names dropped', () => {
    const layout = parseLayout({ order: ['id', 'nope', 'id', 42], hidden: ['ghost'] });
    expect(layout.order.filter((column) => column === 'id')).toHaveLength(1);
    expect(layout.order).toHaveLength(COLUMNS.length);
    expect(layout.hidden).toEqual([]);
  });

  test('all hidden falls back to default', () => {
    expect(parseLayout({ order: [...COLUMNS], hidden: [...COLUMNS] })).toEqual(DEFAULT_LAYOUT);
  });
});

describe('changes', () => {
  test('move up and down', () => {
    const up = moveColumn(DEFAULT_LAYOUT, 'priority', -1);
    expect(up.order.indexOf('priority')).toBe(COLUMNS.indexOf('priority') - 1);
    const down = moveColumn(up, 'id', 1);
    expect(down.order.slice(0, 2)).toEqual(['title', 'id']);
  });

  test('move past the ends ignored', () => {
    expect(moveColumn(DEFAULT_LAYOUT, 'id', -1)).toBe(DEFAULT_LAYOUT);
    expect(moveColumn(DEFAULT_LAYOUT, 'category', 1)).toBe(DEFAULT_LAYOUT);
  });

  test('last shown column stays shown', () => {
    let layout = DEFAULT_LAYOUT;
    for (const column of COLUMNS.slice(1)) layout = toggleColumn(layout, column, false);
    expect(shownColumns(layout)).toEqual(['id']);
    expect(toggleColumn(layout, 'id', false)).toBe(layout);
    expect(shownColumns(toggleColumn(layout, 'title', true))).toEqual(['id', 'title']);
  });

  test('saved layout loaded back', () => {
    const layout = toggleColumn(moveColumn(DEFAULT_LAYOUT, 'title', -1), 'entity', false);
    saveLayout(layout);
    expect(loadLayout()).toEqual(layout);
  });

  test('damaged storage gives default', () => {
    localStorage.setItem(COLUMNS_KEY, '{not json');
    expect(loadLayout()).toEqual(DEFAULT_LAYOUT);
  });
});
