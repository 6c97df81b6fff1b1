import { describeValue, type CellValue } from '../core/cells';
import type { TransactionLog } from '../core/cohorts';
import { AMOUNT_BAD, AMOUNT_ERROR, readAmount } from '../core/cohorts/cellColumns';
import { UserError } from '../core/errors';
import { numberLocale } from '../core/numbers';

// User-facing wording, together so that moving it into the message catalogue is mechanical.
const TEXT = {
  notNumbers: (column: string, rows: string, more: number) =>
    `The costs in ${column} must be numbers (the cost of each row, blank for none): ${rows}${more > 0 ? ` and ${more} more` : ''}. Fix them or choose no cost column.`,
  sameAsRole: (column: string) => `The cost column cannot be ${column}: it is already chosen as another column of the log. Choose a column that holds only costs.`,
};

/** Most bad cells a message names. */
const NAMED = 3;

/**
 * The cost of each parsed row of the log (row k of the result belongs to row k of `log`), read in the
 * spreadsheet's number locale: NaN where the cell is blank (no cost, counted as 0 and said so).
 * @param cells the cost column below the header; cells[i] is sheet row firstRow + i.
 * @throws UserError naming the first rows whose cost is not a number.
 */
export function readCostColumn(cells: readonly unknown[], log: TransactionLog, firstRow: number, columnName: string, locale: string): Float64Array {
  const format = numberLocale(locale);
  const costs = new Float64Array(log.rows);
  const bad: string[] = [];
  let badCount = 0;
  for (let k = 0; k < log.rows; k++) {
    const row = log.rowNumber[k];
    const value = cells[row - firstRow];
    const cost = readAmount(value, format);
    if (cost === AMOUNT_BAD || cost === AMOUNT_ERROR) {
      if (bad.length < NAMED) bad.push(`row ${row} is ${describeValue(value as CellValue)}`);
      badCount++;
      continue;
    }
    costs[k] = cost;
  }
  if (badCount > 0) throw new UserError(TEXT.notNumbers(columnName, bad.join(', '), badCount - bad.length));
  return costs;
}

/** @throws UserError when the cost column is one the log already uses for something else. */
export function checkCostColumn(column: number, roles: readonly number[], columnName: string): void {
  if (roles.includes(column)) throw new UserError(TEXT.sameAsRole(columnName));
}
