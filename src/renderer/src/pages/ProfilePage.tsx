import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import type { Me } from '../queries/auth';
import { formatDateTime } from '../components/format';

/** The signed-in person's own account. (The quotas work adds "your quotas" and recent work here.) */
export function ProfilePage({ me }: { me: Me }) {
  return (
    <section className="page" aria-labelledby="profile-title">
      <h1 id="profile-title">Profile</h1>
      <dl className="facts" aria-label="Your account">
        <dt>Email</dt>
        <dd data-testid="profile-email">{me.email}</dd>
        <dt>Role</dt>
        <dd>{me.role === 'admin' ? 'Admin' : 'User'}</dd>
        <dt>Account created</dt>
        <dd>{formatDateTime(me.createdAt)}</dd>
        <dt>Password changed</dt>
        <dd>{me.passwordChangedAt ? formatDateTime(me.passwordChangedAt) : '—'}</dd>
        <dt>Signed in at</dt>
        <dd>{formatDateTime(me.sessionStartedAt)}</dd>
        <dt>Session ends</dt>
        <dd>
          after {me.idleTimeoutMinutes} minutes without activity, and at {formatDateTime(me.sessionExpiresAt)} at the latest
        </dd>
      </dl>
      <div className="card inline-card">
        <ChangePasswordForm email={me.email} />
      </div>
    </section>
  );
}
