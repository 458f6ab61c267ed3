import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { JobKind } from '../../../../shared/domain/jobs';
import { usePromptHistory } from '../../queries/drafts';
import { formatDateTime } from '../../components/format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import styles from './PromptField.module.css';

interface PromptHistoryProps {
  kind: JobKind;
  /** what the list is for ("Prompt", "Instruction"), for its name */
  label: string;
  onPick: (prompt: string) => void;
}

/**
 * "Earlier prompts": the person's own prompts of this kind, newest first, narrowed by what is typed
 * in its search box. A combobox over a listbox: ↑/↓ move, Enter takes the prompt, Escape (or a
 * click outside) closes the list and gives focus back to its button.
 */
export function PromptHistory({ kind, label, onPick }: PromptHistoryProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popoverId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className={styles.history} ref={root}>
      <button
        ref={button}
        type="button"
        className={styles.historyButton}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        Earlier prompts
      </button>
      {open && (
        <HistoryPopover
          id={popoverId}
          kind={kind}
          label={label}
          onClose={close}
          onPick={(prompt) => {
            setOpen(false);
            onPick(prompt);
          }}
        />
      )}
    </div>
  );
}

function HistoryPopover({
  id,
  kind,
  label,
  onClose,
  onPick,
}: {
  id: string;
  kind: JobKind;
  label: string;
  onClose: () => void;
  onPick: (p: string) => void;
}) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 200);
  const [active, setActive] = useState(0);
  const history = usePromptHistory(kind, query, true);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const current = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(0, current + step), Math.max(0, items.length - 1)));
    } else if (event.key === 'Enter') {
      // the prompt sits in a generator form: Enter here takes a prompt, it never submits
      event.preventDefault();
      const item = items[current];
      if (item) onPick(item.prompt);
    }
  }

  return (
    <div id={id} className={styles.popover} role="dialog" aria-label={`Earlier ${label.toLowerCase()}s`}>
      <label htmlFor={`${id}-search`} className={styles.searchLabel}>
        Search earlier {label.toLowerCase()}s
      </label>
      <input
        id={`${id}-search`}
        type="search"
        role="combobox"
        autoFocus
        autoComplete="off"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
        value={search}
        placeholder="Words from the prompt"
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {history.isError && (
        <p className="form-error" role="alert">
          Your earlier prompts could not be loaded.
        </p>
      )}
      {history.isSuccess && items.length === 0 && (
        <p className="muted" role="status">
          {query
            ? `No earlier ${label.toLowerCase()} contains “${query}”.`
            : `Nothing sent yet: your ${label.toLowerCase()}s appear here once you generate.`}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={`Earlier ${label.toLowerCase()}s`} className={styles.options}>
        {items.map((item, index) => (
          <li
            key={item.prompt}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={styles.option}
            onPointerMove={() => setActive(index)}
            onClick={() => onPick(item.prompt)}
          >
            <span className={styles.optionText}>{item.prompt}</span>
            <span className={styles.optionTime}>{formatDateTime(item.lastUsedAt)}</span>
          </li>
        ))}
      </ul>
      {history.hasNextPage && (
        <button type="button" className="link" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {history.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </div>
  );
}
