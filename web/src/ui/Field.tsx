import { type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error message right below it. */
export function Field({ label, error, hint, required = false, children }: FieldProps) {
  const id = useId();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((value) => value !== undefined).join(' ') || undefined;
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  value: T | '';
  labelOf: (option: T) => string;
  onChange: (value: T) => void;
  error?: string | undefined;
  required?: boolean;
}

/** A group of radio buttons with a visible legend; big targets for touch screens. */
export function Choice<T extends string>({ legend, name, options, value, labelOf, onChange, error, required = false }: ChoiceProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error === undefined ? 'choice' : 'choice field-invalid'} aria-describedby={error === undefined ? undefined : errorId}>
      <legend>
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {options.map((option) => (
        <label key={option} className="choice-option">
          <input type="radio" name={name} value={option} checked={value === option} required={required} onChange={() => onChange(option)} />
          <span>{labelOf(option)}</span>
        </label>
      ))}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
