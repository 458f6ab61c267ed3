import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../../ipc/client';
import { enterSignedIn } from '../../queries/auth';
import { FormError } from './FormError';
import { type NewPassword, NewPasswordFields, newPasswordProblem } from './NewPasswordFields';

/** First run: the account that will manage all others. There are no default credentials. */
export function FirstAdminForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', confirm: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useMutation({
    mutationFn: () => call('auth.setup_first_admin', { email, password: password.password }),
    onSuccess: enterSignedIn,
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const local = newPasswordProblem(password, email);
    setProblem(local);
    if (!local) setup.mutate();
  }

  return (
    <form onSubmit={submit} aria-label="Create the first admin">
      <label htmlFor="first-admin-email">Email</label>
      <input
        id="first-admin-email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <NewPasswordFields value={password} onChange={setPassword} email={email} label="Password" />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={setup.error} />
      <button type="submit" className="primary" disabled={setup.isPending}>
        {setup.isPending ? 'Creating…' : 'Create admin and sign in'}
      </button>
    </form>
  );
}
