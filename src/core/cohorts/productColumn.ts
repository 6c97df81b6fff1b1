import type { CellColumn } from '../cells';
import type { NumberLocale } from '../numbers';
import { AMOUNT_BAD, AMOUNT_ERROR, readAmount } from './cellColumns';

/**
 * The amount column of a log that has a quantity and a unit price per row but no amount:
 * amount = quantity × unit price. A row with either cell blank has no amount (it still counts as
 * activity); a row where either cell is an error or not a number carries that cell on, so the log
 * parser skips it as `error value` or `bad amount` and quotes the offending value. A negative
 * quantity (a return) gives a negative amount: a refund.
 */
export function productColumn(quantities: CellColumn, unitPrices: CellColumn, locale: NumberLocale): unknown[] {
  const qAt = cellReader(quantities);
  const pAt = cellReader(unitPrices);
  const n = Math.max(lengthOf(quantities), lengthOf(unitPrices));
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const q = qAt(i);
    const p = pAt(i);
    const a = readAmount(q, locale);
    const b = readAmount(p, locale);
    if (a === AMOUNT_ERROR) out[i] = q;
    else if (b === AMOUNT_ERROR) out[i] = p;
    else if (a === AMOUNT_BAD) out[i] = q;
    else if (b === AMOUNT_BAD) out[i] = p;
    else if (a !== a || b !== b) out[i] = ''; // a blank factor: no amount
    else out[i] = a * b;
  }
  return out;
}

const isList = (c: CellColumn): c is readonly unknown[] => Array.isArray(c);
const lengthOf = (c: CellColumn): number => (isList(c) ? c.length : c.rows.length);
function cellReader(c: CellColumn): (i: number) => unknown {
  if (isList(c)) return (i) => c[i];
  return (i) => c.rows[i]?.[c.index];
}
