import { valueMessage } from '../cells';
import { cellAt, type NamedColumn } from './cellColumns';
import type { IdIndex } from './idIndex';
import type { RowTallies } from './skippedRows';

/**
 * Notes the kept rows whose id had whitespace around it (read without it: idIndex.ts), so a padded
 * export's "A1 " read as "A1" is said, not silent. Runs after the parse and only when the index met
 * such an id, so a clean column pays one comparison for the whole parse.
 */
export function notePaddedIds(ids: IdIndex, tallies: RowTallies, idCol: NamedColumn, rowNumbers: ArrayLike<number>, firstRowNumber: number, timeZone: string): void {
  if (ids.paddedLookups === 0) return;
  for (let k = 0; k < rowNumbers.length; k++) {
    const row = rowNumbers[k];
    const v = cellAt(idCol, row - firstRowNumber);
    if (typeof v === 'string' && v.trim().length !== v.length) tallies.note('padded id', idCol.name, row, valueMessage(v, timeZone));
  }
}
