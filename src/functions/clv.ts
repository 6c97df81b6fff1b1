import { UserError } from '../core/errors';
import { formulaClv } from '../core/rates';
import { isBlank, toGrid, type CellValue } from '../core/cells';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, elementwise } from './args';
import { isPredictiveCall, predictiveClv } from './predictiveClv';

/**
 * =CLV(value_per_period, churn_rate, [discount_rate]): value × (1 + d) / (d + churn), the present
 * value of a customer paying at the start of each period and leaving with probability churn after it.
 */
export function clv(env: SheetEnv, args: CellValue[]): unknown {
  return isPredictiveCall(args, env) ? predictiveClv(env, args) : clvFormula(env, args);
}

export function clvFormula(env: SheetEnv, args: CellValue[]): number | (number | '')[][] {
  const reader = new ArgReader('CLV', env);
  if (args.length < 2 || args.length > 3) {
    throw new UserError(`CLV takes 2 or 3 arguments (value_per_period, churn_rate, [discount_rate]); got ${args.length}`);
  }
  try {
    return clvRates(reader, args);
  } catch (e) {
    // Three ranges of several rows may be a predictive call whose dates did not read as dates.
    if (e instanceof UserError && args.length === 3 && Array.isArray(args[1]) && toGrid(args[1]).length > 1) {
      throw new UserError(`${e.message}. For the predictive form =CLV(customer_ids, dates, amounts, …), the second range must hold dates (date cells, or date text such as 2024-01-31)`);
    }
    throw e;
  }
}

function clvRates(reader: ArgReader, args: CellValue[]): number | (number | '')[][] {
  return elementwise('CLV', [
    { name: 'value_per_period', value: args[0] },
    { name: 'churn_rate', value: args[1] },
    { name: 'discount_rate', value: args.length > 2 ? args[2] : '', optional: true },
  ], ([value, churnCell, discountCell]) => {
    const v = reader.number(value, 'a number (the value a customer brings per period)');
    const churn = reader.number(churnCell, 'a rate between 0 and 1, such as 0.05 or 5%');
    if (churn < 0 || churn > 1) reader.fail(churnCell, 'a rate between 0 and 1, such as 0.05 or 5%');
    const d = isBlank(discountCell.value) ? 0 : reader.number(discountCell, 'a rate of 0 or more, such as 0.1 or 10%');
    if (d < 0) reader.fail(discountCell, 'a rate of 0 or more, such as 0.1 or 10%');
    if (churn + d === 0) {
      throw new UserError(
        `CLV: churn_rate is 0 and there is no discount_rate (${reader.at(churnCell)}); a customer who never leaves has no finite value`,
      );
    }
    return formulaClv(v, churn, d);
  });
}
