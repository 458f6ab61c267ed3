import { StudioError } from '../../../shared/contract/errors';
import type { ModelCheckResult } from '../../../shared/contract/routes/settings';
import { type Catalogue, type ModelCheckRecord, type ModelListOutcome, replacedDefaults, withAvailability } from '../../../shared/domain/models';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { withWriteTx } from '../../db/tx';
import type { Actor } from '../../identity';
import type { Logger } from '../../logger';
import { recordAudit } from '../audit/auditRecord';
import type { ApiKeyStore } from './apiKey';
import type { SettingsStore } from './settings';

export interface CatalogueCheckDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  apiKeys: ApiKeyStore;
  workstation: () => WorkstationIdentity;
  logger: Logger;
  /** one complete `models.list` with Google (never throws; NO_API_KEY may be thrown up front) */
  listModels: () => Promise<ModelListOutcome>;
  /** after a check that changed the catalogue committed: a model found missing is no longer offered */
  onCatalogueChanged?: () => void;
}

export interface CatalogueCheckResult {
  /** per catalogue id: available / missing after a complete list, unknown (with why) otherwise */
  results: ModelCheckResult[];
  catalogue: Catalogue;
  record: ModelCheckRecord;
}

type Trigger = ModelCheckRecord['trigger'];

/** The automatic check runs once a day (docs/models-and-money.md). */
export const DAILY_MS = 24 * 60 * 60 * 1000;

/**
 * The catalogue that checks itself (docs/models-and-money.md): one paged `models.list` marks every
 * catalogue id present or missing. Only Google's complete list changes a flag; a failure (network,
 * bad key, rate limit, 5xx, timeout) changes nothing and is recorded for admins to see. Runs when an
 * admin asks, at start once a key exists, after a key is saved, and once a day; two runs never
 * overlap (a second caller shares the first one's answer).
 */
export class CatalogueCheck {
  private running: Promise<CatalogueCheckResult> | null = null;
  private stopped = false;
  /** automatic checks are on (`schedule` with a start check or a timer); tests leave them off */
  private automatic = false;

  constructor(private readonly deps: CatalogueCheckDeps) {}

  /** An admin's "Check models with Google": NO_API_KEY before anything is sent; always audited. */
  checkNow(actor: Actor): Promise<CatalogueCheckResult> {
    this.deps.apiKeys.current();
    return this.run('manual', actor);
  }

  /** A background check: nothing to do without a key; never rejects (failures are recorded). */
  async checkInBackground(trigger: Exclude<Trigger, 'manual'>): Promise<CatalogueCheckResult | null> {
    if (!this.deps.apiKeys.status().set) return null;
    try {
      return await this.run(trigger, null);
    } catch (error) {
      if (!this.stopped)
        this.deps.logger.error('model catalogue check failed', { trigger, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** A new key may see other models (or work at all): check with it in the background, when automatic checks are on. */
  afterKeyChange(): void {
    if (this.automatic && !this.stopped) void this.checkInBackground('key');
  }

  /**
   * The start check (in the background, so start is not delayed) and the daily one. Returns a stop
   * function; `everyMs` 0 turns the daily timer off.
   */
  schedule(options: { atStart: boolean; everyMs: number }): () => void {
    this.automatic = options.atStart || options.everyMs > 0;
    if (options.atStart) void this.checkInBackground('start');
    const timer = options.everyMs > 0 ? setInterval(() => void this.checkInBackground('daily'), options.everyMs) : undefined;
    timer?.unref();
    return () => {
      this.stopped = true;
      clearInterval(timer);
    };
  }

  private run(trigger: Trigger, actor: Actor | null): Promise<CatalogueCheckResult> {
    this.running ??= this.runOnce(trigger, actor).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(trigger: Trigger, actor: Actor | null): Promise<CatalogueCheckResult> {
    const { settings, clock } = this.deps;
    // The network call runs outside any transaction: a write lock is never held across a request.
    const outcome = await this.deps.listModels();
    if (this.stopped) throw new StudioError('CANCELLED', 'The studio is closing; the model check was not recorded.');
    let catalogueChanged = false;
    const result = withWriteTx(this.deps.db, () => {
      catalogueChanged = false;
      // Re-read: the catalogue may have been edited while Google was answering.
      const before = settings.get('modelCatalogue');
      const previous = settings.get('modelCheck');
      const now = clock.now();
      let catalogue = before;
      let changed: string[] = [];
      let results: ModelCheckResult[];
      let record: ModelCheckRecord;
      if (outcome.ok) {
        results = before.map((m) =>
          outcome.ids.has(m.id) ? { id: m.id, status: 'available' } : { id: m.id, status: 'missing', message: 'Google does not list this model id.' },
        );
        ({ catalogue, changed } = withAvailability(before, results));
        if (changed.length > 0) settings.set('modelCatalogue', catalogue, actor?.userId ?? null);
        catalogueChanged = changed.length > 0;
        record = {
          at: now,
          trigger,
          outcome: 'ok',
          errorKind: null,
          message: null,
          lastSuccessAt: now,
          confirmed: before.filter((m) => outcome.ids.has(m.id)).map((m) => m.id),
        };
      } else {
        results = before.map((m) => ({ id: m.id, status: 'unknown', message: outcome.message }));
        record = {
          at: now,
          trigger,
          outcome: 'failed',
          errorKind: outcome.errorKind,
          message: outcome.message,
          lastSuccessAt: previous?.lastSuccessAt ?? null,
          confirmed: previous?.confirmed ?? [],
        };
        this.deps.logger.warn('model catalogue check failed; nothing changed', { trigger, errorKind: outcome.errorKind, message: outcome.message });
      }
      settings.set('modelCheck', record, actor?.userId ?? null);
      const replaced = replacedDefaults(catalogue).map((r) => `${r.kind}: ${r.missing.id} → ${r.servedBy?.id ?? 'none'}`);
      if (changed.length > 0) this.deps.logger.warn('model catalogue changed after a check with Google', { changed, replaced });
      // A person's check is always on record; an automatic one when it changed something or newly failed.
      const newlyFailed = !outcome.ok && previous?.outcome !== 'failed';
      if (actor || changed.length > 0 || newlyFailed) {
        const ids = (status: string) => results.filter((r) => r.status === status).map((r) => r.id);
        recordAudit(this.deps.db, {
          action: 'settings.models.check',
          actor: actor ? { id: actor.userId, email: actor.email } : null,
          details: {
            trigger,
            available: ids('available'),
            missing: ids('missing'),
            unknown: ids('unknown'),
            changed,
            ...(replaced.length > 0 ? { replacedDefaults: replaced } : {}),
            ...(outcome.ok ? {} : { errorKind: outcome.errorKind }),
          },
          workstation: this.deps.workstation(),
          at: now,
        });
      }
      return { results, catalogue, record };
    });
    if (catalogueChanged) this.deps.onCatalogueChanged?.();
    return result;
  }
}
