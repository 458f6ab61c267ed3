import { Modal } from '../../components/Modal';
import type { IssuedCode } from './issuedCode';
import { SetupCodeList } from './SetupCodeList';
import { useDiscardGuard } from './useDiscardGuard';
import { useReturnFocus } from './useReturnFocus';

/** The codes a reset issued; closing with codes not yet copied or printed asks first. */
export function SetupCodesDialog({ codes, onClose }: { codes: IssuedCode[]; onClose: () => void }) {
  useReturnFocus();
  const { onKept, requestClose, guard } = useDiscardGuard(codes, onClose);
  // the guard is a sibling, not a child: a cancel (Escape) inside it must not reach this dialog's onCancel through React's tree
  return (
    <>
      <Modal title={codes.length === 1 ? 'New setup code' : 'New setup codes'} onClose={() => requestClose()} wide>
        <SetupCodeList codes={codes} onKept={onKept} />
        <div className="form-actions">
          <button type="button" onClick={() => requestClose()}>
            Done
          </button>
        </div>
      </Modal>
      {guard}
    </>
  );
}
