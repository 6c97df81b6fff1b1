/**
 * npm start's refusal of a file too large for a spreadsheet (the emulator's ImportTooLargeError), as a message in
 * the --locale's words: each count is a message of its own (start.count.*), so its noun agrees with that number
 * ("1 řádek", "3 řádky", "5 řádků"; "22 kolumny", "12 kolumn"), not with a `count` the sentence does not have.
 */
import { integer } from '../src/i18n';
import type { AnyMessage } from '../src/i18n/messages';
import { startMsg } from '../src/i18n/startMessages';

export interface TooLargeSize {
  rows: number;
  columns: number;
  existing: number;
  maxCells: number;
  maxColumns: number;
}

const cells = (n: number) => startMsg('start.count.cells', { count: integer(n) });
const columnCount = (n: number) => startMsg('start.count.columns', { count: integer(n) });

export function tooLargeMessage(file: string, { rows, columns, existing, maxCells, maxColumns }: TooLargeSize): AnyMessage {
  if (columns > maxColumns) return startMsg('start.tooManyColumns', { file, columns: columnCount(columns), limit: columnCount(maxColumns) });
  return startMsg('start.tooManyCells', {
    file,
    needs: cells(rows * columns),
    rows: startMsg('start.count.rows', { count: integer(rows) }),
    columns: columnCount(columns),
    existing: integer(existing),
    over: integer(existing + rows * columns - maxCells),
    limit: cells(maxCells),
  });
}
