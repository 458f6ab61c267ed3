import { useId, useState } from 'react';
import type { CatalogueModel } from '../../../../shared/domain/models';
import type { Settings } from '../../queries/settings';
import { PriceRulesDialog } from './PriceRulesDialog';
import { priceSummary } from './priceForm';
import settings from './SettingsPage.module.css';
import styles from './PricesSection.module.css';

/**
 * The prices every estimate and cost is computed with (docs/models-and-money.md): shipped figures,
 * dated and sourced, which an admin corrects when Google changes them. A correction applies to jobs
 * created from then on; past jobs keep the figure and the date they were priced with.
 */
export function PricesSection({ catalogue, prices }: { catalogue: CatalogueModel[]; prices: Settings['prices'] }) {
  const id = useId();
  const [editing, setEditing] = useState<CatalogueModel | null>(null);
  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Prices</h2>
      <p className="hint">
        Used for the estimate beside Generate, for budgets and for the cost of each job. Most shipped figures come from third-party price lists; check
        them against your Google Cloud bill and correct them here.
      </p>
      <div className={styles.scroll}>
        <table className="data-table" aria-label="Prices by model">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Price</th>
              <th scope="col">As of</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {catalogue.map((model) => {
              const entry = prices[model.id];
              return (
                <tr key={model.id}>
                  <th scope="row">
                    <span title={model.id}>{model.label}</span>
                  </th>
                  <td>{entry ? priceSummary(entry.rules) : <span className="muted">No price known</span>}</td>
                  <td className={styles.date}>{entry?.rules.asOf ?? '—'}</td>
                  <td className={styles.source}>
                    {entry ? (
                      <>
                        {entry.edited ? 'Corrected by an admin: ' : ''}
                        {entry.rules.source}
                        {entry.rules.estimate && <span className={styles.badge}>estimate</span>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button type="button" onClick={() => setEditing(model)} aria-label={`Edit prices of ${model.label}`}>
                      Edit…
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing && <PriceRulesDialog model={editing} entry={prices[editing.id] ?? null} onClose={() => setEditing(null)} />}
    </section>
  );
}
