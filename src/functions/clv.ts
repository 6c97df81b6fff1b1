import { UserError } from '../core/errors';
import { formulaClv } from '../core/rates';
import { isBlank, type CellValue } from '../core/cells';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, at, elementwise } from './args';
import { isPredictiveCall, predictiveClv } from './predictiveClv';

/**
 * =CLV(value_per_period, churn_rate, [discount_rate]): value × (1 + d) / (d + churn), the present
 * value of a customer paying at the start of each period and leaving with probability churn after it.
 */
export function clv(env: SheetEnv, args: CellValue[]): unknown {
  return isPredictiveCall(args) ? predictiveClv(env, args) : clvFormula(env, args);
}

export function clvFormula(env: SheetEnv, args: CellValue[]): number | (number | '')[][] {
  const reader = new ArgReader('CLV', env);
  if (args.length < 2 || args.length > 3) {
    throw new UserError(`CLV takes 2 or 3 arguments (value_per_period, churn_rate, [discount_rate]); got ${args.length}`);
  }
  return elementwise('CLV', [
    { name: 'value_per_period', value: args[0] },
    { name: 'churn_rate', value: args[1] },
    { name: 'discount_rate', value: args.length > 2 ? args[2] : '', optional: true },
  ], ([value, churnCell, discountCell]) => {
    const v = reader.number(value, 'a number (the value a customer brings per period)');
    const churn = reader.number(churnCell, 'a rate between 0 and 1, such as 0.05 or 5%');
    if (churn < 0 || churn > 1) throw new UserError(`CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (${at(churnCell)})`);
    const d = isBlank(discountCell.value) ? 0 : reader.number(discountCell, 'a rate of 0 or more, such as 0.1 or 10%');
    if (d < 0) throw new UserError(`CLV: discount_rate must be a rate of 0 or more, such as 0.1 or 10% (${at(discountCell)})`);
    if (churn + d === 0) {
      throw new UserError(
        `CLV: churn_rate is 0 and there is no discount_rate (${at(churnCell)}); a customer who never leaves has no finite value`,
      );
    }
    return formulaClv(v, churn, d);
  });
}
