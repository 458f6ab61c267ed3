import { useId } from 'react';
import { PASSWORD_HINT, passwordProblem } from '../../../../shared/domain/passwords';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** The rule the new password breaks, or a mismatch, or null when it may be sent. */
export function newPasswordProblem(value: NewPassword, email?: string): string | null {
  return passwordProblem(value.password, email) ?? (value.password !== value.confirm ? 'The two passwords do not match.' : null);
}

/**
 * New password + confirmation, with the rules shown up front and the first broken one said as the
 * person types. Main checks again (and against the common-password list).
 */
export function NewPasswordFields({
  value,
  onChange,
  email,
  label = 'New password',
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  email?: string;
  label?: string;
}) {
  const id = useId();
  const problem = value.password ? passwordProblem(value.password, email) : null;
  const mismatch = value.confirm && value.password !== value.confirm;
  return (
    <>
      <label htmlFor={`${id}-new`}>{label}</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        aria-describedby={`${id}-hint ${id}-problem`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
      />
      <p id={`${id}-hint`} className="hint">
        {PASSWORD_HINT}
      </p>
      <p id={`${id}-problem`} className="field-problem" aria-live="polite">
        {problem}
      </p>
      <label htmlFor={`${id}-confirm`}>Confirm {label.toLowerCase()}</label>
      <input
        id={`${id}-confirm`}
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        aria-describedby={`${id}-mismatch`}
        aria-invalid={mismatch ? true : undefined}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
      />
      <p id={`${id}-mismatch`} className="field-problem" aria-live="polite">
        {mismatch ? 'The two passwords do not match.' : null}
      </p>
    </>
  );
}
