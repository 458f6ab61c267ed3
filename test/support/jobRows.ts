import { job } from '../../src/main/db/schema';
import type { Db } from '../../src/main/db/client';
import type { JobKind, JobStatus } from '../../src/shared/domain/jobs';

/** A finished job row as the runner leaves it, for tests and benchmarks about records (not about running jobs). */
export function insertJobRow(
  db: Db,
  row: {
    id: string;
    userId: string;
    createdAt: number;
    kind?: JobKind;
    status?: JobStatus;
    model?: string;
    prompt?: string;
    units?: number;
    estimatedCostMicros?: number | null;
    actualCostMicros?: number | null;
  },
): void {
  db.insert(job)
    .values({
      id: row.id,
      userId: row.userId,
      kind: row.kind ?? 'image',
      provider: 'gemini-image',
      model: row.model ?? 'gemini-nano-banana-2.1',
      status: row.status ?? 'succeeded',
      prompt: row.prompt ?? `Prompt ${row.id}`,
      params: {},
      inputIds: [],
      units: row.units ?? 1,
      workstationHost: 'lab-pc-07',
      workstationUser: 'student',
      workstationIp: '10.0.0.7',
      createdAt: row.createdAt,
      updatedAt: row.createdAt,
      finishedAt: row.createdAt + 1000,
      estimatedCostMicros: row.estimatedCostMicros ?? null,
      actualCostMicros: row.actualCostMicros ?? null,
    })
    .run();
}
