import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { secret } from '../db/schema';

export const API_KEY_SECRET = 'gemini-api-key';

/** Whether a Gemini API key is configured: stored by an admin, or provisioned through the env. */
export function apiKeyIsSet(db: Db, env: NodeJS.ProcessEnv): boolean {
  if (env.GEMINI_API_KEY) return true;
  return db.select({ name: secret.name }).from(secret).where(eq(secret.name, API_KEY_SECRET)).get() !== undefined;
}
