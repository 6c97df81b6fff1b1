import { UserError } from '../core/errors';
import { ArgReader, rowOfRange, type Cell } from './args';

/**
 * The count form shared by RETENTION and CHURN: start (S), end (E) and new (N) customers of one
 * period, checked so that no impossible combination yields a plausible-looking rate.
 */
export interface Counts {
  start: number;
  end: number;
  newCustomers: number;
}

export function readCount(reader: ArgReader, cell: Cell, positive: boolean): number {
  const expected = positive ? 'a number greater than 0' : 'a number of customers, 0 or more';
  const n = reader.number(cell, expected);
  if (positive ? !(n > 0) : n < 0) reader.fail(cell, expected);
  return n;
}

export function readCounts(reader: ArgReader, [start, end, fresh]: Cell[]): Counts {
  const counts = {
    start: readCount(reader, start, true),
    end: readCount(reader, end, false),
    newCustomers: readCount(reader, fresh, false),
  };
  const where = rowOf([start, end, fresh]);
  if (counts.end < counts.newCustomers) {
    throw new UserError(
      `${reader.fn}: end (${counts.end}) is smaller than new (${counts.newCustomers})${where}; the customers at the end include the new ones`,
    );
  }
  if (counts.end - counts.newCustomers > counts.start) {
    throw new UserError(
      `${reader.fn}: end − new (${counts.end - counts.newCustomers}) is more than start (${counts.start})${where}; ` +
        'only customers present at the start can be retained (count returning customers as new)',
    );
  }
  return counts;
}

/** " in row 3 of the range", for messages about a whole row, whichever argument is a range. */
export function rowOf(cells: Cell[]): string {
  const cell = cells.find((c) => c.row !== null);
  return cell === undefined || cell.row === null ? '' : ` in ${rowOfRange(cell.row, cell.col)}`;
}
