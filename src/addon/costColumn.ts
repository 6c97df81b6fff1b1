import { valueMessage, type CellValue } from '../core/cells';
import type { TransactionLog } from '../core/cohorts';
import { AMOUNT_BAD, AMOUNT_ERROR, readAmount } from '../core/cohorts/cellColumns';
import { UserError } from '../core/errors';
import { numberLocale } from '../core/numbers';
import { msg, type AnyMessage, type Param } from '../i18n';
import { commaList, integer } from '../i18n/messages';

/** Most bad cells a message names. */
const NAMED = 3;

/**
 * The cost of each parsed row of the log (row k of the result belongs to row k of `log`), read in the
 * spreadsheet's number locale: NaN where the cell is blank (no cost, counted as 0 and said so).
 * @param cells the cost column below the header; cells[i] is sheet row firstRow + i.
 * @throws UserError naming the first rows whose cost is not a number.
 */
export function readCostColumn(cells: readonly unknown[], log: TransactionLog, firstRow: number, columnName: Param, locale: string): Float64Array {
  const format = numberLocale(locale);
  const costs = new Float64Array(log.rows);
  const bad: AnyMessage[] = [];
  let badCount = 0;
  for (let k = 0; k < log.rows; k++) {
    const row = log.rowNumber[k];
    const value = cells[row - firstRow];
    const cost = readAmount(value, format);
    if (cost === AMOUNT_BAD || cost === AMOUNT_ERROR) {
      if (bad.length < NAMED) bad.push(msg('server.costRowIs', { row: integer(row), value: valueMessage(value as CellValue) }));
      badCount++;
      continue;
    }
    costs[k] = cost;
  }
    const more = badCount - bad.length;
  if (more > 0) throw new UserError(msg('server.costNotNumbersMore', { column: columnName, rows: commaList(bad), count: integer(more) }));
  if (badCount > 0) throw new UserError(msg('server.costNotNumbers', { column: columnName, rows: commaList(bad) }));
  return costs;
}

/** @throws UserError when the cost column is one the log already uses for something else. */
export function checkCostColumn(column: number, roles: readonly number[], columnName: Param): void {
  if (roles.includes(column)) throw new UserError(msg('server.costSameAsRole', { column: columnName }));
}
