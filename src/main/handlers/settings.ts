import type { Handlers } from '../router';
import { recordAudit } from '../services/audit';
import type { Services } from '../services';

type SettingsRoutes = 'settings.get' | 'settings.update' | 'settings.set_api_key' | 'settings.clear_api_key' | 'settings.models.update';

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
          s.settings.set(key, value as never, actor.userId);
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
      s.db.transaction(() => {
        s.settings.set('modelCatalogue', input.models, actor.userId);
        audit(actor, 'settings.models.update', { models: input.models.map((m) => `${m.id}${m.enabled ? '' : ' (disabled)'}${m.isDefault ? ' (default)' : ''}`) });
      });
      return { catalogue: s.settings.get('modelCatalogue') };
    },
  };
}
