/**
 * The Customer value sheet from valueQuery.ts's small results: the group rows give every total, CLV by
 * segment and the lists' lengths exactly, and say which few groups can hold a top customer by CLV (the
 * candidates query then brings back only those customers and the lists' members).
 *
 * Per customer i with history (x, t_x, T) and spend count c, sum S (scoreCustomers.ts):
 *   CLV_i = P(alive | x, t_x, T) × D(x, T) × E[spend | c, S],  E[spend | c, S] = p(v + S)/(pc + q − 1) for c > 0,
 * D the discounted purchases had the customer not left. Within one (x, t_x, T, c) group CLV grows with S, so a
 * group's best customer has its largest S; and E[spend] is linear in S, so a group's CLVs sum from its ΣS.
 *
 * A cost to serve (costToServe.ts: a share c of revenue and A per month while active, per segment) is, per
 * customer, P(alive) × (c × D × E[spend] + A × M(x, T)), M the discounted months active had they not left:
 * linear in S too, so the group rows give the total cost and the cost by segment exactly as well; a cost column adds
 * k × D per customer, k = Σ cost ÷ (x + 1), linear in Σ cost.
 */
import { bgNbdExpectedPurchasesIfAlive, bgNbdProbabilityAlive } from '../models/bgnbd';
import { discountedExpectedPurchases } from '../models/clv';
import { gammaGammaExpectedValue } from '../models/gammagamma';
import { discountedActiveMonthsIfAlive } from '../models/bgnbdSurvival';
import type { CostRates } from '../models/costToServe';
import { resolveSegmentRates, type CostRateSettings } from '../models/segmentCosts';
import { DAYS_PER_UNIT, monthsToUnit } from '../models/timeUnits';
import { modelWarningsOf } from '../models/trust';
import type { AtRiskOptions } from '../models/atRisk';
import { customerResultRows, customerValueFromRows, type SqlCustomerValue } from './customerRows';
import { rfmResultRows, type RfmRow, type SqlCustomerValueModel } from './rfmModel';
import { CANDIDATE_COLUMNS, PROBABILITY_MARGIN, RFM_COLUMNS, VALUE_COLUMNS } from './resultColumns';
import type { RiskInterval, SqlCandidateSettings, ValueGroupKey } from './valueQuery';

export interface ValueGroup extends ValueGroupKey {
  customers: number;
  /** Σ cost of the group's customers' rows to the end (a cost column; 0 without one). */
  costSum: number;
  /** The segment of the group's customers (null without a segment column). */
  segment: string | null;
  /** In the top share by past value. */
  top: boolean;
  spendSum: number;
  pastSum: number;
  spendMax: number;
}

export interface TopShareCut {
  /** Customers with a purchase on or before the end. */
  scored: number;
  /** ⌈share × scored⌉. */
  count: number;
  threshold: number;
  /** Customers at or above the threshold. */
  members: number;
}

export interface ValueGroupRows {
  /** rfmQuery's rows: the fits' input. */
  rfm: RfmRow[];
  groups: ValueGroup[];
  cut: TopShareCut;
  /** With a cost column: rows to the end whose cost is blank (counted as 0), and rows whose cost is not a number. */
  costRows: { blank: number; bad: number } | null;
}

