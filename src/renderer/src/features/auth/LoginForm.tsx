import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../../ipc/client';
import { enterSignedIn } from '../../queries/auth';
import { FormError } from './FormError';

export function LoginForm({ onHaveCode }: { onHaveCode: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call('auth.login', { email, password }),
    onSuccess: enterSignedIn,
    // a failed attempt leaves no password in memory longer than needed
    onError: () => setPassword(''),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    login.mutate();
  }

  return (
    <form onSubmit={submit} aria-label="Sign in">
      <label htmlFor="login-email">Email</label>
      <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="login-password">Password</label>
      <input
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
