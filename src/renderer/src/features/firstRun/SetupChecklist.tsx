import { useNavigate } from '@tanstack/react-router';
import { isStudioError } from '../../../../shared/contract/errors';
import { useAppStatus } from '../../queries/app';
import { useDismissSetupChecklist } from '../../queries/auth';
import styles from './SetupChecklist.module.css';

/**
 * The first admin's next steps after first run: the API key (with Google's age rule), inviting
 * people, the default quotas. Shown above every page until this admin dismisses it; main keeps the
 * dismissal with the account (`auth.dismiss_setup_checklist`), so it does not come back at the next
 * sign-in or on another computer.
 */
export function SetupChecklist() {
  const navigate = useNavigate();
  const status = useAppStatus();
  const dismiss = useDismissSetupChecklist();
  const keySet = status.data?.apiKeySet === true;
  return (
    <section className={styles.checklist} aria-labelledby="setup-checklist-title">
      <div className={styles.head}>
        <h2 id="setup-checklist-title">Get the studio ready</h2>
        <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
          Dismiss checklist
        </button>
      </div>
      <ol className={styles.steps}>
        <li>
          <div className={styles.row}>
            <span className={styles.step}>
              <strong>Set the Gemini API key</strong>
              {keySet ? <span className={styles.done}> (done)</span> : null}
              <span className="hint">
                Google’s terms allow the Gemini API only for people 18 and over: make sure everyone you invite is 18 or older.
              </span>
            </span>
            <button type="button" className="link" onClick={() => void navigate({ to: '/admin/settings' })}>
              Open Settings
            </button>
          </div>
        </li>
        <li>
          <div className={styles.row}>
            <span className={styles.step}>
              <strong>Invite people</strong>
              <span className="hint">Each gets a one-time setup code to choose their password.</span>
            </span>
            <button type="button" className="link" onClick={() => void navigate({ to: '/admin/users' })}>
              Open Users
            </button>
          </div>
        </li>
        <li>
          <div className={styles.row}>
            <span className={styles.step}>
              <strong>Check the default quotas</strong>
              <span className="hint">How many images, edits and videos a new account may make per day, week or month.</span>
            </span>
            <button type="button" className="link" onClick={() => void navigate({ to: '/admin/settings' })}>
              Open Settings
            </button>
          </div>
        </li>
      </ol>
      {dismiss.isError && (
        <p className="form-error" role="alert">
          {isStudioError(dismiss.error) ? dismiss.error.message : 'The checklist could not be dismissed. Try again.'}
        </p>
      )}
    </section>
  );
}
