import { UserError } from '../core/errors';
import type { AnyMessage } from '../i18n';
import { currentRun } from '../report/runJournal';

/** How long a run waits for someone else's run on the same spreadsheet before giving up. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `task` under the document lock, so two people writing the add-on's sheets at once cannot
 * interleave their writes. When the lock is busy nothing runs and `busyMessage` is the UserError.
 */
export function withDocumentLock<T>(busyMessage: AnyMessage, task: () => T): T {
  // Every run that writes the add-on's sheets comes through here: its failure messages say what state they are in.
  currentRun().beginWrites();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(busyMessage);
  try {
    return task();
  } finally {
    // As developers.google.com/apps-script/reference/lock/lock#releaseLock() asks of spreadsheet
    // scripts: flush pending changes before releasing, so the next run sees them. Neither may turn a
    // finished run into a failure, nor hide the error of a failed one: "the lock is automatically
    // released when the script terminates".
    quietly('flush the spreadsheet', () => SpreadsheetApp.flush()); // i18n-exempt: a log line for developers
    quietly('release the document lock', () => lock.releaseLock()); // i18n-exempt: a log line for developers
  }
}

function quietly(what: string, step: () => void): void {
  try {
    step();
  } catch (e) {
    console.warn(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
  }
}
