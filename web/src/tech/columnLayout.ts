import { type Column, COLUMNS } from './columns';

/** The user's arrangement of the list's columns: every column in display order, and those hidden. */
export interface ColumnLayout {
  order: Column[];
  hidden: Column[];
}

/** localStorage key of the layout; an older version stored the array of shown columns under it. */
export const COLUMNS_KEY = 'guichet.columns';

export const DEFAULT_LAYOUT: ColumnLayout = { order: [...COLUMNS], hidden: [] };

const isColumn = (value: unknown): value is Column => (COLUMNS as readonly unknown[]).includes(value);

/**
 * Checks a stored layout and completes it. Unknown and repeated names are dropped, and columns the
 * stored order lacks (added by a later version) are appended and shown. An array is the older
 * format, the shown columns in the default order. A layout that would show nothing is replaced by
 * the default.
 */
export function parseLayout(stored: unknown): ColumnLayout {
  let order: Column[] = [...COLUMNS];
  let hidden: Column[] = [];
  if (Array.isArray(stored)) {
    hidden = COLUMNS.filter((column) => !stored.includes(column));
  } else if (typeof stored === 'object' && stored !== null) {
    const layout = stored as { order?: unknown; hidden?: unknown };
    const known = Array.isArray(layout.order) ? [...new Set(layout.order.filter(isColumn))] : [];
    order = [...known, ...COLUMNS.filter((column) => !known.includes(column))];
    hidden = Array.isArray(layout.hidden) ? COLUMNS.filter((column) => (layout.hidden as unknown[]).includes(column)) : [];
  } else {
    return DEFAULT_LAYOUT;
  }
  if (order.every((column) => hidden.includes(column))) return DEFAULT_LAYOUT;
  return { order, hidden };
}

export function loadLayout(): ColumnLayout {
  try {
    return parseLayout(JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null'));
  } catch {
    // A damaged value falls back to the default layout.
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(layout: ColumnLayout): void {
  localStorage.setItem(COLUMNS_KEY, JSON.stringify(layout));
}

/** Returns the shown columns in display order. */
export function shownColumns(layout: ColumnLayout): Column[] {
  return layout.order.filter((column) => !layout.hidden.includes(column));
}

/** Shows or hides one column. Hiding the last shown column is ignored and returns the layout unchanged. */
export function toggleColumn(layout: ColumnLayout, column: Column, shown: boolean): ColumnLayout {
  const hidden = shown ? layout.hidden.filter((item) => item !== column) : [...new Set([...layout.hidden, column])];
  if (layout.order.every((item) => hidden.includes(item))) return layout;
  return { order: layout.order, hidden };
}

/** Moves one column by `offset` places (-1 earlier, 1 later); a move past either end returns the layout unchanged. */
export function moveColumn(layout: ColumnLayout, column: Column, offset: number): ColumnLayout {
  const from = layout.order.indexOf(column);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= layout.order.length) return layout;
  const order = [...layout.order];
  order.splice(from, 1);
  order.splice(to, 0, column);
  return { order, hidden: layout.hidden };
}
