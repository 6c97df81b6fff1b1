import { byPastValue } from '../core/models/atRisk';
import { checkAtRiskOptions, describeRecency, ifActive, recencyOf, type AtRiskOptions, type CostColumns, type CustomerValueResult, type IfActive, type ListRow } from '../core/models';
import type { GroupTotals, TopShareCut } from '../core/sql/narrowing';
import { MAX_LIST_ROWS, TOP_CUSTOMERS, type SegmentValue, type ValueTables } from './customerValueTables';

/**
 * What the "Customer value" sheet shows when an SQL engine brought back only the candidates
 * (src/core/sql/valueQuery.ts): totals, CLV by segment and the lists' lengths from the group rows, the top
 * customers and the lists' first rows from the candidates, selected and ordered exactly as
 * customerValueTables and customerLists do over every customer.
 *
 * `result` scores the candidates (in the sheet's customer order); `inTop` says which are in the top share.
 * With a cost to serve, `costs` are the candidates' (costToServe.ts, computed with `active`) and `totals` hold the
 * cost of every customer: the at-risk list ranks by the expected loss of net value and CLV by segment by net value,
 * as customerValueTables does. `negatives` are the at-risk members with a negative net value the query counted
 * (the rest are among the candidates), for the note under the list.
 */
export function sqlValueTables(
  result: CustomerValueResult,
  inTop: readonly boolean[],
  totals: GroupTotals,
  cut: TopShareCut,
  options: AtRiskOptions,
  limits: { topRows: number; listRows: number } = { topRows: TOP_CUSTOMERS, listRows: MAX_LIST_ROWS },
  costs: CostColumns | null = null,
  active: IfActive = ifActive(result),
  negatives: { counted: number; countedNegative: readonly boolean[] } = { counted: 0, countedNegative: [] },
): ValueTables {
  checkAtRiskOptions(options);
  const c = result.customers;
  const n = c.purchases.length;
  const finite = (v: number) => (Number.isFinite(v) ? v : -Infinity);

  const top: number[] = [];
  for (let i = 0; i < n; i++) if (c.purchases[i] > 0 && Number.isFinite(c.clv[i])) top.push(i);
  top.sort((x, y) => c.clv[y] - c.clv[x] || byPastValue(c.pastValue[x], c.pastValue[y]) || x - y);
  top.length = Math.min(top.length, limits.topRows);

  // atRisk.ts's selectAtRisk, with the top share the query decided over every customer.
  const atRisk: { index: number; value: number; loss: number }[] = [];
  const lapsed: { index: number; value: number; loss: number }[] = [];
  for (let i = 0; i < n; i++) {
    const alive = c.probabilityAlive[i];
    if (!(inTop[i] && c.purchases[i] > 0 && alive < options.aliveBelow)) continue;
    const value = active.clv(i) - (costs ? costs.costIfActive[i] : 0);
    (alive >= options.aliveFloor ? atRisk : lapsed).push({ index: i, value, loss: (1 - alive) * value });
  }
  const past = c.pastValue;
  atRisk.sort((x, y) => finite(y.loss) - finite(x.loss) || byPastValue(past[x.index], past[y.index]) || x.index - y.index);
  lapsed.sort((x, y) => byPastValue(past[x.index], past[y.index]) || finite(y.loss) - finite(x.loss) || x.index - y.index);
  const row = ({ index: i, value, loss }: { index: number; value: number; loss: number }): ListRow => {
    const recency = recencyOf(result.rfm, i);
    return {
      index: i, probabilityAlive: c.probabilityAlive[i], pastValue: c.pastValue[i], expectedLoss: loss, clv: c.clv[i], clvIfActive: active.clv(i),
      costIfActive: costs ? costs.costIfActive[i] : NaN, netIfActive: value, purchases: c.purchases[i], lastPurchaseDay: c.lastPurchaseDay[i],
      daysSinceLast: recency.daysSinceLast, usualGapDays: recency.usualGapDays, recency: describeRecency(recency),
    };
  };

  const segments: SegmentValue[] | null = totals.segments
    ? totals.segments
        .filter((s) => s.customers > 0)
        .map((s) => ({
          name: s.name, customers: s.customers, clvSum: s.clvSum, clvMean: s.clvSum / s.customers, pastValueSum: s.pastValueSum,
          clvShare: totals.totalClv ? s.clvSum / totals.totalClv : NaN,
          costSum: costs ? s.costSum : NaN, netSum: costs ? s.clvSum - s.costSum : NaN, netMean: costs ? (s.clvSum - s.costSum) / s.customers : NaN,
        }))
        // With costs, largest net value first (customerValueTables' order).
        .sort((x, y) => (costs ? y.netSum - x.netSum : 0) || y.clvSum - x.clvSum || x.name.localeCompare(y.name))
    : null;

  return {
    scored: totals.scored,
    totalClv: totals.totalClv,
    totalPastValue: totals.totalPastValue,
    totalCost: costs ? totals.totalCost : NaN,
    top,
    topShare: { scored: cut.scored, count: cut.count, threshold: cut.threshold, members: cut.members },
    atRisk: atRisk.slice(0, limits.listRows).map(row),
    lapsed: lapsed.slice(0, limits.listRows).map(row),
    atRiskCount: totals.atRisk,
    atRiskNegative: costs ? negatives.counted + atRisk.filter((r) => r.value < 0 && !negatives.countedNegative[r.index]).length : 0,
    lapsedCount: totals.lapsed,
    segments,
    hasCosts: costs !== null,
  };
}
