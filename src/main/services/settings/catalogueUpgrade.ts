import { type Catalogue, DEFAULT_CATALOGUE } from '../../../shared/domain/models';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { withWriteTx } from '../../db/tx';
import { recordAudit } from '../audit/auditRecord';
import type { SettingsStore } from './settings';

/**
 * At start: an install whose admin has saved a catalogue keeps it, and gains the model ids this
 * version ships for the first time (docs/models-and-money.md). A new id is added as shipped —
 * Nano Banana 2.1 enabled, so it can serve when Google retires the admin's default; Omni 1.2
 * disabled, since nobody has confirmed it works with an API key — and never as the default: the
 * admin's choice stands. An id is offered once: one the admin removed stays removed, because
 * `shippedModelIds` remembers every id ever shipped to this install. Returns the ids added.
 */
export function addNewlyShippedModels(deps: { db: Db; clock: Clock; settings: SettingsStore; workstation: () => WorkstationIdentity }): string[] {
  const { settings } = deps;
  // Nothing saved yet: the shipped catalogue is what this install uses, and nothing is written.
  if (!settings.has('modelCatalogue')) return [];
  return withWriteTx(deps.db, () => {
    const seen = new Set(settings.get('shippedModelIds'));
    const fresh = DEFAULT_CATALOGUE.filter((m) => !seen.has(m.id));
    if (fresh.length === 0) return [];
    const stored = settings.get('modelCatalogue');
    const present = new Set(stored.map((m) => m.id));
    // the catalogue holds at most 50 models: what does not fit is left for the admin to add
    const toAdd = fresh.filter((m) => !present.has(m.id)).slice(0, Math.max(0, 50 - stored.length));
    if (toAdd.length > 0) {
      settings.set('modelCatalogue', withAdded(stored, toAdd), null);
      recordAudit(deps.db, {
        action: 'settings.models.shipped',
        actor: null,
        details: { added: toAdd.map((m) => `${m.id}${m.enabled ? '' : ' (disabled)'}`) },
        workstation: deps.workstation(),
        at: deps.clock.now(),
      });
    }
    settings.set('shippedModelIds', [...seen, ...fresh.map((m) => m.id)], null);
    return toAdd.map((m) => m.id);
  });
}

/**
 * The first time an admin saves a catalogue, every id shipped so far counts as offered: one they
 * left out on purpose is not added back at the next start. Call inside the saving transaction.
 */
export function rememberShippedModels(settings: SettingsStore): void {
  if (!settings.has('shippedModelIds'))
    settings.set(
      'shippedModelIds',
      DEFAULT_CATALOGUE.map((m) => m.id),
      null,
    );
}

/**
 * Each new model goes after the last one of its kind, not default, not missing; enabled only where
 * the kind has an enabled default already (a kind the admin switched off stays off).
 */
function withAdded(stored: Catalogue, models: Catalogue): Catalogue {
  const out = [...stored];
  for (const model of models) {
    const kindOn = stored.some((m) => m.kind === model.kind && m.enabled && m.isDefault);
    const entry = { ...model, enabled: model.enabled && kindOn, isDefault: false, missing: false };
    let at = -1;
    out.forEach((m, i) => {
      if (m.kind === model.kind) at = i;
    });
    out.splice(at === -1 ? out.length : at + 1, 0, entry);
  }
  return out;
}
