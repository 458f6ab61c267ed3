import type { RouteOutput } from '../../../shared/contract/types';
import { WorkstationCard } from '../components/WorkstationCard';

export function StatusPage({ status }: { status: RouteOutput<'app.status'> }) {
  return (
    <main className="centered">
      <section className="card" aria-labelledby="status-title">
        <h1 id="status-title">Gemini Media Studio</h1>
        <WorkstationCard workstation={status.workstation} />
        <p>{status.apiKeySet ? 'A Gemini API key is configured.' : 'No Gemini API key is configured yet.'}</p>
        <p className="muted">Version {status.version}</p>
      </section>
    </main>
  );
}
