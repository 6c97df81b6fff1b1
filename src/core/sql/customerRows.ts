/**
 * The per-customer rows of customerQuery.ts → the very CustomerValueResult the sheet's "Customer
 * value" computes (src/core/models/scoreCustomers.ts), scored with the models fitted on the grouped
 * rows (rfmModel.ts). The lists (top customers, at risk, lapsed) and the values per segment are then
 * selected by the sheet's own code, so they can differ from a sheet's only if these inputs do.
 */
import { scoreFitted, type CustomerValueResult } from '../models/scoreCustomers';
import type { RfmSummary } from '../models/rfm';
import { DAYS_PER_UNIT } from '../models/timeUnits';
import { CUSTOMER_COLUMNS } from './resultColumns';
import type { SqlCustomerValueModel } from './rfmModel';

export interface CustomerRow {
  /** The id as the table holds it (text, or a number). */
  id: string | number;
  x: number;
  tx: number;
  age: number;
  spendCount: number;
  spendSum: number;
  pastValue: number;
  firstDay: number;
  lastDay: number;
  /** The segment of the customer's first purchase; null without a segment column. */
  segment: string | null;
  /** Σ cost of their rows to the end (a cost column; 0 without one). */
  costSum: number;
}

export function customerResultRows(values: readonly (readonly unknown[])[]): CustomerRow[] {
  const at = (name: (typeof CUSTOMER_COLUMNS)[number]) => CUSTOMER_COLUMNS.indexOf(name);
  const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
  return values.map((r) => {
    const id = r[at('id')];
    return {
      id: typeof id === 'number' || typeof id === 'bigint' ? Number(id) : String(id),
      x: num(r[at('x')]),
      tx: num(r[at('tx')]),
      age: num(r[at('age')]),
      spendCount: num(r[at('spend_count')]),
      spendSum: num(r[at('spend_sum')]),
      pastValue: num(r[at('past_value')]),
      firstDay: num(r[at('first_day')]),
      lastDay: num(r[at('last_day')]),
      segment: r[at('segment')] === null || r[at('segment')] === undefined ? null : String(r[at('segment')]),
      costSum: num(r[at('cost_sum')] ?? 0) || 0,
    };
  });
}

export interface SqlCustomerValue {
  result: CustomerValueResult;
  /** The customers' ids, indexed like the result's columns. */
  ids: (string | number)[];
  /** Each customer's segment index into segmentNames; null without a segment column. */
  segmentOf: Int32Array | null;
  segmentNames: string[] | null;
  /** Each customer's average cost per purchase day, Σ cost ÷ purchase days (averageCostPerPurchase's); 0 without a cost column. */
  costPerPurchase: Float64Array;
}

/**
 * Scores the customers (in the query's order, which is the sheet's: by first appearance) in weeks, as
 * the sheet's Customer value does. `rows` are every customer with a purchase on or before the end.
 */
export function customerValueFromRows(
  model: SqlCustomerValueModel,
  rows: readonly CustomerRow[],
  horizon: { horizonMonths: number; monthlyDiscountRate: number },
): SqlCustomerValue {
  const n = rows.length;
  const week = DAYS_PER_UNIT.weeks;
  const nan = () => new Float64Array(n).fill(NaN);
  const rfm: RfmSummary = {
    unit: 'weeks', endDay: model.endDay, customerCount: n, activeCustomers: n,
    transactionDays: new Int32Array(n), frequency: nan(), recency: nan(), age: nan(), firstDay: nan(), lastDay: nan(),
    monetary: nan(), spendCount: new Int32Array(n), pastValue: new Float64Array(n),
    leftOutOfSpend: model.leftOutOfSpend, refundOnlyDays: model.refundOnlyDays, rowsAfterEnd: model.rowsAfterEnd,
  };
  rows.forEach((r, i) => {
    rfm.transactionDays[i] = r.x + 1;
    rfm.frequency[i] = r.x;
    rfm.recency[i] = r.tx / week;
    rfm.age[i] = r.age / week;
    rfm.firstDay[i] = r.firstDay;
    rfm.lastDay[i] = r.lastDay;
    rfm.spendCount[i] = r.spendCount;
    rfm.monetary[i] = r.spendCount > 0 ? r.spendSum / r.spendCount : NaN;
    rfm.pastValue[i] = r.pastValue;
  });
  const result = scoreFitted(rfm, model.bgNbd, model.gammaGamma, { ...horizon, unit: 'weeks' });
  let segmentOf: Int32Array | null = null;
  let segmentNames: string[] | null = null;
  if (rows.some((r) => r.segment !== null)) {
    const index = new Map<string, number>();
    segmentNames = [];
    segmentOf = new Int32Array(n);
    rows.forEach((r, i) => {
      const name = r.segment ?? '';
      let s = index.get(name);
      if (s === undefined) {
        s = segmentNames!.length;
        index.set(name, s);
        segmentNames!.push(name);
      }
      segmentOf![i] = s;
    });
  }
  return { result, ids: rows.map((r) => r.id), segmentOf, segmentNames, costPerPurchase: Float64Array.from(rows, (r) => r.costSum / (r.x + 1)) };
}
