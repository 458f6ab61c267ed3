import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { Actor } from '../../identity';
import { deleteUser, type UserAdminDeps } from './userAdmin';

export interface AccountDeletionDeps extends UserAdminDeps {
  jobs: { unfinished(): { id: string; userId: string }[] };
  jobRunner: { abandon(jobIds: string[]): void };
  media: { removeFiles(files: { relPath: string; thumbRelPath: string | null }[]): Promise<unknown> };
}

/**
 * `users.delete` end to end: the account's rows go in one transaction (`deleteUser`), then its
 * running pipelines stop without writing anything back, then its files leave the disk. Files go
 * last because a crash between the commit and the removal is finished by the start-up sweep,
 * while a file removed before a rolled-back commit would be lost for good (docs/accounts.md).
 */
export async function deleteAccount(
  deps: AccountDeletionDeps,
  actor: Actor,
  input: ParsedInput<'users.delete'>,
): Promise<RouteOutput<'users.delete'>> {
  const live = deps.jobs
    .unfinished()
    .filter((j) => j.userId === input.userId)
    .map((j) => j.id);
  const { filesToRemove, ...result } = deleteUser(deps, actor, input);
  // their rows are gone with the account: stop the pipelines without writing anything back
  deps.jobRunner.abandon(live);
  await deps.media.removeFiles(filesToRemove.map((relPath) => ({ relPath, thumbRelPath: null })));
  return result;
}
