import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { call } from '../../ipc/client';
import { enterSignedIn } from '../../queries/auth';
import { FormError } from './FormError';

export function LoginForm({ onHaveCode }: { onHaveCode: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const login = useMutation({
    mutationFn: () => call('auth.login', { email, password }),
    onSuccess: enterSignedIn,
    // a failed attempt leaves no password in memory longer than needed, and focus where to type it again
    onError: () => {
      setPassword('');
      requestAnimationFrame(() => passwordRef.current?.focus());
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    login.mutate();
  }

  return (
    <form onSubmit={submit} aria-label="Sign in">
      <label htmlFor="login-email">Email</label>
      {/* the sign-in page exists to type this: it has the focus when it opens */}
      <input id="login-email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="login-password">Password</label>
      <input
        ref={passwordRef}
        id="login-password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError error={login.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="link" onClick={onHaveCode}>
          I have a setup code
        </button>
      </div>
    </form>
  );
}
