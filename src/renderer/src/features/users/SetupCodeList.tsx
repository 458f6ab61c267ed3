import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import styles from './SetupCodeList.module.css';

export interface IssuedCode {
  email: string;
  code: string;
  expiresAt: number;
}

/**
 * One-time setup codes, shown once: main keeps only their hashes. Copy one, copy all, or print the
 * list (the print stylesheet prints only this list) to hand out on paper.
 */
export function SetupCodeList({ codes }: { codes: IssuedCode[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);

  async function copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
      setCopyFailed(false);
    } catch {
      setCopyFailed(true);
    }
  }

  if (codes.length === 0) return null;
  const all = codes.map((c) => `${c.email}\t${c.code}`).join('\n');
  return (
    <section className={`printable ${styles.codes}`} aria-labelledby="setup-codes-title">
      <h3 id="setup-codes-title">Setup codes</h3>
      <p className="hint no-print">
        Shown only now. Each code works once, for its own email, until the time shown. The person signs in with “I have a setup code”.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Setup code</th>
            <th scope="col">Valid until</th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">Copy</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.email}>
              <td>{c.email}</td>
              <td>
                <code data-testid="setup-code">{c.code}</code>
              </td>
              <td>{formatDateTime(c.expiresAt)}</td>
              <td className="no-print">
                <button type="button" onClick={() => void copy(c.code, c.email)} aria-label={`Copy the setup code for ${c.email}`}>
                  {copied === c.email ? 'Copied' : 'Copy'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions no-print">
        <button type="button" onClick={() => void copy(all, '*')}>
          {copied === '*' ? 'Copied all' : 'Copy all codes'}
        </button>
        <button type="button" onClick={() => window.print()}>
          Print codes
        </button>
      </div>
      {copyFailed && (
        <p className="form-error no-print" role="alert">
          Copying is not available here: select the code and copy it by hand.
        </p>
      )}
    </section>
  );
}
