import type { UserListItem } from '../../../../shared/contract/routes/users';
import { ACCOUNT_STATUS_LABELS } from '../../../../shared/domain/accounts';
import type { QuotaPeriod } from '../../../../shared/domain/quotas';
import { formatDateTime } from '../../components/format';
import styles from './UsersTable.module.css';

const PER: Record<QuotaPeriod, string> = {
  daily: 'per day',
  weekly: 'per week',
  monthly: 'per month',
  total: 'in total',
  unlimited: 'no limit',
};

/** "3 / 50 per day": what the person used of one kind in its current period, against the limit. */
export function UsageCell({ usage }: { usage: UserListItem['usage']['image'] }) {
  const level = usage.limit === null ? 'ok' : usage.used >= usage.limit ? 'full' : usage.used >= usage.limit * 0.8 ? 'high' : 'ok';
  return (
    <span className={styles.usage} data-level={level}>
      <span className={styles.usageNumbers}>{usage.limit === null ? usage.used : `${usage.used} / ${usage.limit}`}</span>
      <span className={styles.sub}>{PER[usage.period]}</span>
    </span>
  );
}

/** The status in words, with what goes with it: signed in now, locked until, the setup code's expiry. */
export function StatusCell({ user, now }: { user: UserListItem; now: number }) {
  let detail: string | null = null;
  if (user.lockedUntil) detail = `until ${formatDateTime(user.lockedUntil)}`;
  else if (user.status === 'awaiting-setup')
    detail =
      user.setupCodeExpiresAt === null
        ? 'no setup code'
        : user.setupCodeExpiresAt <= now
          ? `code expired ${formatDateTime(user.setupCodeExpiresAt)}`
          : `code expires ${formatDateTime(user.setupCodeExpiresAt)}`;
  else if (user.signedInNow) detail = 'signed in now';
  return (
    <span className={styles.statusCell}>
      <span className={styles.status} data-status={user.status}>
        {ACCOUNT_STATUS_LABELS[user.status]}
      </span>
      {detail && <span className={styles.sub}>{detail}</span>}
    </span>
  );
}
