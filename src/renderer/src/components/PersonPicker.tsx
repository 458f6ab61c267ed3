import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useUsers } from '../queries/users';
import styles from './PersonPicker.module.css';
import { useDebouncedValue } from './useDebouncedValue';

/** How long typing pauses before main is asked for the matching accounts. */
const PERSON_SEARCH_DELAY_MS = 250;
/** Matches shown at once: enough to pick from, few enough to read; more typing narrows the rest. */
const PERSON_MATCHES_SHOWN = 20;

interface Chosen {
  id: string;
  email: string;
}

/**
 * One person among those the admin manages, found by typing part of their email: a combobox over a
 * listbox (↑/↓ move, Enter chooses, Escape closes and puts the choice back). The matches come from
 * `users.list` with its text filter, so a workstation of thousands of accounts finds anyone without
 * loading them all. The first option, `emptyLabel`, clears the choice (value '').
 */
export function PersonPicker({
  label,
  value,
  onChange,
  emptyLabel = 'Everyone I manage',
  valueEmail,
  hideLabel = false,
}: {
  label: string;
  /** the chosen user id, '' for everyone */
  value: string;
  onChange: (userId: string) => void;
  emptyLabel?: string;
  /** the email of `value` when the page knows it (a filter restored from the address), shown in the box */
  valueEmail?: string;
  /** a toolbar whose controls speak for themselves: the label is for assistive technology only */
  hideLabel?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim(), PERSON_SEARCH_DELAY_MS);
  const listRef = useRef<HTMLUListElement>(null);

  // the page cleared the filter (or set another person): the box says what is in force
  const shownChoice = chosen !== null && chosen.id === value ? chosen : null;
  useEffect(() => {
    if (!open) setText(shownChoice?.email ?? (value ? (valueEmail ?? value) : ''));
  }, [open, shownChoice, value, valueEmail]);

  // Closed, nothing is asked. Open with the chosen email still in the box, everyone is listed:
  // the person opened the list to change the choice, not to see the one they have.
  const query = open && search !== '' && search !== (shownChoice?.email ?? valueEmail) ? search : '';
  const people = useUsers({ ...(query ? { query } : {}), limit: PERSON_MATCHES_SHOWN, sort: 'email', direction: 'asc' }, open);
  const matches = people.data?.items ?? [];
  const options: (Chosen | null)[] = [null, ...matches.map((u) => ({ id: u.id, email: u.email }))];
  const current = Math.min(active, options.length - 1);
  const more = (people.data?.total ?? 0) - matches.length;
  // typed but not asked yet (or the answer is on its way): the listed matches are the previous text's
  const stale = open && (text.trim() !== search || people.isPlaceholderData);
  const [enterWaiting, setEnterWaiting] = useState(false);
  const choose = (option: Chosen | null) => {
    setEnterWaiting(false);
    setChosen(option);
    setOpen(false);
    setText(option?.email ?? '');
    if ((option?.id ?? '') !== value) onChange(option?.id ?? '');
  };
  const enterReady = enterWaiting && open && !stale && people.isSuccess;
  useEffect(() => {
    if (!enterReady) return;
    // the first match of the text, unless nothing matched: then Enter chooses nothing
    if (current > 0) choose(options[current]!);
    else setEnterWaiting(false);
    // runs once, when the matches Enter waited for are listed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enterReady]);

  useEffect(() => {
    listRef.current?.querySelector(`[id="${optionId(current)}"]`)?.scrollIntoView?.({ block: 'nearest' });
    // optionId only depends on id, which never changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(0, current + step), options.length - 1));
    } else if (event.key === 'Enter') {
      if (!open) return;
      // a filter row is not a form to send: Enter takes the highlighted option, once it is the
      // match of what was typed
      event.preventDefault();
      // typed faster than main answered: the choice is made when the matches of the text arrive
      if (stale && active > 0) setEnterWaiting(true);
      else choose(options[current] ?? null);
    } else if (event.key === 'Escape') {
      if (!open) return;
      event.preventDefault();
      setEnterWaiting(false);
      setOpen(false);
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className={styles.box}>
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={open ? optionId(current) : undefined}
          placeholder={emptyLabel}
          value={text}
          onChange={(e) => {
            setEnterWaiting(false);
            setText(e.target.value);
            setOpen(true);
            // the first match, not "everyone", is what Enter takes after typing
            setActive(e.target.value.trim() ? 1 : 0);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setEnterWaiting(false);
            setOpen(false);
          }}
        />
        <span id={hintId} className="visually-hidden">
          Type part of an email, then choose with the arrow keys and Enter.
        </span>
        <div className={styles.popover} hidden={!open}>
          <ul id={listId} role="listbox" aria-label={label} className={styles.list} ref={listRef}>
            {options.map((option, index) => (
              <li
                key={option?.id ?? ''}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={option ? styles.option : `${styles.option} ${styles.everyone}`}
                // keep the focus in the box, so a click closes the list as Enter does
                onMouseDown={(e) => e.preventDefault()}
                onPointerMove={() => setActive(index)}
                onClick={() => choose(option)}
              >
                {option?.email ?? emptyLabel}
              </li>
            ))}
          </ul>
          <p className={styles.note} role="status">
            {people.isError
              ? 'The accounts could not be loaded.'
              : people.isSuccess && !stale && matches.length === 0
                ? `No account matches “${query}”.`
                : more > 0 && !stale
                  ? `${more} more ${more === 1 ? 'account matches' : 'accounts match'}: type more of the email.`
                  : ''}
          </p>
        </div>
      </div>
    </div>
  );
}
