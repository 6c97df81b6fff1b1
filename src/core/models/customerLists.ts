// The at-risk and lapsed lists of a scored log, row by row, as both the "Customer value" sheet and
// =CLV(…, "at risk" | "lapsed") show them: the selection (atRisk.ts) with gross or net values, and per row the
// numbers an analyst builds on plus "last purchase 94 days ago; usually every 31 days".
import { selectAtRisk, type AtRiskLists, type AtRiskOptions, type ListedCustomer } from './atRisk';
import type { CostColumns } from './costToServe';
import { ifActive, type IfActive } from './ifActive';
import { describeRecency, recencyOf } from './recency';
import type { CustomerValueResult } from './scoreCustomers';
import type { MessageKey } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';

/** Column headers of the lists (catalogue keys, in the order =CLV spills them). */
export const LIST_HEADERS = [
  'cv.col.customer',
  'cv.col.alive',
  'cv.col.pastValue',
  'cv.col.expectedLoss',
  'cv.col.clv',
  'cv.col.clvIfActive',
  'cv.col.purchases',
  'cv.col.lastPurchase',
  'cv.col.daysSince',
  'cv.col.usualGap',
  'cv.col.vsUsual',
] as const satisfies readonly MessageKey[];

/** With a cost to serve the value columns are net of it, and the gross ones follow. */
export const NET_LIST_HEADERS = {
  expectedLoss: 'cv.col.netLoss',
  netIfActive: 'cv.col.netIfActive',
  costIfActive: 'cv.col.costIfActive',
} as const satisfies Record<string, MessageKey>;

export interface ListRow {
  index: number;
  probabilityAlive: number;
  pastValue: number;
  /** (1 − P(alive)) × net value if still active (gross without costs). */
  expectedLoss: number;
  clv: number;
  clvIfActive: number;
  /** Cost to serve over the horizon had the customer certainly not left; NaN without costs. */
  costIfActive: number;
  /** clvIfActive − costIfActive (clvIfActive without costs). */
  netIfActive: number;
  purchases: number;
  lastPurchaseDay: number;
  daysSinceLast: number;
  /** NaN with a single purchase day. */
  usualGapDays: number;
  /** "last purchase 94 days ago; usually every 31 days", or null without a purchase. */
  recency: AnyMessage | null;
}

export interface CustomerLists {
  lists: AtRiskLists;
  active: IfActive;
  atRisk: ListRow[];
  lapsed: ListRow[];
}

/**
 * Both lists for the given thresholds. With `costs`, customers are ranked by the expected loss of net value
 * (CLV if still active − cost to serve if still active, times 1 − P(alive)); without, by the gross one.
 * `active` may be the one the costs were computed with, so its cache is shared.
 */
export function customerLists(
  result: CustomerValueResult,
  options: AtRiskOptions,
  costs: CostColumns | null = null,
  active: IfActive = ifActive(result),
): CustomerLists {
  const c = result.customers;
  const netIfActive = (i: number) => active.clv(i) - (costs ? costs.costIfActive[i] : 0);
  const lists = selectAtRisk(c, netIfActive, options);
  const row = (listed: ListedCustomer): ListRow => {
    const i = listed.index;
    const recency = recencyOf(result.rfm, i);
    return {
      index: i,
      probabilityAlive: c.probabilityAlive[i],
      pastValue: c.pastValue[i],
      expectedLoss: listed.expectedLoss,
      clv: c.clv[i],
      clvIfActive: active.clv(i),
      costIfActive: costs ? costs.costIfActive[i] : NaN,
      netIfActive: listed.valueIfActive,
      purchases: c.purchases[i],
      lastPurchaseDay: c.lastPurchaseDay[i],
      daysSinceLast: recency.daysSinceLast,
      usualGapDays: recency.usualGapDays,
      recency: describeRecency(recency),
    };
  };
  return { lists, active, atRisk: lists.atRisk.map(row), lapsed: lists.lapsed.map(row) };
}
