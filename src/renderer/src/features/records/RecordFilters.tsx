import { PersonPicker } from '../../components/PersonPicker';

/**
 * The filter controls the admin records (Audit log, Generation log) share: one person among those the
 * admin manages, found by typing part of their email (PersonPicker: any of thousands of accounts), and
 * a range of local dates whose ends cannot cross. Labels sit above their controls, as the records'
 * filter row (records.module.css) lays them out.
 */
export function PersonFilter({ label, value, onChange }: { label: string; value: string; onChange: (userId: string) => void }) {
  return <PersonPicker label={label} value={value} onChange={onChange} />;
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
