import { withAvailability } from '../../shared/domain/models';
import type { Handlers } from '../router';
import { recordAudit } from '../services/audit/auditRecord';
import type { Services } from '../serviceRegistry';

type SettingsRoutes =
  | 'settings.get'
  | 'settings.update'
  | 'settings.set_api_key'
  | 'settings.clear_api_key'
  | 'settings.models.update'
  | 'settings.models.check';

export function settingsHandlers(s: Services): Pick<Handlers, SettingsRoutes> {
  const snapshot = () => ({
    idleTimeoutMinutes: s.settings.get('idleTimeoutMinutes'),
    defaultQuotas: s.settings.get('defaultQuotas'),
    maxParallelJobs: s.settings.get('maxParallelJobs'),
    catalogue: s.settings.get('modelCatalogue'),
    apiKey: s.apiKeys.status(),
  });
  const audit = (actor: { userId: string; email: string }, action: string, details?: Record<string, unknown>) =>
    recordAudit(s.db, {
      action,
      actor: { id: actor.userId, email: actor.email },
      details,
      workstation: s.workstation(),
      at: s.clock.now(),
    });

  return {
    'settings.get': () => snapshot(),

    'settings.update': (input, { actor }) => {
      s.db.transaction(() => {
        for (const key of ['idleTimeoutMinutes', 'defaultQuotas', 'maxParallelJobs'] as const) {
          const value = input[key];
          if (value === undefined) continue;
          const before = s.settings.get(key);
          s.settings.set(key, value, actor.userId);
          audit(actor, 'settings.update', { key, before, after: value });
        }
      });
      // users who follow the default see their new quotas at once (quota.changed)
      if (input.defaultQuotas !== undefined) s.quotaAdmin.announceDefaultChange();
      return snapshot();
    },

    'settings.set_api_key': (input, { actor }) => {
      s.db.transaction(() => {
        s.apiKeys.set(input.apiKey, { allowUnprotected: input.allowUnprotected ?? false, updatedBy: actor.userId });
        // the audit records that the key changed and how it is protected, never the key
        audit(actor, 'settings.api_key.set', { protection: s.apiKeys.status().protection });
      });
      return s.apiKeys.status();
    },

    'settings.clear_api_key': (_input, { actor }) => {
      s.db.transaction(() => {
        if (s.apiKeys.clear()) audit(actor, 'settings.api_key.cleared');
      });
      return s.apiKeys.status();
    },

    'settings.models.update': (input, { actor }) => {
      s.db.transaction(
        () => {
          // `missing` is Google's answer, not the admin's: an id keeps what the last check found
          // (an editor opened before a check cannot undo it), a new id starts as not missing.
          const known = new Map(s.settings.get('modelCatalogue').map((m) => [m.id, m.missing]));
          const models = input.models.map((m) => ({ ...m, missing: known.get(m.id) ?? false }));
          s.settings.set('modelCatalogue', models, actor.userId);
          audit(actor, 'settings.models.update', { models: models.map((m) => `${m.id}${m.enabled ? '' : ' (disabled)'}${m.isDefault ? ' (default)' : ''}`) });
        },
        { behavior: 'immediate' },
      );
      return { catalogue: s.settings.get('modelCatalogue') };
    },

    'settings.models.check': async (_input, { actor }) => {
      // Refuse before any request: without a key every answer would be "unknown".
      s.apiKeys.current();
      const asked = s.settings.get('modelCatalogue');
      // The network calls run outside any transaction (ARCHITECTURE.md: invariants).
      const results = await s.checkModels(asked.map((m) => m.id));
      const catalogue = s.db.transaction(
        () => {
          // Re-read: the catalogue may have been edited while Google was answering.
          const { catalogue: next, changed } = withAvailability(s.settings.get('modelCatalogue'), results);
          if (changed.length > 0) s.settings.set('modelCatalogue', next, actor.userId);
          const ids = (status: string) => results.filter((r) => r.status === status).map((r) => r.id);
          audit(actor, 'settings.models.check', { available: ids('available'), missing: ids('missing'), unknown: ids('unknown'), changed });
          return next;
        },
        { behavior: 'immediate' },
      );
      return { results, catalogue };
    },
  };
}
