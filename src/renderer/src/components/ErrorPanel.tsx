import { isStudioError } from '../../../shared/contract/errors';

export function ErrorPanel({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const message = isStudioError(error) ? error.message : 'Unexpected problem. Try again.';
  return (
    <main className="centered">
      <section className="card" role="alert">
        <h1>{title}</h1>
        <p>{message}</p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </section>
    </main>
  );
}
