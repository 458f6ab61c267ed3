import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { LibraryTotals } from '../features/profile/LibraryTotals';
import { RecentWork } from '../features/profile/RecentWork';
import { ThemeChoice } from '../features/profile/ThemeChoice';
import { QuotaMeter } from '../features/quotas';
import type { Me } from '../queries/auth';
import { formatDateTime } from '../components/format';
import styles from './ProfilePage.module.css';

/** The signed-in person's own account, quotas, work and preferences (docs/renderer.md). */
export function ProfilePage({ me }: { me: Me }) {
  return (
    <section className="page" aria-labelledby="profile-title">
      <h1 id="profile-title">Profile</h1>
      <div className={styles.grid}>
        <section className={styles.section} aria-labelledby="profile-account">
          <h2 id="profile-account">Account</h2>
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
        </section>

        <section className={styles.section} aria-labelledby="profile-quotas">
          <h2 id="profile-quotas">Your quotas</h2>
          <QuotaMeter kind="image" withSpend={false} />
          <QuotaMeter kind="edit" withSpend={false} />
          <QuotaMeter kind="video" withSpend={false} />
          {/* what this person's work cost Google this period, against their budget if they have one */}
          <QuotaMeter kind="spend" />
        </section>

        <section className={`${styles.section} ${styles.wide}`} aria-labelledby="profile-recent">
          <h2 id="profile-recent">Recent work</h2>
          <RecentWork userId={me.userId} />
        </section>

        <section className={styles.section} aria-labelledby="profile-library">
          <h2 id="profile-library">Your library</h2>
          <LibraryTotals />
        </section>

        <section className={styles.section} aria-labelledby="profile-appearance">
          <h2 id="profile-appearance">Appearance</h2>
          <ThemeChoice />
        </section>

        <section className={styles.section} aria-label="Change password">
          <ChangePasswordForm email={me.email} />
        </section>
      </div>
    </section>
  );
}
