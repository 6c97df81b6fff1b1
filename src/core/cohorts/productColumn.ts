import type { NumberLocale } from '../numbers';
import { AMOUNT_BAD, AMOUNT_ERROR, readAmount } from './cellColumns';

/**
 * The amount column of a log that has a quantity and a unit price per row but no amount:
 * amount = quantity × unit price. A row with either cell blank has no amount (it still counts as
 * activity); a row where either cell is an error or not a number carries that cell on, so the log
 * parser skips it as `error value` or `bad amount` and quotes the offending value. A negative
 * quantity (a return) gives a negative amount: a refund.
 */
export function productColumn(quantities: readonly unknown[], unitPrices: readonly unknown[], locale: NumberLocale): unknown[] {
  const n = Math.max(quantities.length, unitPrices.length);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const q = quantities[i];
    const p = unitPrices[i];
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
