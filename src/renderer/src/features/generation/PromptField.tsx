import { type KeyboardEvent, useRef } from 'react';
import type { JobKind } from '../../../../shared/domain/jobs';
import { latestPrompt } from '../../queries/drafts';
import { PromptHistory } from './PromptHistory';
import styles from './PromptField.module.css';

interface PromptFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter */
  onSubmit: () => void;
  placeholder?: string;
  maxLength?: number;
  /** the kind of job whose earlier prompts can be recalled here */
  history?: JobKind;
}

/**
 * The prompt box: Ctrl/Cmd+Enter generates, a counter shows the 10 000-character limit. With
 * `history`, earlier prompts come back from "Earlier prompts" beside the label, and ↑ in an empty
 * box recalls the last one sent (main reads them from the person's jobs; nothing is kept here).
 */
export function PromptField({ id, label, value, onChange, onSubmit, placeholder, maxLength = 10_000, history }: PromptFieldProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    } else if (history && event.key === 'ArrowUp' && value === '' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void latestPrompt(history)
        .then((prompt) => {
          // only if the box is still empty: what was typed meanwhile wins
          if (prompt && textarea.current?.value === '') onChange(prompt);
        })
        .catch(() => {});
    }
  }

  return (
    <div className={styles.field}>
      <div className={styles.labelRow}>
        <label htmlFor={id}>{label}</label>
        {history && (
          <PromptHistory
            kind={history}
            label={label}
            onPick={(prompt) => {
              onChange(prompt);
              textarea.current?.focus();
            }}
          />
        )}
      </div>
      <textarea
        ref={textarea}
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
        {history ? ' · ↑ in an empty box brings back your last one' : ''}
      </p>
    </div>
  );
}
