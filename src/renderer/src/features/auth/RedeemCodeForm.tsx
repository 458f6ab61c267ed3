import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../../ipc/client';
import { enterSignedIn } from '../../queries/auth';
import { FormError } from './FormError';
import { type NewPassword, NewPasswordFields, newPasswordProblem } from './NewPasswordFields';

/** First sign-in of an invited person (or after a reset): email + one-time code + new password. */
export function RedeemCodeForm({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', confirm: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const redeem = useMutation({
    mutationFn: () => call('auth.redeem_code', { email, code, password: password.password }),
    onSuccess: enterSignedIn,
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const local = newPasswordProblem(password, email);
    setProblem(local);
    if (!local) redeem.mutate();
  }

  return (
    <form onSubmit={submit} aria-label="Set your password">
      <label htmlFor="redeem-email">Email</label>
      <input id="redeem-email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="redeem-code">Setup code</label>
      <input
        id="redeem-code"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        placeholder="ABCD-EFGH-JKMN"
        aria-describedby="redeem-code-hint"
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <p id="redeem-code-hint" className="hint">
        The code your admin gave you. Dashes and capitals do not matter.
      </p>
      <NewPasswordFields value={password} onChange={setPassword} email={email} />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={redeem.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={redeem.isPending}>
          {redeem.isPending ? 'Setting password…' : 'Set password and sign in'}
        </button>
        <button type="button" className="link" onClick={onBack}>
          Back to sign in
        </button>
      </div>
    </form>
  );
}
