import type { TransactionLog } from '../core/cohorts';
import { byPastValue } from '../core/models/atRisk';
import { customerLists, type AtRiskOptions, type CostColumns, type CustomerValueResult, type IfActive, type ListRow, type TopShare } from '../core/models';

/**
 * What the "Customer value" sheet shows, selected and summed (pure, apart from the layout so it can be read
 * and tested on its own): totals, the top customers by CLV, the at-risk and lapsed lists (customerLists in
 * src/core/models), and CLV by segment — gross, and with a cost to serve also cost and net value.
 */

/** Rows of the top-customers table. */
export const TOP_CUSTOMERS = 100;
/** Each list is cut here (with a line saying how many more there are), so the sheet stays usable. */
export const MAX_LIST_ROWS = 5000;

export interface SegmentValue {
  name: string;
  /** Customers of the segment with a purchase on or before the observation end. */
  customers: number;
  /** Gross CLV (sum). */
  clvSum: number;
  clvMean: number;
  pastValueSum: number;
  /** clvSum ÷ the CLV of all customers. */
  clvShare: number;
  /** Expected cost to serve over the horizon (sum); NaN without costs. */
  costSum: number;
  /** clvSum − costSum; NaN without costs. */
  netSum: number;
  netMean: number;
}

export interface ValueTables {
  /** Customers with a purchase on or before the observation end. */
  scored: number;
  /** Sum of the CLVs that are numbers (all of them unless the spend model has no finite mean). */
  totalClv: number;
  totalPastValue: number;
  /** Sum of the expected costs to serve; NaN without costs. */
  totalCost: number;
  /** Customer indexes, highest CLV first (at most TOP_CUSTOMERS). */
  top: number[];
  /** The top share by past value the lists look at. */
  topShare: TopShare;
  /** Every at-risk customer, largest expected loss (of net value, with costs) first. */
  atRisk: ListRow[];
  /** Every lapsed top customer (P(alive) below the floor), largest past value first. */
  lapsed: ListRow[];
  /** Per segment, largest CLV first; null without a segment column. */
  segments: SegmentValue[] | null;
  /** True when a cost to serve was given: values are then also shown net of it. */
  hasCosts: boolean;
  /**
   * The lists' lengths when `atRisk` and `lapsed` hold only their first rows (an SQL engine brings back no
   * more than the sheet shows, valueQuery.ts); otherwise their lengths.
   */
  atRiskCount?: number;
  lapsedCount?: number;
  /** At-risk customers whose net value if still active is negative (serving them costs more than they bring); 0 without costs. */
  atRiskNegative: number;
}

export type ValueOptions = AtRiskOptions;

/** Segment index of each customer: the segment on their earliest purchase row (first in sheet order on that day). */
export function customerSegments(log: TransactionLog): Int32Array | null {
  if (!log.segment) return null;
  const customers = log.customerIds.length;
  const first = new Int32Array(customers).fill(0x7fffffff);
  const segment = new Int32Array(customers).fill(-1);
  for (let k = 0; k < log.rows; k++) {
    const c = log.customer[k];
    if (log.amount && log.amount[k] < 0) continue; // a refund is not a purchase: the segment is the first purchase's
    if (log.day[k] < first[c]) {
      first[c] = log.day[k];
      segment[c] = log.segment[k];
    }
  }
  return segment;
}

export function customerValueTables(
  result: CustomerValueResult,
  options: ValueOptions,
  segmentOf: Int32Array | null,
  segmentNames: readonly string[] | null,
  costs: CostColumns | null = null,
  active?: IfActive,
): ValueTables {
  const c = result.customers;
  const n = c.purchases.length;
  const scoredIndexes: number[] = [];
  let totalClv = 0;
  let totalPastValue = 0;
  let totalCost = 0;
  for (let i = 0; i < n; i++) {
    if (c.purchases[i] <= 0) continue;
    scoredIndexes.push(i);
    if (Number.isFinite(c.clv[i])) totalClv += c.clv[i];
    if (costs && Number.isFinite(c.clv[i])) totalCost += costs.cost[i];
    totalPastValue += c.pastValue[i];
  }
  const scored = scoredIndexes.length;

  const top = scoredIndexes.filter((i) => Number.isFinite(c.clv[i]));
  top.sort((x, y) => c.clv[y] - c.clv[x] || byPastValue(c.pastValue[x], c.pastValue[y]) || x - y);
  top.length = Math.min(top.length, TOP_CUSTOMERS);

  const { lists, atRisk, lapsed } = customerLists(result, options, costs, active);

  let segments: SegmentValue[] | null = null;
  if (segmentOf && segmentNames) {
    const count = new Float64Array(segmentNames.length);
    const clv = new Float64Array(segmentNames.length);
    const past = new Float64Array(segmentNames.length);
    const cost = new Float64Array(segmentNames.length);
    for (const i of scoredIndexes) {
      const s = segmentOf[i];
      count[s]++;
      if (Number.isFinite(c.clv[i])) {
        clv[s] += c.clv[i];
        if (costs) cost[s] += costs.cost[i];
      }
      past[s] += c.pastValue[i];
    }
    segments = segmentNames
      .map((name, s) => ({
        name,
        customers: count[s],
        clvSum: clv[s],
        clvMean: count[s] ? clv[s] / count[s] : NaN,
        pastValueSum: past[s],
        clvShare: totalClv ? clv[s] / totalClv : NaN,
        costSum: costs ? cost[s] : NaN,
        netSum: costs ? clv[s] - cost[s] : NaN,
        netMean: costs && count[s] ? (clv[s] - cost[s]) / count[s] : NaN,
      }))
      .filter((s) => s.customers > 0)
      // With costs, where retention spend pays: largest net value first.
      .sort((x, y) => (costs ? y.netSum - x.netSum : 0) || y.clvSum - x.clvSum || x.name.localeCompare(y.name));
  }
  return {
    scored,
    totalClv,
    totalPastValue,
    totalCost: costs ? totalCost : NaN,
    top,
    topShare: lists.topShare,
    atRisk,
    lapsed,
    segments,
    hasCosts: costs !== null,
    atRiskNegative: costs ? atRisk.filter((r) => r.netIfActive < 0).length : 0,
  };
}

