import { UserError } from '../core/errors';
import { columnOf, isBlank, isDateValue, type CellValue } from '../core/cells';
import { numberLocale } from '../core/numbers';
import { parseTransactionLog, dateCell } from '../core/cohorts';
import {
  DEFAULT_HORIZON_MONTHS,
  DEFAULT_MONTHLY_DISCOUNT,
  MAX_SHEET_HORIZON_MONTHS,
  scoreParsedLog,
  type CustomerValueResult,
} from '../core/models';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader } from './args';

/**
 * =CLV(customer_ids, dates, amounts, [horizon_months], [monthly_discount_rate], [output]): the
 * predictive form (BG/NBD + Gamma-Gamma), told apart from =CLV(value, churn, [discount]) by a second
 * argument holding dates. The observation ends on the last date in the data.
 */

/** True when the second argument is a range whose first non-blank cell is a date. */
export function isPredictiveCall(args: CellValue[]): boolean {
  if (args.length < 3 || !Array.isArray(args[1])) return false;
  for (const row of args[1] as unknown[]) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (isBlank(v)) continue;
      return isDateValue(v);
    }
  }
  return false;
}

export function fitLog(env: SheetEnv, args: CellValue[]): { result: CustomerValueResult; ids: (string | number)[]; timeZone: string } {
  if (args.length > 6) {
    throw new UserError(`CLV takes (customer_ids, dates, amounts, [horizon_months], [monthly_discount_rate], [output]); got ${args.length} arguments`);
  }
  const reader = new ArgReader('CLV', env);
  const [ids, dates, amounts, horizonArg, rateArg] = args;
  const horizon = isBlank(horizonArg) ? DEFAULT_HORIZON_MONTHS : reader.number({ arg: 'horizon_months', row: null, col: null, value: horizonArg }, 'a number of months, such as 12');
  if (!(horizon > 0 && horizon <= MAX_SHEET_HORIZON_MONTHS) || !Number.isInteger(horizon)) {
    throw new UserError(`CLV: horizon_months must be a whole number of months from 1 to ${MAX_SHEET_HORIZON_MONTHS} (got ${String(horizonArg)})`);
  }
  const rate = isBlank(rateArg) ? DEFAULT_MONTHLY_DISCOUNT : reader.number({ arg: 'monthly_discount_rate', row: null, col: null, value: rateArg }, 'a monthly rate such as 0.01 or 1%');
  if (!(rate >= 0 && rate < 1)) throw new UserError(`CLV: monthly_discount_rate must be from 0 to 1, such as 0.01 or 1% (got ${String(rateArg)})`);
  const timeZone = env.timeZone();
  const log = parseTransactionLog(
    {
      customerIds: columnOf(ids, 'customer_ids', 'CLV'),
      dates: columnOf(dates, 'dates', 'CLV'),
      amounts: columnOf(amounts, 'amounts', 'CLV'),
      names: { customerIds: 'customer_ids', dates: 'dates', amounts: 'amounts' },
    },
    { timeZone, firstRowNumber: 1, numberLocale: numberLocale(env.locale()) },
  );
  const result = scoreParsedLog(log, { horizonMonths: horizon, monthlyDiscountRate: rate });
  return { result, ids: log.customerIds, timeZone };
}

export function predictiveClv(env: SheetEnv, args: CellValue[]): unknown[][] {
  const output = isBlank(args[5]) ? 'customers' : String(args[5]).trim().toLowerCase();
  if (output !== 'customers' && output !== 'model') {
    throw new UserError(`CLV: output must be "customers" or "model" (got "${String(args[5])}")`);
  }
  const { result, ids, timeZone } = fitLog(env, args);
  return output === 'model' ? modelRows(result, dateCell(timeZone)) : customerRows(result, ids);
}

function customerRows(r: CustomerValueResult, ids: (string | number)[]): unknown[][] {
  const c = r.customers;
  const horizon = r.summary.horizonMonths;
  const order = Array.from({ length: ids.length }, (_, i) => i).filter((i) => Number.isFinite(c.clv[i]));
  order.sort((x, y) => c.clv[y] - c.clv[x]);
  const grid: unknown[][] = [['Customer', 'Purchases', 'P(alive)', `Expected purchases, next ${horizon} months`, 'Expected average value', 'CLV']];
  for (const i of order) grid.push([ids[i], c.purchases[i], c.probabilityAlive[i], c.expectedPurchases[i], c.expectedAverageValue[i], c.clv[i]]);
  return grid;
}

function modelRows(r: CustomerValueResult, day: (d: number) => Date): unknown[][] {
  const s = r.summary;
  const rows: unknown[][] = [
    ['r', s.r],
    ['alpha', s.alpha],
    ['a', s.a],
    ['b', s.b],
    ['p', s.p],
    ['q', s.q],
    ['v', s.v],
    ['BG/NBD log-likelihood', s.bgNbdLogLikelihood],
    ['Gamma-Gamma log-likelihood', s.gammaGammaLogLikelihood],
    ['BG/NBD converged', s.bgNbdConverged],
    ['Gamma-Gamma converged', s.gammaGammaConverged],
    ['Time unit', s.unit],
    ['Customers', s.customers],
    ['Customers in the spend model', s.spendCustomers],
    ['Observation end', day(s.endDay)],
    ['Horizon (months)', s.horizonMonths],
    ['Monthly discount rate', s.monthlyDiscountRate],
    ['Spend–frequency correlation', s.spendFrequencyCorrelation],
  ];
  for (const note of s.notes) rows.push(['Note', note]);
  return rows;
}
