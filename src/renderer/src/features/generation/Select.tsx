import { useId } from 'react';
import frame from './GeneratorFrame.module.css';

interface SelectProps<T extends string | number> {
  label: string;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  /** an empty choice meaning "let the model decide" */
  emptyLabel?: string;
  disabled?: boolean;
}

export function Select<T extends string | number>({ label, value, options, onChange, emptyLabel, disabled }: SelectProps<T>) {
  const id = useId();
  return (
    <div className={frame.selectField}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          if (picked) onChange(picked.value);
          else if (e.target.value === '' && emptyLabel) onChange(undefined as unknown as T);
        }}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
