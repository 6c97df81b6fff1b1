import { UserError } from '../core/errors';

/** How long a run waits for someone else's run on the same spreadsheet before giving up. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `task` under the document lock, so two people writing the add-on's sheets at once cannot
 * interleave their writes. When the lock is busy nothing runs and `busyMessage` is the UserError.
 */
export function withDocumentLock<T>(busyMessage: string, task: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(busyMessage);
  try {
    return task();
  } finally {
    lock.releaseLock();
  }
}
