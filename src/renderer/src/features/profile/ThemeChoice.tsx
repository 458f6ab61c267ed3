import { useId } from 'react';
import { type ThemeChoice as Choice, useThemeStore } from '../../stores/theme';
import styles from './ThemeChoice.module.css';

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * The theme override (docs/renderer.md). It is stored on this workstation, not in the account: the store
 * applies it to <html> at once and keeps it in localStorage across sign-outs and restarts.
 */
export function ThemeChoice() {
  const choice = useThemeStore((s) => s.choice);
  const setChoice = useThemeStore((s) => s.setChoice);
  const hintId = useId();
  return (
    <fieldset className={styles.choice} aria-describedby={hintId}>
      <legend>Theme</legend>
      {CHOICES.map((option) => (
        <label key={option.value} className="inline">
          <input type="radio" name="theme" value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} />
          {option.label}
        </label>
      ))}
      <p className="hint" id={hintId}>
        System follows the light or dark setting of this computer. The choice is kept on this computer, for everyone who uses it.
      </p>
    </fieldset>
  );
}
