import { ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS, type AccountStatus, type Role } from '../../../../shared/domain/accounts';

export interface UserFilterValues {
  query: string;
  status: AccountStatus | '';
  role: Role | '';
}

/** Search by email, status and role; main applies them within the admin's scope. */
export function UserFilters({ value, onChange }: { value: UserFilterValues; onChange: (next: UserFilterValues) => void }) {
  return (
    <div className="filters" role="search" aria-label="Filter users">
      <label htmlFor="users-search">Search by email</label>
      <input id="users-search" type="search" value={value.query} onChange={(e) => onChange({ ...value, query: e.target.value })} />
      <label htmlFor="users-status">Status</label>
      <select id="users-status" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value as AccountStatus | '' })}>
        <option value="">Any status</option>
        {ACCOUNT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACCOUNT_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor="users-role">Role</label>
      <select id="users-role" value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role | '' })}>
        <option value="">Any role</option>
        <option value="user">User</option>
        <option value="admin">Admin</option>
      </select>
    </div>
  );
}
