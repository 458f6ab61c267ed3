import { type ThemeChoice as Choice, useThemeStore } from '../../stores/theme';

const CHOICES: { value: Choice; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'follows the light or dark setting of the computer' },
  { value: 'light', label: 'Light', hint: 'always light' },
  { value: 'dark', label: 'Dark', hint: 'always dark' },
];

/**
 * The theme override (SPEC §7). It is stored on this workstation, not in the account: the store
 * applies it to <html> at once and keeps it in localStorage across sign-outs and restarts.
 */
export function ThemeChoice() {
  const choice = useThemeStore((s) => s.choice);
  const setChoice = useThemeStore((s) => s.setChoice);
  return (
    <fieldset className="theme-choice">
      <legend>Theme</legend>
      {CHOICES.map((option) => (
        <label key={option.value} className="inline">
          <input type="radio" name="theme" value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} />
          {option.label} <span className="muted">— {option.hint}</span>
        </label>
      ))}
      <p className="hint">Saved on this computer for everyone who uses it.</p>
    </fieldset>
  );
}
