import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import type { IssuedCode } from './issuedCode';
import { SetupCodeSheets } from './SetupCodeSheets';
import styles from './SetupCodeList.module.css';

/**
 * One-time setup codes, shown once: main keeps only their hashes. Each code sits next to its
 * person; copy one, copy all, or print one sheet per person. `onKept` is told which codes have left
 * the screen (copied or sent to print), so closing can warn about the rest.
 */
export function SetupCodeList({ codes, onKept }: { codes: IssuedCode[]; onKept?: (emails: string[]) => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);

  async function copy(text: string, what: string, emails: string[]): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
      setCopyFailed(false);
      onKept?.(emails);
    } catch {
      setCopyFailed(true);
    }
  }

  function print(): void {
    onKept?.(codes.map((c) => c.email));
    window.print();
  }

  if (codes.length === 0) return null;
  const emails = codes.map((c) => c.email);
  const all = codes.map((c) => `${c.email}\t${c.code}\tvalid until ${formatDateTime(c.expiresAt)}`).join('\n');
  return (
    <section className={styles.codes} aria-labelledby="setup-codes-title">
      <h3 id="setup-codes-title">{codes.length === 1 ? 'Setup code' : `${codes.length} setup codes`}</h3>
      <p className="hint">
        Shown only now. Each code works once, for its own email, until the time shown. The person signs in with “I have a setup code”.
      </p>
      <div className={styles.actions}>
        {codes.length > 1 && (
          <button type="button" className="primary" onClick={() => void copy(all, '*', emails)}>
            {copied === '*' ? 'Copied all' : 'Copy all'}
          </button>
        )}
        <button type="button" onClick={print}>
          {codes.length === 1 ? 'Print a sheet' : 'Print a sheet per person'}
        </button>
      </div>
      {copyFailed && (
        <p className="form-error" role="alert">
          Copying is not available here: select the code and copy it by hand, or print the sheets.
        </p>
      )}
      <ul className={styles.list} aria-label="Setup codes">
        {codes.map((c) => (
          <li key={c.email} className={styles.row} aria-label={c.email}>
            <span className={styles.email}>{c.email}</span>
            <code data-testid="setup-code">{c.code}</code>
            <span className="muted">until {formatDateTime(c.expiresAt)}</span>
            <button type="button" onClick={() => void copy(c.code, c.email, [c.email])} aria-label={`Copy the setup code for ${c.email}`}>
              {copied === c.email ? 'Copied' : 'Copy'}
            </button>
          </li>
        ))}
      </ul>
      <SetupCodeSheets codes={codes} />
    </section>
  );
}
