import { useId } from 'react';
import settings from './SettingsPage.module.css';

/**
 * A whole-number setting with its bounds in the hint and, once the value is out of bounds, the
 * problem right under the field (announced, and linked to the input for screen readers).
 */
export function RangeField({
  label,
  value,
  limits,
  hint,
  problem,
  onChange,
}: {
  label: string;
  value: string;
  limits: { readonly min: number; readonly max: number };
  hint: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className={settings.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
