import { UserError } from '../core/errors';
import type { RunJournal } from '../report/runJournal';

/**
 * What a failed run tells the user: the reason, then what state the workbook is in, from the run
 * journal. "Your sheets were not changed" is said only when no sheet a user can see changed.
 */

export const SETTINGS_NOT_SAVED = 'The settings could not be saved for "Refresh summary" this time.';

/** The message for any error that ends a run. */
export function failureMessage(e: unknown, run: RunJournal): string {
  if (e instanceof UserError) return run.untouched ? e.message : `${e.message} ${workbookState(run)}`;
  const detail = e instanceof Error ? e.message : String(e);
  return `Something went wrong in the add-on (${detail}). ${workbookState(run)}`;
}

/** One or more sentences on what the run left behind. */
export function workbookState(run: RunJournal): string {
  const changes = run.changes();
  const visible = run.leftovers().filter((l) => !l.hidden);
  if (changes.length === 0 && visible.length === 0) return 'Your sheets were not changed.';
  const parts: string[] = [];
  for (const c of changes) {
    if (c.state === 'complete') parts.push(`"${c.name}" was updated completely before that.`);
    else if (c.state === 'namesPending') parts.push(`"${c.name}" was written, but some of its named ranges may not point at its tables yet.`);
    else parts.push(`"${c.name}" is only partly updated: its cells hold the new tables, but its formats, chart or named ranges may still be the previous ones.`);
  }
  for (const l of visible) parts.push(`A sheet "${l.name}" the add-on was building is left in the workbook.`);
  const repairs = changes.some((c) => c.state !== 'complete') || visible.length > 0;
  parts.push(repairs ? 'The next run repairs it; your other sheets were not changed.' : 'Your other sheets were not changed.');
  return parts.join(' ');
}
