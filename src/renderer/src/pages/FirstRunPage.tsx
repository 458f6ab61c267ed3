import type { RouteOutput } from '../../../shared/contract/types';
import { useEffect } from 'react';
import { WorkstationCard } from '../components/WorkstationCard';
import { documentTitle } from '../navigation';
import { FirstAdminForm } from '../features/auth/FirstAdminForm';

export function FirstRunPage({ status }: { status: RouteOutput<'app.status'> }) {
  useEffect(() => {
    document.title = documentTitle('Create the first admin');
  }, []);
  return (
    <main className="centered">
      <section className="card" aria-labelledby="first-run-title">
        <h1 id="first-run-title">Create the first admin</h1>
        <p>No account exists on this workstation yet. The first account created here manages all others.</p>
        <WorkstationCard workstation={status.workstation} />
        <FirstAdminForm />
        <p className="muted">Gemini Media Studio {status.version}</p>
      </section>
    </main>
  );
}
