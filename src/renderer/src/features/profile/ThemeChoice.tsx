import { useId, useState } from 'react';
import type { Theme } from '../../../../shared/contract/routes/auth';
import { isStudioError } from '../../../../shared/contract/errors';
import { useMe, useSetTheme } from '../../queries/auth';
import styles from './ThemeChoice.module.css';

const CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * The person's theme (docs/renderer.md): saved in their account through main and applied at once; the
 * next person at this computer keeps their own, and the sign-in screen follows the computer.
 */
export function ThemeChoice() {
  const me = useMe();
  const setTheme = useSetTheme();
  const hintId = useId();
  // the click's choice at once (the mutation's own state arrives a tick later, and a controlled radio
  // would snap back meanwhile); main's answer then replaces it
  const [asked, setAsked] = useState<Theme | null>(null);
  const choice = asked ?? me.data?.theme ?? 'system';
  const choose = (theme: Theme) => {
    setAsked(theme);
    setTheme.mutate(theme, { onSettled: () => setAsked(null) });
  };
  return (
    <fieldset className={styles.choice} aria-describedby={hintId}>
      <legend>Theme</legend>
      {CHOICES.map((option) => (
        <label key={option.value} className="inline">
          <input type="radio" name="theme" value={option.value} checked={choice === option.value} onChange={() => choose(option.value)} />
          {option.label}
        </label>
      ))}
      <p className="hint" id={hintId}>
        System follows the light or dark setting of this computer. Your choice is kept with your account: it follows you to any computer, and other
        people keep their own.
      </p>
      {setTheme.isError && (
        <p className="form-error" role="alert">
          {isStudioError(setTheme.error) ? setTheme.error.message : 'The theme could not be saved. Try again.'}
        </p>
      )}
    </fieldset>
  );
}
