import type { Theme } from '../../../shared/contract/routes/auth';
import { registerSessionReset } from './sessionReset';

/**
 * The theme is the signed-in person's own (kept in their account by main, docs/renderer.md): the shell
 * applies `me.theme` once the account is loaded, and every session end goes back to the computer's
 * setting, so the sign-in screen and the next person never inherit someone else's choice. Nothing is
 * kept in the browser's storage.
 */
export function applyTheme(choice: Theme): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

registerSessionReset(() => applyTheme('system'));
