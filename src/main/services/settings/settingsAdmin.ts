import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { ModelCheckResult } from '../../../shared/contract/routes/settings';
import { withAvailability } from '../../../shared/domain/models';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { withWriteTx } from '../../db/tx';
import type { Actor } from '../../identity';
import { recordAudit } from '../audit/auditRecord';
import type { ApiKeyStore } from './apiKey';
import type { SettingsStore } from './settings';

export interface SettingsAdminDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  apiKeys: ApiKeyStore;
  workstation: () => WorkstationIdentity;
  /** after the default quota policy changed and committed: tells everyone who follows it */
  announceDefaultQuotaChange: () => void;
  /** asks Google whether each model id still exists (never throws per model; NO_API_KEY up front) */
  checkModels: (ids: readonly string[]) => Promise<ModelCheckResult[]>;
}

type SettingsSnapshot = RouteOutput<'settings.get'>;
type Catalogue = SettingsSnapshot['catalogue'];

/**
 * What an admin changes on the settings page: workstation settings, the API key and the model
 * catalogue. Every change and its audit entry are committed together or not at all; the audit
 * says that the key changed and how it is protected, never the key.
 */
export class SettingsAdmin {
  constructor(private readonly deps: SettingsAdminDeps) {}

  snapshot(): SettingsSnapshot {
    const { settings, apiKeys } = this.deps;
    return {
      idleTimeoutMinutes: settings.get('idleTimeoutMinutes'),
      defaultQuotas: settings.get('defaultQuotas'),
      maxParallelJobs: settings.get('maxParallelJobs'),
      importLimitMb: settings.get('importLimitMb'),
      catalogue: settings.get('modelCatalogue'),
      apiKey: apiKeys.status(),
    };
  }

  update(actor: Actor, input: ParsedInput<'settings.update'>): SettingsSnapshot {
    const { settings } = this.deps;
    withWriteTx(this.deps.db, () => {
      for (const key of ['idleTimeoutMinutes', 'defaultQuotas', 'maxParallelJobs', 'importLimitMb'] as const) {
        const value = input[key];
        if (value === undefined) continue;
        const before = settings.get(key);
        settings.set(key, value, actor.userId);
        this.audit(actor, 'settings.update', { key, before, after: value });
      }
    });
    // users who follow the default see their new quotas at once (quota.changed)
    if (input.defaultQuotas !== undefined) this.deps.announceDefaultQuotaChange();
    return this.snapshot();
  }

  setApiKey(actor: Actor, input: ParsedInput<'settings.set_api_key'>): SettingsSnapshot['apiKey'] {
    const { apiKeys } = this.deps;
    withWriteTx(this.deps.db, () => {
      apiKeys.set(input.apiKey, { allowUnprotected: input.allowUnprotected ?? false, updatedBy: actor.userId });
      this.audit(actor, 'settings.api_key.set', { protection: apiKeys.status().protection });
    });
    return apiKeys.status();
  }

  clearApiKey(actor: Actor): SettingsSnapshot['apiKey'] {
    const { apiKeys } = this.deps;
    withWriteTx(this.deps.db, () => {
      if (apiKeys.clear()) this.audit(actor, 'settings.api_key.cleared');
    });
    return apiKeys.status();
  }

  updateModels(actor: Actor, input: ParsedInput<'settings.models.update'>): { catalogue: Catalogue } {
    const { settings } = this.deps;
    withWriteTx(this.deps.db, () => {
      // `missing` is Google's answer, not the admin's: an id keeps what the last check found
      // (an editor opened before a check cannot undo it), a new id starts as not missing.
      const known = new Map(settings.get('modelCatalogue').map((m) => [m.id, m.missing]));
      const models = input.models.map((m) => ({ ...m, missing: known.get(m.id) ?? false }));
      settings.set('modelCatalogue', models, actor.userId);
      this.audit(actor, 'settings.models.update', {
        models: models.map((m) => `${m.id}${m.enabled ? '' : ' (disabled)'}${m.isDefault ? ' (default)' : ''}`),
      });
    });
    return { catalogue: settings.get('modelCatalogue') };
  }

  async checkModels(actor: Actor): Promise<{ results: ModelCheckResult[]; catalogue: Catalogue }> {
    const { settings } = this.deps;
    // Refuse before any request: without a key every answer would be "unknown".
    this.deps.apiKeys.current();
    const asked = settings.get('modelCatalogue');
    // The network calls run outside any transaction: a write lock is never held across a request.
    const results = await this.deps.checkModels(asked.map((m) => m.id));
    const catalogue = withWriteTx(this.deps.db, () => {
      // Re-read: the catalogue may have been edited while Google was answering.
      const { catalogue: next, changed } = withAvailability(settings.get('modelCatalogue'), results);
      if (changed.length > 0) settings.set('modelCatalogue', next, actor.userId);
      const ids = (status: string) => results.filter((r) => r.status === status).map((r) => r.id);
      this.audit(actor, 'settings.models.check', { available: ids('available'), missing: ids('missing'), unknown: ids('unknown'), changed });
      return next;
    });
    return { results, catalogue };
  }

  private audit(actor: Actor, action: string, details?: Record<string, unknown>): void {
    recordAudit(this.deps.db, {
      action,
      actor: { id: actor.userId, email: actor.email },
      details,
      workstation: this.deps.workstation(),
      at: this.deps.clock.now(),
    });
  }
}
