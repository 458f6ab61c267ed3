import { type FormEvent, useState } from 'react';
import type { RouteInput } from '../../../../shared/contract/types';
import { useUpdateSettings } from '../../queries/settings';

type SettingsChanges = RouteInput<'settings.update'>;

/**
 * A settings section's save: `submit` sends the section's changes when it may, and `saved` says so
 * until the next edit (`edited` wraps a field's setter to forget it).
 */
export function useSettingsSave() {
  const save = useUpdateSettings();
  const [saved, setSaved] = useState(false);
  const submit = (canSave: boolean, changes: () => SettingsChanges) => (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    setSaved(false);
    save.mutate(changes(), { onSuccess: () => setSaved(true) });
  };
  const edited =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSaved(false);
    };
  return { save, saved, submit, edited };
}