/** Result values of valueGroupsQuery (VALUE_COLUMNS; strings from BigQuery, bigint from DuckDB) → typed rows. */
export function valueGroupRows(values: readonly (readonly unknown[])[]): ValueGroupRows {
  const at = (name: (typeof VALUE_COLUMNS)[number]) => VALUE_COLUMNS.indexOf(name);
  const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
  const rfm: unknown[][] = [];
  const groups: ValueGroup[] = [];
  let cut: TopShareCut = { scored: 0, count: 0, threshold: NaN, members: 0 };
  let costRows: ValueGroupRows['costRows'] = null;
  for (const r of values) {
    const kind = String(r[at('kind')]);
    if (kind === 'group') {
      const segment = r[at('segment')];
      groups.push({
        x: num(r[at('x')]), tx: num(r[at('tx')]), age: num(r[at('age')]), spendCount: num(r[at('spend_count')]), customers: num(r[at('customers')]),
        segment: segment === null || segment === undefined ? null : String(segment), top: num(r[at('top')]) === 1,
        spendSum: num(r[at('spend_sum')]), pastSum: num(r[at('past_sum')]), spendMax: num(r[at('spend_max')]), costSum: num(r[at('cost_sum')] ?? 0) || 0,
      });
    } else if (kind === 'costs') {
      costRows = { blank: num(r[at('x')]), bad: num(r[at('tx')]) };
    } else if (kind === 'cut') {
      cut = { count: num(r[at('x')]), scored: num(r[at('tx')]), members: num(r[at('customers')]), threshold: num(r[at('amount')]) };
    } else {
      rfm.push(r.slice(0, RFM_COLUMNS.length));
    }
  }
  // rfmQuery's 'history' rows: the customers per (x, t_x, T), summed from the groups.
  const histories = new Map<string, unknown[]>();
  for (const g of groups) {
    const key = `${g.x}|${g.tx}|${g.age}`;
    const h = histories.get(key);
    if (h) h[4] = (h[4] as number) + g.customers;
    else histories.set(key, ['history', g.x, g.tx, g.age, g.customers, null]);
  }
  return { rfm: rfmResultRows([...histories.values(), ...rfm]), groups, cut, costRows };
}

export interface Horizon {
  horizonMonths: number;
  monthlyDiscountRate: number;
}

/** The per-group factors of CLV, with the model's own functions (in weeks, as the sheet fits). */
export function groupValuer(model: SqlCustomerValueModel, horizon: Horizon) {
  const week = DAYS_PER_UNIT.weeks;
  const bg = model.bgNbd.params;
  const gg = model.gammaGamma.params;
  const discounted = new Map<string, number>();
  const alive = (g: ValueGroupKey) => bgNbdProbabilityAlive(bg, g.x, g.tx / week, g.age / week);
  const ifAlive = (g: ValueGroupKey) => {
    const key = `${g.x}|${g.age}`;
    let d = discounted.get(key);
    if (d === undefined) {
      const T = g.age / week;
      d = discountedExpectedPurchases((t) => bgNbdExpectedPurchasesIfAlive(bg, t, g.x, T), { ...horizon, unit: 'weeks' }).discounted;
      discounted.set(key, d);
    }
    return d;
  };
  /** E[spend] of one customer of the group with repeat spend sum S. */
  const spend = (g: ValueGroupKey, S: number) => (g.spendCount > 0 ? gammaGammaExpectedValue(gg, g.spendCount, S / g.spendCount) : gammaGammaExpectedValue(gg, 0, NaN));
  /** Σ E[spend] over the group's n customers with ΣS: linear in S. */
  const spendSum = (g: ValueGroupKey, n: number, sumS: number) =>
    g.spendCount > 0 ? (gg.p * (n * gg.v + sumS)) / (gg.p * g.spendCount + gg.q - 1) : n * gammaGammaExpectedValue(gg, 0, NaN);
  const monthsCache = new Map<string, number>();
  /** M(x, T): the discounted months within the horizon a customer active now stays active (bgnbdSurvival.ts). */
  const months = (g: { x: number; age: number }) => {
    const key = `${g.x}|${g.age}`;
    let m = monthsCache.get(key);
    if (m === undefined) {
      m = discountedActiveMonthsIfAlive(bg, g.x, g.age / week, horizon.horizonMonths, horizon.monthlyDiscountRate, monthsToUnit(1, 'weeks'));
      monthsCache.set(key, m);
    }
    return m;
  };
  return { alive, ifAlive, spend, spendSum, months };
}

