import { skippedRowsMessage, type SkippedRows } from '../core/cohorts';
import { renderValue, type Language } from '../i18n';

/**
 * A formula cannot show a side message, and silently dropping rows would make its numbers look
 * complete: a header row left out, skipped rows and kept rows read in a way worth knowing (a cancel
 * date "NULL" read as none) are said in a note under the table. Rows that are entirely blank are
 * counted there too, but alone they need no note; nor do refunds, which a log of amounts often has.
 * Null when there is nothing to say. In the spreadsheet's language, as the spill's headers.
 */
export function skippedNoteText(skipped: SkippedRows, language: Language = 'en'): string | null {
  const notes = skipped.notes.filter((n) => n.reason !== 'negative amount');
  const onlyBlankRows = skipped.reasons.every((r) => r.reason === 'blank row');
  if (skipped.headerRow === null && onlyBlankRows && notes.length === 0) return null;
  const note = skippedRowsMessage({ ...skipped, notes });
  return note === null ? null : renderValue(note, language);
}

/** The grid with the note as one more row (text in its first cell), when there is one. */
export function withSkippedNote(grid: unknown[][], skipped: SkippedRows, language: Language = 'en'): unknown[][] {
  const note = skippedNoteText(skipped, language);
  if (note === null) return grid;
  const width = grid[0].length;
  return [...grid, [note, ...new Array<string>(width - 1).fill('')]];
}
