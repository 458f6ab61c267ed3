import { useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import type { UserSummary } from '../../../../shared/contract/routes/users';
import { call } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { queryClient } from '../../queries/queryClient';
import type { ConfirmAction } from './confirmText';
import type { IssuedCode } from './issuedCode';

/**
 * Runs one confirmed action over one account or a selection, one account at a time, and reports
 * each failure by email (a refusal for one account — the last admin, someone no longer managed —
 * does not stop the rest).
 */
export function useBatchActions(onCodes: (codes: IssuedCode[]) => void) {
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  async function run(action: ConfirmAction, users: Pick<UserSummary, 'id' | 'email' | 'isSelf'>[]): Promise<void> {
    setRunning(true);
    setFailures([]);
    const codes: IssuedCode[] = [];
    const failed: string[] = [];
    for (const user of users.filter((u) => !u.isSelf)) {
      try {
        if (action === 'reset') {
          const r = await call('users.reset_password', { userId: user.id });
          codes.push({ email: r.email, code: r.code, expiresAt: r.expiresAt });
        } else if (action === 'demote') {
          await call('users.update', { userId: user.id, role: 'user' });
        } else {
          await call('users.update', { userId: user.id, isActive: action === 'reactivate' });
        }
      } catch (error) {
        failed.push(`${user.email}: ${isStudioError(error) ? error.message : 'unexpected problem'}`);
      }
    }
    setFailures(failed);
    setRunning(false);
    if (codes.length) onCodes(codes);
    await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.users }), queryClient.invalidateQueries({ queryKey: queryKeys.audit })]);
  }

  return { run, running, failures };
}
