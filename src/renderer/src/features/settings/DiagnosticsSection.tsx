import { useId } from 'react';
import { useDiagnosticsCapabilities, useOpenLogFolder, useSaveDiagnostics } from '../../queries/diagnostics';
import { FormError } from '../auth/FormError';
import { formatBytes } from '../gallery/format';
import settings from './SettingsPage.module.css';
import styles from './DiagnosticsSection.module.css';

/**
 * Where the studio's log lives and a zip for whoever supports this computer (docs/operations.md).
 * The desktop app opens the folder and asks where to save; elsewhere (the browser harness) there is
 * no file manager, so the folder is only named and the zip goes to the data folder's exports.
 */
export function DiagnosticsSection() {
  const id = useId();
  const capabilities = useDiagnosticsCapabilities();
  const open = useOpenLogFolder();
  const save = useSaveDiagnostics();
  const caps = capabilities.data;
  // an ellipsis promises a dialog; without one the zip is written straight away
  const saveLabel = caps?.chooseSaveLocation ? 'Save diagnostics…' : 'Save diagnostics';
  const result = save.data;

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Logs and diagnostics</h2>
      <p>
        The studio keeps a log of what it does — never keys, passwords, setup codes or prompts. To report a problem, save diagnostics: a zip of recent
        logs, versions, settings without secrets, the model catalogue and totals, without anyone’s email or prompts.
      </p>
      {caps && (
        <dl className={styles.where}>
          <dt>Log folder</dt>
          <dd data-testid="log-folder">{caps.logFolder}</dd>
        </dl>
      )}
      <FormError error={capabilities.error ?? open.error ?? save.error} />
      <div className="button-row">
        {caps?.openLogFolder && (
          <button type="button" disabled={open.isPending} onClick={() => open.mutate()}>
            Open log folder
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={!caps || save.isPending}
          onClick={() => {
            open.reset();
            save.mutate();
          }}
        >
          {save.isPending ? 'Saving diagnostics…' : saveLabel}
        </button>
      </div>
      <div role="status" className={styles.outcome}>
        {result?.saved && result.path && (
          <p className="form-success" data-testid="diagnostics-saved">
            Diagnostics saved ({formatBytes(result.bytes)}) to <span className={styles.path}>{result.path}</span>
          </p>
        )}
        {result && !result.saved && <p className="muted">Nothing was saved.</p>}
      </div>
    </section>
  );
}
