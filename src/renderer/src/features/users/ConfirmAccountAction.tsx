import { ConfirmDialog } from './ConfirmDialog';
import { type ConfirmAction, type ConfirmTarget, confirmationFor } from './confirmText';

/** The confirmation for a reset, (de)activation or demotion of one account or a selection. */
export function ConfirmAccountAction({
  action,
  users,
  onConfirm,
  onCancel,
}: {
  action: ConfirmAction;
  users: ConfirmTarget[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const c = confirmationFor(action, users);
  return (
    <ConfirmDialog title={c.title} confirmLabel={c.confirmLabel} onConfirm={onConfirm} onCancel={onCancel}>
      {c.people.length === 1 ? (
        <p>{c.people[0]!.consequence}</p>
      ) : (
        <>
          {c.summary && <p>{c.summary}</p>}
          <ul aria-label="Accounts affected">
            {c.people.map((p) => (
              <li key={p.id}>{p.consequence}</li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
