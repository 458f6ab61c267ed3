import { isStudioError } from '../../../../shared/contract/errors';

/** A failed request's message, announced to screen readers; StudioError messages are fit to show. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = isStudioError(error) ? error.message : 'Unexpected problem. Try again.';
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
