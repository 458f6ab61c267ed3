import { formatBytes } from '../gallery/format';
import { useMediaStats } from '../../queries/media';
import styles from './LibraryTotals.module.css';

const ROWS = [
  { kind: 'image', label: 'Generated images' },
  { kind: 'video', label: 'Videos' },
  { kind: 'input', label: 'Imported images' },
] as const;

/** The person's own library in numbers (media.stats `own`): items and disk space by kind. */
export function LibraryTotals() {
  const stats = useMediaStats();
  if (stats.isPending) return <p className="muted">Counting…</p>;
  if (stats.isError) {
    return (
      <p className="form-error" role="alert">
        Your library totals could not be loaded.
      </p>
    );
  }
  const own = stats.data.own;
  return (
    <>
      <table className={`data-table ${styles.totals}`} data-testid="library-totals">
        <caption className="visually-hidden">Your library by kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Items</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{row.label}</th>
              <td>{own.byKind[row.kind].count}</td>
              <td>{formatBytes(own.byKind[row.kind].bytes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{own.count}</td>
            <td>{formatBytes(own.bytes)}</td>
          </tr>
        </tfoot>
      </table>
      {own.missing > 0 && (
        <p className="hint">
          {own.missing} item{own.missing === 1 ? '' : 's'} listed with a missing file (found at the last start-up check).
        </p>
      )}
    </>
  );
}
