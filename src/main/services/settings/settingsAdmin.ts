import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import { StudioError } from '../../../shared/contract/errors';
import type { ModelCheckResult } from '../../../shared/contract/routes/settings';
import { migrateModel } from '../../../shared/domain/models';
import { successorChain } from '../../../shared/domain/modelSuccessors';
import { priceRulesFor, shippedPriceRules } from '../../../shared/domain/priceTable';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { withWriteTx } from '../../db/tx';
import type { Actor } from '../../identity';
import { recordAudit } from '../audit/auditRecord';
import type { ApiKeyStore } from './apiKey';
import type { CatalogueCheck } from './catalogueCheck';
import { rememberShippedModels } from './catalogueUpgrade';
import type { SettingsStore } from './settings';

export interface SettingsAdminDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  apiKeys: ApiKeyStore;
  workstation: () => WorkstationIdentity;
  /** after the default quota policy changed and committed: tells everyone who follows it */
  announceDefaultQuotaChange: () => void;
  /**
   * after a change that committed to what people may generate with: the catalogue or its prices
   * (`everyone`), or the default model access (`default`: those who follow it)
   */
  announceModelsChange: (who: 'everyone' | 'default') => void;
  /** the catalogue's check with Google (models.list) */
  catalogueCheck: CatalogueCheck;
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
      rateLimitMaxWaitMinutes: settings.get('rateLimitMaxWaitMinutes'),
      spendLimitPer10MinutesMicros: settings.get('spendLimitPer10MinutesMicros'),
      catalogue: settings.get('modelCatalogue'),
      modelCheck: settings.get('modelCheck'),
      apiKey: apiKeys.status(),
      defaultModelAccess: settings.get('defaultModelAccess'),
      prices: this.prices(),
    };
  }

  update(actor: Actor, input: ParsedInput<'settings.update'>): SettingsSnapshot {
    const { settings } = this.deps;
    withWriteTx(this.deps.db, () => {
      // a default left without a budget keeps the current default budget
      const given = {
        ...input,
        defaultQuotas: input.defaultQuotas && { ...input.defaultQuotas, spend: input.defaultQuotas.spend ?? settings.get('defaultQuotas').spend },
      };
      for (const key of [
        'idleTimeoutMinutes',
        'defaultQuotas',
        'maxParallelJobs',
        'importLimitMb',
        'defaultModelAccess',
        'rateLimitMaxWaitMinutes',
        'spendLimitPer10MinutesMicros',
      ] as const) {
        const value = given[key];
        if (value === undefined) continue;
        const before = settings.get(key);
        settings.set(key, value, actor.userId);
        this.audit(actor, 'settings.update', { key, before, after: value });
      }
    });
    // users who follow the default see their new quotas at once (quota.changed)
    if (input.defaultQuotas !== undefined) this.deps.announceDefaultQuotaChange();
    // and their open generators offer only what the new default allows (models.changed)
    if (input.defaultModelAccess !== undefined) this.deps.announceModelsChange('default');
    return this.snapshot();
  }

  setApiKey(actor: Actor, input: ParsedInput<'settings.set_api_key'>): SettingsSnapshot['apiKey'] {
    const { apiKeys } = this.deps;
    withWriteTx(this.deps.db, () => {
      apiKeys.set(input.apiKey, { allowUnprotected: input.allowUnprotected ?? false, updatedBy: actor.userId });
      this.audit(actor, 'settings.api_key.set', { protection: apiKeys.status().protection });
    });
    // a new key may see other models (or work at all): check the catalogue with it, in the background
    this.deps.catalogueCheck.afterKeyChange();
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
      rememberShippedModels(settings);
      this.audit(actor, 'settings.models.update', {
        models: models.map((m) => `${m.id}${m.enabled ? '' : ' (disabled)'}${m.isDefault ? ' (default)' : ''}`),
      });
    });
    this.deps.announceModelsChange('everyone');
    return { catalogue: settings.get('modelCatalogue') };
  }

  async checkModels(actor: Actor): Promise<{ results: ModelCheckResult[]; catalogue: Catalogue }> {
    const { results, catalogue } = await this.deps.catalogueCheck.checkNow(actor);
    return { results, catalogue };
  }

  /**
   * Moves every use of a model to another of its kind (docs/models-and-money.md): `to` is enabled and
   * takes over default-ness, `from` is disabled. Without `to`, the nearest successor in the successor
   * table that is in the catalogue. The target must be one Google listed at the last successful
   * check, so a migration never lands on an unconfirmed id.
   */
  /** The price rules in force for every catalogue model that has any. */
  private prices(): SettingsSnapshot['prices'] {
    const overrides = this.deps.settings.get('priceOverrides');
    const entries = this.deps.settings.get('modelCatalogue').map((m) => [m.id, priceRulesFor(m.id, overrides)] as const);
    return Object.fromEntries(entries.filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null));
  }

  /**
   * An admin's correction of one model's prices, or back to the shipped ones. Jobs already created keep
   * the figures and the rule date they were priced with; only new estimates use the correction.
   */
  updatePrices(actor: Actor, input: ParsedInput<'settings.prices.update'>): SettingsSnapshot['prices'] {
    const { settings } = this.deps;
    withWriteTx(this.deps.db, () => {
      if (!settings.get('modelCatalogue').some((m) => m.id === input.modelId)) {
        throw new StudioError('NOT_FOUND', `${input.modelId} is not in the catalogue.`);
      }
      if (input.rules === null && !shippedPriceRules(input.modelId)) {
        throw new StudioError('CONFLICT', 'The studio ships no prices for this model; correct them instead.');
      }
      const overrides = settings.get('priceOverrides');
      const before = priceRulesFor(input.modelId, overrides);
      const others = Object.fromEntries(Object.entries(overrides).filter(([id]) => id !== input.modelId));
      settings.set('priceOverrides', input.rules ? { ...others, [input.modelId]: input.rules } : others, actor.userId);
      this.audit(actor, 'settings.prices.update', {
        modelId: input.modelId,
        before: before?.rules ?? null,
        after: input.rules,
        shipped: input.rules === null,
      });
    });
    // the generators' estimates read the prices from the model list
    this.deps.announceModelsChange('everyone');
    return this.prices();
  }

  migrateModel(actor: Actor, input: ParsedInput<'settings.models.migrate'>): { catalogue: Catalogue } {
    const { settings } = this.deps;
    withWriteTx(this.deps.db, () => {
      const catalogue = settings.get('modelCatalogue');
      const from = catalogue.find((m) => m.id === input.from);
      if (!from) throw invalid(`The catalogue has no model ${input.from}.`, 'from');
      const toId = input.to ?? successorChain(from.id).find((id) => catalogue.some((m) => m.id === id));
      if (!toId) throw invalid(`No successor of ${from.label} is in the catalogue. Add it first.`, 'to');
      const to = catalogue.find((m) => m.id === toId);
      if (!to || to.kind !== from.kind || to.id === from.id) throw invalid(`Choose another ${from.kind} model from the catalogue.`, 'to');
      const confirmed = settings.get('modelCheck')?.confirmed ?? [];
      if (to.missing || !confirmed.includes(to.id)) {
        throw invalid(`Google has not confirmed ${to.label} yet. Run “Check models with Google” first.`, 'to');
      }
      const next = migrateModel(catalogue, from.id, to.id);
      settings.set('modelCatalogue', next, actor.userId);
      rememberShippedModels(settings);
      this.audit(actor, 'settings.models.migrate', { from: from.id, to: to.id, defaultNow: next.find((m) => m.id === to.id)?.isDefault ?? false });
    });
    this.deps.announceModelsChange('everyone');
    return { catalogue: settings.get('modelCatalogue') };
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

function invalid(message: string, field: string): StudioError {
  return new StudioError('VALIDATION_FAILED', message, { issues: [{ path: field, message }] });
}
