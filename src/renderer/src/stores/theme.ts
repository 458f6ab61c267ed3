import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'studio.theme';

interface ThemeState {
  choice: ThemeChoice;
  setChoice: (choice: ThemeChoice) => void;
}

/**
 * The theme follows the OS unless someone picks one. It is a workstation preference, not a
 * personal secret, so it survives sign-out (unlike every per-user store).
 */
export const useThemeStore = create<ThemeState>((set) => ({
  choice: readStoredChoice(),
  setChoice: (choice) => {
    localStorage.setItem(STORAGE_KEY, choice);
    applyTheme(choice);
    set({ choice });
  },
}));

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

function readStoredChoice(): ThemeChoice {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}
