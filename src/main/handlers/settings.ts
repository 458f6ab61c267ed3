import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';

type SettingsRoutes =
  | 'settings.get'
  | 'settings.update'
  | 'settings.set_api_key'
  | 'settings.clear_api_key'
  | 'settings.models.update'
  | 'settings.models.check'
  | 'settings.models.migrate'
  | 'settings.prices.update'
  | 'settings.project.get';

export function settingsHandlers(s: Services): Pick<Handlers, SettingsRoutes> {
  return {
    'settings.get': () => s.settingsAdmin.snapshot(),
    'settings.update': (input, { actor }) => s.settingsAdmin.update(actor, input),
    'settings.set_api_key': (input, { actor }) => s.settingsAdmin.setApiKey(actor, input),
    'settings.clear_api_key': (_input, { actor }) => s.settingsAdmin.clearApiKey(actor),
    'settings.models.update': (input, { actor }) => s.settingsAdmin.updateModels(actor, input),
    'settings.models.check': (_input, { actor }) => s.settingsAdmin.checkModels(actor),
    'settings.models.migrate': (input, { actor }) => s.settingsAdmin.migrateModel(actor, input),
    'settings.prices.update': (input, { actor }) => ({ prices: s.settingsAdmin.updatePrices(actor, input) }),
    // the key and the catalogue from settings, the spend window and the waiting jobs from the queue
    'settings.project.get': () => {
      const settings = s.settingsAdmin.snapshot();
      return {
        keySource: settings.apiKey.source,
        spendLimitPer10MinutesMicros: settings.spendLimitPer10MinutesMicros,
        rateLimitMaxWaitMinutes: settings.rateLimitMaxWaitMinutes,
        modelCheck: settings.modelCheck,
        ...s.jobRunner.queueSummary(),
      };
    },
  };
}
