import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Modal } from './Modal';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Invite people
      </button>
      {open && (
        <Modal title="Invite people" onClose={() => setOpen(false)}>
          <label htmlFor="emails">Email addresses</label>
          <textarea id="emails" />
        </Modal>
      )}
    </>
  );
}

describe('a modal', () => {
  it('puts focus on its first field, not on Close, and gives it back to its opener when it goes', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Invite people' });
    await user.click(opener);
    expect(document.activeElement).toBe(screen.getByLabelText('Email addresses'));
    await user.click(screen.getByRole('button', { name: 'Close Invite people', hidden: true }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
