import { settingsSetApiKey } from '../../../../shared/contract/routes/settings';

/**
 * Inline checks for the settings forms, with main's own bounds and schemas, so what the form
 * accepts is what main accepts (main checks again; its message is shown if it still refuses).
 */
export function rangeProblem(text: string, limits: { readonly min: number; readonly max: number }, unit: string): string | null {
  const value = text.trim();
  if (/^\d{1,6}$/.test(value) && Number(value) >= limits.min && Number(value) <= limits.max) return null;
  return `Enter a whole number of ${unit} from ${limits.min} to ${limits.max}.`;
}

/** Null for a key main would store; otherwise the same reason main would give. */
export function apiKeyProblem(text: string): string | null {
  const result = settingsSetApiKey.input.shape.apiKey.safeParse(text);
  if (result.success) return null;
  const reason = result.error.issues[0]?.message ?? 'this is not an API key';
  return `${reason[0]!.toUpperCase()}${reason.slice(1)}.`;
}
