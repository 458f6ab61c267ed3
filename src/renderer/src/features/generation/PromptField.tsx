import type { KeyboardEvent } from 'react';

interface PromptFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter */
  onSubmit: () => void;
  placeholder?: string;
  maxLength?: number;
}

/** The prompt box: Ctrl/Cmd+Enter generates, a counter shows the 10 000-character limit. */
export function PromptField({ id, label, value, onChange, onSubmit, placeholder, maxLength = 10_000 }: PromptFieldProps) {
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    }
  }
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="muted">
        {value.length.toLocaleString()} / {maxLength.toLocaleString()} · Ctrl+Enter to generate
      </p>
    </div>
  );
}
