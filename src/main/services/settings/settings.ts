import { eq } from 'drizzle-orm';
import { SETTING_DEFAULTS, type SettingKey, type SettingValue, settingSchemas } from '../../../shared/domain/settings';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { setting } from '../../db/schema';

/** Typed access to the admin settings table; every read is validated against its schema. */
export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const row = this.db.select({ value: setting.value }).from(setting).where(eq(setting.key, key)).get();
    if (!row) return SETTING_DEFAULTS[key];
    const parsed = settingSchemas[key].safeParse(safeJson(row.value));
    return parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key];
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
