import { isStudioError } from '../../../../shared/contract/errors';

/**
 * What went wrong on the Users page, above the list: the accounts a batch could not change, the last
 * failed action (until dismissed), and a list that could not be read.
 */
export function UsersErrors({
  batchFailures,
  actionError,
  onDismiss,
  listError,
}: {
  batchFailures: readonly string[];
  actionError: string | null;
  onDismiss: () => void;
  listError: unknown;
}) {
  return (
    <>
      {batchFailures.length > 0 && (
        <ul className="form-error" role="alert" aria-label="Accounts not changed">
          {batchFailures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}{' '}
          <button type="button" className="link" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
      {listError !== null && listError !== undefined && (
        <p className="form-error" role="alert">
          {isStudioError(listError) ? listError.message : 'The list could not be loaded.'}
        </p>
      )}
    </>
  );
}