/** The cost rates of each segment (by name as the sheet shows it; null without a segment column), as resolveSegmentRates gives them. */
export function segmentRatesOf(costs: CostRateSettings, segmentNames: readonly string[] | null): { rates: (segment: string | null) => CostRates; unmatched: string[] } {
  const resolved = resolveSegmentRates(costs, segmentNames);
  const index = new Map((segmentNames ?? []).map((name, s) => [name, s]));
  return { rates: (segment) => resolved.bySegment[segment === null ? 0 : index.get(segment) ?? 0], unmatched: resolved.unmatched };
}

/** The segments of the group rows in order of first appearance; null without a segment column. */
export function groupSegmentNames(rows: ValueGroupRows): string[] | null {
  if (!rows.groups.some((g) => g.segment !== null)) return null;
  return [...new Set(rows.groups.map((g) => g.segment ?? ''))];
}

export interface SegmentTotals {
  name: string;
  customers: number;
  clvSum: number;
  pastValueSum: number;
  /** Expected cost to serve (sum, of the customers whose CLV is a number); 0 without costs. */
  costSum: number;
}

export interface GroupTotals {
  scored: number;
  /** Customers with a repeat purchase (x > 0). */
  repeatBuyers: number;
  /** Σ of the CLVs that are numbers. */
  totalClv: number;
  totalPastValue: number;
  /** Σ expected cost to serve of the customers whose CLV is a number; NaN without costs. */
  totalCost: number;
  /** Lengths of the lists: top share, aliveFloor ≤ P(alive) < aliveBelow, and P(alive) < aliveFloor. */
  atRisk: number;
  lapsed: number;
  /** Per segment, in order of first appearance; null without a segment column. */
  segments: SegmentTotals[] | null;
}

export function groupTotals(
  rows: ValueGroupRows,
  model: SqlCustomerValueModel,
  horizon: Horizon,
  lists: { aliveBelow: number; aliveFloor: number },
  costs: CostRateSettings | null = null,
  perPurchase = false,
): GroupTotals {
  const v = groupValuer(model, horizon);
  let scored = 0, repeatBuyers = 0, totalClv = 0, totalPastValue = 0, totalCost = 0, atRisk = 0, lapsed = 0;
  const segments = new Map<string, SegmentTotals>();
  const hasSegments = rows.groups.some((g) => g.segment !== null);
  const rates = costs ? segmentRatesOf(costs, groupSegmentNames(rows)).rates : null;
  for (const g of rows.groups) {
    const alive = v.alive(g);
    const clvIfAlive = v.ifAlive(g) * v.spendSum(g, g.customers, g.spendSum);
    const clv = alive * clvIfAlive;
    // costToServe.ts per customer, summed over the group; only the parts with a rate (0 × a CLV that is no number is no cost).
    let cost = 0;
    if (rates && Number.isFinite(clv)) {
      const { revenueShare, perCustomerMonth } = rates(g.segment);
      if (revenueShare !== 0) cost += revenueShare * clvIfAlive;
      if (perCustomerMonth !== 0) cost += perCustomerMonth * v.months(g) * g.customers;
      // k × D per customer, k = Σ cost ÷ purchase days (x + 1, the same for the whole group).
      if (perPurchase && g.costSum !== 0) cost += (g.costSum / (g.x + 1)) * v.ifAlive(g);
      cost *= alive;
    }
    scored += g.customers;
    if (g.x > 0) repeatBuyers += g.customers;
    if (Number.isFinite(clv)) totalClv += clv;
    totalCost += cost;
    totalPastValue += g.pastSum;
    if (g.top && alive < lists.aliveBelow) {
      if (alive >= lists.aliveFloor) atRisk += g.customers;
      else lapsed += g.customers;
    }
    if (hasSegments) {
      const name = g.segment ?? '';
      const s = segments.get(name) ?? { name, customers: 0, clvSum: 0, pastValueSum: 0, costSum: 0 };
      s.customers += g.customers;
      if (Number.isFinite(clv)) s.clvSum += clv;
      s.costSum += cost;
      s.pastValueSum += g.pastSum;
      segments.set(name, s);
    }
  }
  return {
    scored, repeatBuyers, totalClv, totalPastValue, totalCost: costs ? totalCost : NaN, atRisk, lapsed, segments: hasSegments ? [...segments.values()] : null,
  };
}

