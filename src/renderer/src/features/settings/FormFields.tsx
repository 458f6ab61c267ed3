import { type ReactNode, useId } from 'react';
import settings from './SettingsPage.module.css';

/** What a labelled control needs from its field: its id, and the hint and problem that describe it. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control for the settings dialogs: the hint and, once there is one, the problem are
 * tied to the control (aria-describedby), so a screen reader reads what is wrong with the field itself.
 */
export function Field({
  label,
  hint,
  problem,
  children,
}: {
  label: string;
  hint?: string;
  problem?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className={settings.field}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A one-line text input in a Field. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  problem,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  problem?: string;
  inputMode?: 'text' | 'numeric';
}) {
  return (
    <Field label={label} hint={hint} problem={problem}>
      {(control) => (
        <input
          {...control}
          value={value}
          inputMode={inputMode}
          spellCheck={false}
          aria-invalid={Boolean(problem)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A set of options, each a checkbox; the legend names the group. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  chosen,
  onChange,
  problem,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  problem?: string;
}) {
  const id = useId();
  return (
    <fieldset className={settings.choices} aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? options.map((x) => x.value).filter((v) => v === o.value || chosen.includes(v))
                  : chosen.filter((v) => v !== o.value),
              )
            }
          />
          {o.label}
        </label>
      ))}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
