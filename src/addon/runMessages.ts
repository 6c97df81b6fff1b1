import { UserError, userMessage } from '../core/errors';
import { t, type Language } from '../i18n';
import type { RunJournal } from '../report/runJournal';

/**
 * What a failed run tells the user: the reason, then what state the workbook is in, from the run
 * journal. "Your sheets were not changed" is said only when no sheet a user can see changed.
 */

/** The message for any error that ends a run, in the user's language. */
export function failureMessage(e: unknown, run: RunJournal, language: Language): string {
  if (e instanceof UserError) {
    const text = userMessage(e, language);
    // Bad input found by a run that was to write the sheets (a sheet gone bad since the last refresh):
    // the user's question is whether the summary they had is still there, so say it is.
    if (run.untouched) return run.wroteOrMeantTo ? `${text} ${t(language, 'server.sheetsUnchanged')}` : text;
    return `${text} ${workbookState(run, language)}`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `${t(language, 'server.unexpected', { detail })} ${workbookState(run, language)}`;
}

/** One or more sentences on what the run left behind. */
export function workbookState(run: RunJournal, language: Language): string {
  const changes = run.changes();
  const visible = run.leftovers().filter((l) => !l.hidden);
  if (changes.length === 0 && visible.length === 0) return t(language, 'server.sheetsUnchanged');
  const parts: string[] = [];
  for (const c of changes) {
    const key = c.state === 'complete' ? 'server.sheetUpdated' : c.state === 'namesPending' ? 'server.sheetNamesPending' : 'server.sheetPartial';
    parts.push(t(language, key, { sheet: c.name }));
  }
  for (const l of visible) parts.push(t(language, 'server.stagingLeft', { sheet: l.name }));
  const repairs = changes.some((c) => c.state !== 'complete') || visible.length > 0;
  parts.push(t(language, repairs ? 'server.nextRunRepairs' : 'server.otherSheetsUnchanged'));
  return parts.join(' ');
}
