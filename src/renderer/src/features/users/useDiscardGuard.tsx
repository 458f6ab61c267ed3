import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import type { IssuedCode } from './issuedCode';

/**
 * Setup codes are shown once: closing with codes not yet copied or printed asks first (Close,
 * Escape or Done alike). `kept` follows what left the screen; `requestClose` closes (or does `then`)
 * at once when nothing would be lost.
 */
export function useDiscardGuard(codes: IssuedCode[], close: () => void) {
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  // what to do once the person agrees to discard (close, or go back to the form)
  const [asking, setAsking] = useState<null | (() => void)>(null);
  const unkept = codes.filter((c) => !kept.has(c.email));
  const onKept = (emails: string[]) => setKept((k) => new Set([...k, ...emails]));
  const requestClose = (then: () => void = close) => (unkept.length === 0 ? then() : setAsking(() => then));
  const guard = asking ? (
    <ConfirmDialog
      title="Discard the setup codes?"
      confirmLabel="Discard codes"
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setAsking(null);
        asking();
      }}
    >
      <p>
        {unkept.length === 1
          ? `The setup code for ${unkept[0]!.email} has not been copied or printed.`
          : `${unkept.length} setup codes have not been copied or printed: ${unkept.map((c) => c.email).join(', ')}.`}
      </p>
      <p>Codes are shown only this once. Afterwards only a password reset gives {unkept.length === 1 ? 'this person' : 'these people'} a new code.</p>
    </ConfirmDialog>
  ) : null;
  return { onKept, requestClose, guard };
}
