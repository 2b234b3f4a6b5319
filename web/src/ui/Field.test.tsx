import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { Field } from './Field';

describe('Field', () => {
  test('label names the control', () => {
    render(<Field label="Motif">{(control) => <input {...control} />}</Field>);
    expect(screen.getByLabelText('Motif').tagName).toBe('INPUT');
  });

  test('error described and marked invalid', () => {
    render(
      <Field label="Motif" error="Ce champ est obligatoire." hint="Quelques mots suffisent.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Motif');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Ce champ est obligatoire.');
    expect(described).toContain('Quelques mots suffisent.');
  });

  test('valid field not described by error', () => {
    render(<Field label="Motif">{(control) => <input {...control} />}</Field>);
    const input = screen.getByLabelText('Motif');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });
});
