import type { UnitQuotaKind } from '../../../shared/domain/quotas';
import type { Db } from '../../db/client';
import type { QuotaPort } from '../jobs/ports';
import type { QuotaLedger } from './quotaLedger';
import { inTransaction, withWriteTx } from '../../db/tx';

/**
 * The ledger behind the job runner's `QuotaPort` (services/jobs/ports.ts). The runner calls it
 * inside its own immediate transactions (jobs + reservation; job succeeded + media + charge; job
 * failed + release) and, at start-up recovery, outside any; both work. `quota.changed` goes out
 * once the caller's synchronous transaction is over (a microtask later), so the status it carries
 * is what was committed.
 */
export function ledgerQuotaPort(ledger: QuotaLedger, db: Db): QuotaPort {
  const insideTransaction = () => inTransaction(db);
  const announceLater = (userId: string | null) => {
    if (userId) queueMicrotask(() => ledger.announceUser(userId));
  };
  return {
    reserve(request: { userId: string; kind: UnitQuotaKind; jobIds: string[]; costs?: (number | null)[]; estimates?: (number | null)[] }) {
      const { userId } = request;
      if (insideTransaction()) ledger.reserveJobsInCurrentTransaction(request);
      else withWriteTx(db, () => ledger.reserveJobsInCurrentTransaction(request));
      announceLater(userId);
    },
    commit(jobId: string) {
      if (!insideTransaction()) return void ledger.commit(jobId);
      const settlement = ledger.commitInCurrentTransaction(jobId);
      if (settlement.changed) announceLater(settlement.userId);
    },
    release(jobId: string) {
      if (!insideTransaction()) return void ledger.release(jobId);
      const settlement = ledger.releaseInCurrentTransaction(jobId);
      if (settlement.changed) announceLater(settlement.userId);
    },
    commitSpend(jobId: string, actualMicros: number) {
      announceLater(
        insideTransaction()
          ? ledger.commitSpendInCurrentTransaction(jobId, actualMicros)
          : withWriteTx(db, () => ledger.commitSpendInCurrentTransaction(jobId, actualMicros)),
      );
    },
    openReservationJobIds() {
      return [...new Set(ledger.openReservations().map((r) => r.jobId))];
    },
  };
}
