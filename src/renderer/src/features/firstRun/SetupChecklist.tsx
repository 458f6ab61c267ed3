import { useNavigate } from '@tanstack/react-router';
import { isStudioError } from '../../../../shared/contract/errors';
import { useAppStatus } from '../../queries/app';
import { useDismissSetupChecklist } from '../../queries/auth';
import styles from './SetupChecklist.module.css';

const KEY_STEP = 'Set the Gemini API key';

/** Each step: what to do, why or how, and the page where it is done. */
const STEPS: { title: string; hint: string; action: string; to: '/admin/settings' | '/admin/users' }[] = [
  {
    title: KEY_STEP,
    hint: 'Google’s terms allow the Gemini API only for people 18 and over: make sure everyone you invite is 18 or older.',
    action: 'Open Settings',
    to: '/admin/settings',
  },
  { title: 'Invite people', hint: 'Each gets a one-time setup code to choose their password.', action: 'Open Users', to: '/admin/users' },
  {
    title: 'Check the default quotas',
    hint: 'How many images, edits and videos a new account may make per day, week or month.',
    action: 'Open Settings',
    to: '/admin/settings',
  },
];

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
        {STEPS.map((step) => (
          <li key={step.title}>
            <div className={styles.row}>
              <span className={styles.step}>
                <strong>{step.title}</strong>
                {step.title === KEY_STEP && keySet ? <span className={styles.done}> (done)</span> : null}
                <span className="hint">{step.hint}</span>
              </span>
              <button type="button" className="link" onClick={() => void navigate({ to: step.to })}>
                {step.action}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {dismiss.isError && (
        <p className="form-error" role="alert">
          {isStudioError(dismiss.error) ? dismiss.error.message : 'The checklist could not be dismissed. Try again.'}
        </p>
      )}
    </section>
  );
}
