import { useUsers } from '../../queries/users';

/**
 * The filter controls the admin records (Audit log, Generation log) share: one person among those the
 * admin manages, and a range of local dates whose ends cannot cross. Labels wrap their controls, as
 * the records' filter row (records.module.css) lays them out.
 */
export function PersonFilter({ label, value, onChange }: { label: string; value: string; onChange: (userId: string) => void }) {
  const people = useUsers({ limit: 500 });
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Everyone I manage</option>
        {(people.data?.items ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.email}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DateRangeFilter({
  from,
  to,
  onFrom,
  onTo,
}: {
  from: string;
  to: string;
  onFrom: (date: string) => void;
  onTo: (date: string) => void;
}) {
  return (
    <>
      <label>
        From
        <input type="date" value={from} max={to || undefined} onChange={(e) => onFrom(e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={to} min={from || undefined} onChange={(e) => onTo(e.target.value)} />
      </label>
    </>
  );
}