/**
 * The (x, t_x, T, spend count) groups that can hold one of the `topRows` customers of highest CLV: each
 * group's best customer has the group's largest CLV (all of a group without repeat spend share one), so
 * L = the `topRows`-th largest of those, counted per customer, is at most the `topRows`-th CLV, and a group
 * whose best is below L holds none of them. At most `topRows` groups, and ties with L.
 */
export function topGroups(rows: ValueGroupRows, model: SqlCustomerValueModel, horizon: Horizon, topRows: number): ValueGroupKey[] {
  const v = groupValuer(model, horizon);
  const byKey = new Map<string, ValueGroupKey & { customers: number; spendMax: number }>();
  for (const g of rows.groups) {
    const key = `${g.x}|${g.tx}|${g.age}|${g.spendCount}`;
    const k = byKey.get(key);
    if (k) {
      k.customers += g.customers;
      k.spendMax = Math.max(k.spendMax, g.spendMax);
    } else byKey.set(key, { x: g.x, tx: g.tx, age: g.age, spendCount: g.spendCount, customers: g.customers, spendMax: g.spendMax });
  }
  const best = [...byKey.values()]
    .map((k) => ({ k, clv: v.alive(k) * v.ifAlive(k) * v.spend(k, k.spendMax) }))
    .filter((b) => Number.isFinite(b.clv))
    .sort((a, b) => b.clv - a.clv);
  let counted = 0;
  let floor = -Infinity;
  for (const b of best) {
    counted += b.k.spendCount > 0 ? 1 : b.k.customers;
    if (counted >= topRows) {
      floor = b.clv;
      break;
    }
  }
  // Rounding: a group within a hair of L is kept (one more group costs little; a lost customer, the list).
  const keep = floor - 1e-9 * Math.abs(floor);
  return best.filter((b) => b.clv >= keep).map(({ k }) => ({ x: k.x, tx: k.tx, age: k.age, spendCount: k.spendCount }));
}

/** What valueCandidatesQuery needs besides the report's settings: the fitted purchase model and the top groups. */
export function candidatePlan(
  rows: ValueGroupRows,
  model: SqlCustomerValueModel,
  horizon: Horizon,
  lists: AtRiskOptions,
  limits: { topRows: number; listRows: number },
  costs: CostRateSettings | null = null,
  perPurchase = false,
): Pick<SqlCandidateSettings, 'bgNbd' | 'aliveBelow' | 'aliveFloor' | 'listRows' | 'topRows' | 'topGroups' | 'riskGrid'> {
  return {
    bgNbd: model.bgNbd.params, aliveBelow: lists.aliveBelow, aliveFloor: lists.aliveFloor, ...limits,
    // The top customers are by gross CLV with or without costs, as customerValueTables ranks them.
    topGroups: topGroups(rows, model, horizon, limits.topRows),
    riskGrid: riskGrid(rows, model, horizon, lists, limits.listRows, costs, perPurchase),
  };
}

/** Intervals of T per x in the at-risk grid: D(x, T) is bounded by its values at the ages inside each. */
const RISK_INTERVALS_PER_X = 64;

/**
 * The bounds of D(x, T) over the at-risk groups' ages, per x in at most RISK_INTERVALS_PER_X ranges of
 * consecutive ages (min and max of D over the ages inside: no monotonicity assumed); null when the at-risk
 * list fits in `listRows` (it comes back whole) or the spend model has no finite mean. With a cost to serve
 * the list ranks by the expected loss of net value, (1 − P) × ((1 − c) × D × E[spend] − A × M(x, T)): the
 * intervals then bound M too, and the rates per segment go into the query.
 */
