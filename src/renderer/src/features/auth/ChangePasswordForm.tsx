import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../../ipc/client';
import { FormError } from './FormError';
import { type NewPassword, NewPasswordFields, newPasswordProblem } from './NewPasswordFields';
import { plural } from '../../../../shared/domain/plural';

export function ChangePasswordForm({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ password: '', confirm: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => call('auth.change_password', { currentPassword: current, newPassword: next.password }),
    onSuccess: () => {
      setCurrent('');
      setNext({ password: '', confirm: '' });
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const local = newPasswordProblem(next, email);
    setProblem(local);
    if (!local) change.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      {/* lets password managers tie the new password to the right account */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <label htmlFor="current-password">Current password</label>
      <input
        id="current-password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <NewPasswordFields value={next} onChange={setNext} email={email} />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={change.error} />
      {change.isSuccess && (
        <p className="form-success" role="status">
          Password changed.{' '}
          {change.data.endedOtherSessions > 0 ? `Signed out ${plural(change.data.endedOtherSessions, 'other session', 'other sessions')}.` : ''}
        </p>
      )}
      <button type="submit" className="primary" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
