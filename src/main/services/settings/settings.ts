import { eq, sql } from 'drizzle-orm';
import { SETTING_DEFAULTS, type SettingKey, type SettingValue, settingSchemas } from '../../../shared/domain/settings';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { setting } from '../../db/schema';

/**
 * Typed access to the admin settings table; every read is validated against its schema.
 *
 * Each read still asks the table (another process, or a rolled-back transaction, may have changed
 * it), but the parse is kept per key for as long as the stored text is the same: the model catalogue
 * alone is read several times per Generate click, and validating it each time was a visible share
 * of main's work per job. Values handed out are frozen, so no caller can change the kept one.
 */
export class SettingsStore {
  private readonly parsed = new Map<SettingKey, { text: string; value: unknown }>();
  /** prepared once: building and preparing the query on every read cost more than running it */
  private readonly read;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.read = db
      .select({ value: setting.value })
      .from(setting)
      .where(eq(setting.key, sql.placeholder('key')))
      .prepare();
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const row = this.read.get({ key });
    if (!row) return deepFreeze(SETTING_DEFAULTS[key]);
    const kept = this.parsed.get(key);
    if (kept?.text === row.value) return kept.value as SettingValue<K>;
    const parsed = settingSchemas[key].safeParse(safeJson(row.value));
    const value = deepFreeze(parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key]);
    this.parsed.set(key, { text: row.value, value });
    return value;
  }

  /** Whether an admin (or the app) has stored this key; otherwise `get` answers the shipped default. */
  has(key: SettingKey): boolean {
    return this.db.select({ key: setting.key }).from(setting).where(eq(setting.key, key)).get() !== undefined;
  }

  /** Validates and stores; runs inside the caller's transaction when there is one. */
  set<K extends SettingKey>(key: K, value: SettingValue<K>, updatedBy: string | null): void {
    const checked = settingSchemas[key].parse(value);
    const row = { key, value: JSON.stringify(checked), updatedAt: this.clock.now(), updatedBy };
    this.db.insert(setting).values(row).onConflictDoUpdate({ target: setting.key, set: row }).run();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
