import type { WorkstationIdentity } from '../../../shared/domain/workstation';

/** Shows which workstation this is, as main read it from the OS. */
export function WorkstationCard({ workstation }: { workstation: WorkstationIdentity }) {
  return (
    <dl className="facts" aria-label="This workstation">
      <dt>Workstation</dt>
      <dd data-testid="workstation-host">{workstation.hostName}</dd>
      <dt>OS user</dt>
      <dd>{workstation.osUser}</dd>
      <dt>Address</dt>
      <dd>{workstation.ipv4 ?? 'offline'}</dd>
    </dl>
  );
}
