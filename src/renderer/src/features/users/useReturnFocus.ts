import { useEffect, useState } from 'react';

/**
 * Gives focus back to whatever had it when a dialog opened (the button that opened it) once the
 * dialog is gone. Deferred a tick: until the <dialog> has closed, the rest of the page is inert and
 * cannot take focus.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      setTimeout(() => {
        if (opener?.isConnected) opener.focus();
      }, 0);
    },
    [opener],
  );
}
