import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ColumnLayout, moveColumn, toggleColumn } from './columnLayout';
import type { Column } from './columns';

type Direction = 'up' | 'down';

interface ColumnChooserProps {
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
}

/**
 * Lists every column in display order with a checkbox to show it and buttons to move it up or down.
 * After a move, the focus follows the moved column, and a status line announces its new place.
 */
function ColumnChooserPanel({ layout, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<{ column: Column; direction: Direction } | null>(null);
  const [moved, setMoved] = useState<Column | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    // At either end the button just used is disabled, so the focus goes to the other one.
    const same = buttons.current.get(`${target.column}-${target.direction}`);
    const other = buttons.current.get(`${target.column}-${target.direction === 'up' ? 'down' : 'up'}`);
    const next = same !== undefined && !same.disabled ? same : other;
    next?.focus();
  }, [layout]);

  const move = (column: Column, direction: Direction) => {
    pendingFocus.current = { column, direction };
    setMoved(column);
    onChange(moveColumn(layout, column, direction === 'up' ? -1 : 1));
  };
  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element === null) buttons.current.delete(key);
    else buttons.current.set(key, element);
  };

  return (
    <details className="column-picker">
      <summary>{t('list.columns')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('list.columns')}</legend>
        <ol className="column-order">
          {layout.order.map((column, index) => {
            const name = t(`columns.${column}`);
            return (
              <li key={column}>
                <label className="checkbox">
                  <input type="checkbox" checked={!layout.hidden.includes(column)} onChange={(event) => onChange(toggleColumn(layout, column, event.target.checked))} />
                  {name}
                </label>
                <span className="button-row">
                  <button type="button" ref={register(`${column}-up`)} className="button button-link" disabled={index === 0} aria-label={t('list.moveUpOne', { column: name })} onClick={() => move(column, 'up')}>
                    {t('list.moveUp')}
                  </button>
                  <button
                    type="button"
                    ref={register(`${column}-down`)}
                    className="button button-link"
                    disabled={index === layout.order.length - 1}
                    aria-label={t('list.moveDownOne', { column: name })}
                    onClick={() => move(column, 'down')}
                  >
                    {t('list.moveDown')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <p role="status" className="visually-hidden">
          {moved === null ? '' : t('list.columnMoved', { column: t(`columns.${moved}`), position: layout.order.indexOf(moved) + 1, total: layout.order.length })}
        </p>
      </fieldset>
    </details>
  );
}

export const ColumnChooser = memo(ColumnChooserPanel);
