import { useEffect, useState } from 'react';
import { documentTitle } from '../navigation';
import type { RouteOutput } from '../../../shared/contract/types';
import { LoginForm } from '../features/auth/LoginForm';
import { RedeemCodeForm } from '../features/auth/RedeemCodeForm';
import { useSessionStore } from '../stores/session';

/** Sign in, or set a password with a setup code; says why the previous session ended. */
export function SignedOutPage({ status }: { status: RouteOutput<'app.status'> }) {
  const [mode, setMode] = useState<'login' | 'redeem'>('login');
  const notice = useSessionStore((s) => s.notice);
  const dismiss = useSessionStore((s) => s.dismissNotice);
  const heading = mode === 'login' ? 'Sign in' : 'Set your password';
  useEffect(() => {
    document.title = documentTitle(heading);
  }, [heading]);
  return (
    <main className="centered">
      <section className="card" aria-labelledby="signed-out-title">
        <h1 id="signed-out-title">{heading}</h1>
        {notice && (
          <div className="notice" role="status">
            <p>{notice}</p>
            <button type="button" className="link" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        )}
        {mode === 'login' ? <LoginForm onHaveCode={() => setMode('redeem')} /> : <RedeemCodeForm onBack={() => setMode('login')} />}
        <p className="muted">
          Gemini Media Studio {status.version} on {status.workstation.hostName}
        </p>
      </section>
    </main>
  );
}
