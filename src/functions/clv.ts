import { UserError } from '../core/errors';
import { formulaClv } from '../core/rates';
import { isBlank, toGrid, type CellValue } from '../core/cells';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, elementwise } from './args';
import { msg } from '../i18n/catalogue';
import { isPredictiveCall, predictiveClv } from './predictiveClv';

/**
 * =CLV(value_per_period, churn_rate, [discount_rate]): value × (1 + d) / (d + churn), the present
 * value of a customer paying at the start of each period and leaving with probability churn after it.
 */
export function clv(env: SheetEnv, args: CellValue[]): unknown {
  return isPredictiveCall(args, env) ? predictiveClv(env, args) : clvFormula(env, args);
}

export function clvFormula(env: SheetEnv, args: CellValue[]): number | '' | (number | '')[][] {
  const reader = new ArgReader('CLV', env);
  if (args.length < 2 || args.length > 3) {
    throw new UserError(msg('fn.clvArity', { count: args.length }));
  }
  try {
    return clvRates(reader, args);
  } catch (e) {
    // Three ranges of several rows may be a predictive call whose dates did not read as dates.
    if (e instanceof UserError && args.length === 3 && Array.isArray(args[1]) && toGrid(args[1]).length > 1) {
      throw new UserError(msg('fn.clvPredictiveHint', { problem: e.text ?? e.message }));
    }
    throw e;
  }
}

function clvRates(reader: ArgReader, args: CellValue[]): number | '' | (number | '')[][] {
  return elementwise('CLV', [
    { name: 'value_per_period', value: args[0] },
    { name: 'churn_rate', value: args[1] },
    { name: 'discount_rate', value: args.length > 2 ? args[2] : '', optional: true },
  ], ([value, churnCell, discountCell]) => {
    const v = reader.number(value, msg('fn.expect.value'));
    const churn = reader.number(churnCell, msg('fn.expect.churn'));
    if (churn < 0 || churn > 1) reader.fail(churnCell, msg('fn.expect.churn'));
    const d = isBlank(discountCell.value) ? 0 : reader.number(discountCell, msg('fn.expect.discount'));
    // Above 1 (100 % a period) is almost surely a percentage typed as a number: 10 for 10 %.
    if (d < 0 || d > 1) reader.fail(discountCell, msg('fn.expect.discount'));
    if (churn + d === 0) throw new UserError(msg('fn.clvNeverLeaves', { at: reader.at(churnCell) }));
    return formulaClv(v, churn, d);
  });
}