export function riskGrid(
  rows: ValueGroupRows,
  model: SqlCustomerValueModel,
  horizon: Horizon,
  lists: AtRiskOptions,
  listRows: number,
  costs: CostRateSettings | null = null,
  perPurchase = false,
): SqlCandidateSettings['riskGrid'] {
  const gg = model.gammaGamma.params;
  if (!(gg.q > 1)) return null;
  const v = groupValuer(model, horizon);
  const margin = 10 * PROBABILITY_MARGIN;
  let members = 0;
  const ages = new Map<number, Set<number>>();
  for (const g of rows.groups) {
    if (!g.top) continue;
    const alive = v.alive(g);
    if (!(alive >= lists.aliveFloor - margin && alive < lists.aliveBelow + margin)) continue;
    if (alive >= lists.aliveFloor && alive < lists.aliveBelow) members += g.customers;
    let set = ages.get(g.x);
    if (!set) ages.set(g.x, (set = new Set()));
    set.add(g.age);
  }
  if (members <= listRows) return null;
  const names = groupSegmentNames(rows);
  const rates = costs ? segmentRatesOf(costs, names).rates : null;
  const segmentRates = rates ? (names ?? [null]).map((name) => ({ name, ...rates(name) })) : null;
  const perMonth = segmentRates?.some((r) => r.perCustomerMonth !== 0) ?? false;
  const intervals: RiskInterval[] = [];
  for (const [x, set] of ages) {
    const sorted = [...set].sort((a, b) => a - b);
    const per = Math.ceil(sorted.length / RISK_INTERVALS_PER_X);
    for (let i = 0; i < sorted.length; i += per) {
      const chunk = sorted.slice(i, i + per);
      const d = chunk.map((age) => v.ifAlive({ x, tx: 0, age, spendCount: 0 }));
      const m = perMonth ? chunk.map((age) => v.months({ x, age })) : [0];
      intervals.push({ x, lo: chunk[0], hi: chunk[chunk.length - 1], dLo: Math.min(...d), dHi: Math.max(...d), mLo: Math.min(...m), mHi: Math.max(...m) });
    }
  }
  return { intervals, gammaGamma: { p: gg.p, q: gg.q, v: gg.v }, ...(segmentRates ? { rates: segmentRates } : {}), ...(perPurchase ? { perPurchase } : {}) };
}

export interface NarrowedCustomerValue extends SqlCustomerValue {
  /** Per candidate: in the top share by past value (decided over every customer, in SQL). */
  inTop: boolean[];
  totals: GroupTotals;
  /**
   * At-risk members with a negative net value the query counted (valueQuery.ts: sure to be on the list and
   * negative), and per candidate whether they are among them; 0 and none when the at-risk list came back whole.
   */
  negativesCounted: number;
  countedNegative: boolean[];
}

/**
 * The candidates scored as the sheet scores them; the model summary's counts are every customer's
 * (the grouped rows'), not the candidates'.
 */
export function narrowedCustomerValue(
  model: SqlCustomerValueModel,
  rows: ValueGroupRows,
  candidateValues: readonly (readonly unknown[])[],
  horizon: Horizon,
  lists: AtRiskOptions,
  costs: CostRateSettings | null = null,
  perPurchase = false,
): NarrowedCustomerValue {
  const totals = groupTotals(rows, model, horizon, lists, costs, perPurchase);
  const scored = customerValueFromRows(model, customerResultRows(candidateValues), horizon);
  const top = CANDIDATE_COLUMNS.indexOf('top');
  const s = scored.result.summary;
  const summary = {
    ...s,
    customers: model.customers,
    spendFrequencyCorrelation: model.spendFrequencyCorrelation,
    warnings: modelWarningsOf(totals.repeatBuyers, model.customers, model.bgNbd, model.gammaGamma, model.spendFrequencyCorrelation),
  };
  const negative = CANDIDATE_COLUMNS.indexOf('negative');
  const negatives = CANDIDATE_COLUMNS.indexOf('negatives');
  return {
    ...scored, result: { ...scored.result, summary }, inTop: candidateValues.map((r) => Number(r[top]) === 1), totals,
    negativesCounted: candidateValues.length ? Number(candidateValues[0][negatives] ?? 0) : 0,
    countedNegative: candidateValues.map((r) => Number(r[negative]) === 1),
  };
}
