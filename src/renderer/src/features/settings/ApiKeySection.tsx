import { type FormEvent, useId, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { useClearApiKey, useSetApiKey } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import { type ApiKeyStatus, apiKeyStatusText, protectionWarning, storedKeyUnreadable } from './apiKeyText';
import { SaveRow } from './SaveRow';
import { apiKeyProblem } from './validation';
import settings from './SettingsPage.module.css';

/**
 * The Gemini API key, write-only: the status line shows where the key comes from and its last four
 * characters; the input is never pre-filled and is emptied once main has stored the key. Main
 * never returns the key, so nothing here could show it even by mistake.
 */
export function ApiKeySection({ status }: { status: ApiKeyStatus }) {
  const id = useId();
  const [key, setKey] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [allowUnprotected, setAllowUnprotected] = useState(false);
  // main can ask for consent even when the status said otherwise (the keyring went away meanwhile)
  const [consentAsked, setConsentAsked] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const save = useSetApiKey();

  const warning = protectionWarning(status.available);
  const offerConsent = status.available === 'unprotected' || consentAsked;
  const cannotStore = status.available === 'unavailable' && !consentAsked;
  const problem = attempted && key ? apiKeyProblem(key) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(null);
    if (!key || apiKeyProblem(key)) return;
    save.mutate(
      { apiKey: key, ...(offerConsent ? { allowUnprotected } : {}) },
      {
        onSuccess: (next) => {
          setKey('');
          setAttempted(false);
          setDone(`Key saved. ${apiKeyStatusText(next)}.`);
        },
        onError: (error) => {
          const details = isStudioError(error) ? (error.details as { needsAllowUnprotected?: boolean } | undefined) : undefined;
          if (details?.needsAllowUnprotected) setConsentAsked(true);
        },
      },
    );
  };

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Gemini API key</h2>
      <p data-testid="api-key-status">{apiKeyStatusText(status)}</p>
      {storedKeyUnreadable(status) && (
        <p className="notice" role="note">
          A key stored earlier cannot be read on this computer (it was sealed for another OS account or key store). Set the key again, or remove the
          stored one.
        </p>
      )}
      {warning && (
        <p className="notice" role="note">
          {warning}
        </p>
      )}
      <form className={settings.form} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-key`}>New API key</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          disabled={cannotStore}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(e) => {
            setKey(e.target.value);
            setDone(null);
          }}
        />
        <p id={`${id}-hint`} className="hint">
          Paste the key from Google AI Studio. It replaces the key in use and is never shown again.
        </p>
        {problem && (
          <p id={`${id}-problem`} className="field-problem" role="alert">
            {problem}
          </p>
        )}
        {offerConsent && (
          <label className="inline">
            <input type="checkbox" checked={allowUnprotected} onChange={(e) => setAllowUnprotected(e.target.checked)} />
            Store without OS protection
          </label>
        )}
        <SaveRow
          error={save.error}
          status={done}
          label="Save key"
          pending={save.isPending}
          disabled={cannotStore || key.length === 0 || save.isPending}
        >
          {status.protection !== null && <RemoveKey onRemoved={(text) => setDone(text)} />}
        </SaveRow>
      </form>
    </section>
  );
}

/** Two steps: removing the key stops generation for everyone unless the environment provides one. */
function RemoveKey({ onRemoved }: { onRemoved: (text: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const clear = useClearApiKey();
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Remove stored key…
      </button>
    );
  }
  return (
    <>
      <span className="confirm" role="group" aria-label="Confirm removing the API key">
        <span>Remove the stored key? Generation then uses the GEMINI_API_KEY environment variable if it is set, and stops otherwise.</span>
        <button
          type="button"
          className="danger"
          disabled={clear.isPending}
          onClick={() =>
            clear.mutate(undefined, {
              onSuccess: (next) => {
                setConfirming(false);
                onRemoved(`Stored key removed. ${apiKeyStatusText(next)}.`);
              },
            })
          }
        >
          Remove key
        </button>
        {/* focus lands on the harmless choice, so a second Enter does not remove the key */}
        <button type="button" autoFocus onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </span>
      <FormError error={clear.error} />
    </>
  );
}
