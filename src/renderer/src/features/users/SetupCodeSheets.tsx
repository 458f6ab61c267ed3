import { createPortal } from 'react-dom';
import { formatDateTime } from '../../components/format';
import type { IssuedCode } from './issuedCode';
import styles from './SetupCodeSheets.module.css';

/**
 * The printed form of setup codes: one sheet per person (email, code, expiry, how to sign in),
 * black on white. Hidden on screen; while printing it is the only thing on the page. Rendered at the
 * end of <body>, outside the app and its open <dialog>, so the print stylesheet can hide everything
 * else by one rule.
 */
export function SetupCodeSheets({ codes }: { codes: IssuedCode[] }) {
  return createPortal(
    <div className={styles.sheets} data-testid="setup-code-sheets">
      {codes.map((c) => (
        <article key={c.email} className={styles.sheet} aria-label={`Setup sheet for ${c.email}`}>
          <p className={styles.app}>Gemini Media Studio</p>
          <h1>Your setup code</h1>
          <dl>
            <dt>Email</dt>
            <dd>{c.email}</dd>
            <dt>Setup code</dt>
            <dd className={styles.code}>{c.code}</dd>
            <dt>Valid until</dt>
            <dd>{formatDateTime(c.expiresAt)}</dd>
          </dl>
          <h2>How to sign in</h2>
          <ol>
            <li>Open Gemini Media Studio on the workstation.</li>
            <li>On the sign-in screen, choose “I have a setup code”.</li>
            <li>Enter your email and this setup code, then choose your own password (at least 10 characters).</li>
            <li>Choose “Set password and sign in”. From then on you sign in with your email and password.</li>
          </ol>
          <p>The code works once, only for this email, until the time above. If it has expired, ask your admin for a new one.</p>
        </article>
      ))}
    </div>,
    document.body,
  );
}
