// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The Customer value sheet of a warehouse-sized log in two queries whose results stay small whatever
 * the number of customers (customerQuery.ts brings back one row per customer instead):
 *
 * 1. valueGroupsQuery — before the fit. rfmQuery's rows (the fits' input) but its 'history' rows, plus
 *    kind 'group'  customers by identical (x, t_x, T, spend count, segment, in the top share): count,
 *                  sum and largest of their repeat spend sums, sum of past values (and, with a cost
 *                  column, of their costs to the end: the cost to serve's k × D). CLV is, per customer,
 *                  P(alive | x, t_x, T) × (discounted purchases if alive | x, T) × E[spend | count, sum],
 *                  and the last factor is linear in the sum, so these rows give every total, CLV by
 *                  segment and the lists' lengths exactly; summed over spend count, segment and top
 *                  they are rfmQuery's 'history' rows.
 *    kind 'cut'    the top share by past value: x = ⌈share × customers⌉ (as atRisk.ts counts it),
 *                  tx = customers, amount = the past value of the x-th highest (the threshold),
 *                  customers = those at or above it (ties included).
 * 2. valueCandidatesQuery — after the fit, its parameters written into the query: the customers the
 *    sheet can show, one row each (CUSTOMER_COLUMNS, then `top`):
 *    - the top share with P(alive) below the at-risk threshold (BG/NBD's closed form, in SQL): the at-risk
 *      list whole, and the lapsed list's first `listRows` by past value (ties at the cut included);
 *    - for the top customers by CLV: in each of the few (x, t_x, T, spend count) groups that can hold one
 *      (narrowing.ts picks them from the group rows), the `topRows` largest spend sums.
 *    P(alive) is computed here and again in Apps Script, where the lists are selected exactly: the query
 *    keeps a margin of PROBABILITY_MARGIN around each threshold, so no customer is lost to rounding.
 *    With a cost to serve and a cut at-risk list, `negative` = 1 marks the members counted in `negatives` (on
 *    every row): sure to be on the list with a negative net value; those who may be either come back as rows.
 */
import type { BgNbdParams } from '../models';
import type { SqlLogColumns } from './columns';
import { customerColumns, customerCtes } from './customerQuery';
import type { SqlDialect } from './dialect';
import type { SqlSource } from './logExpressions';
import { rfmParts, spendCtes, type SqlRfmSettings } from './rfmQuery';

export { VALUE_COLUMNS, CANDIDATE_COLUMNS } from './resultColumns';

import { PROBABILITY_MARGIN } from './resultColumns';

export { PROBABILITY_MARGIN } from './resultColumns';

export interface SqlValueSettings extends SqlRfmSettings {
  /** The lists' top share by past value, 0 < s ≤ 1. */
  topShare: number;
}

/** A group of customers with one (x, t_x, T in days, spend count). */
export interface ValueGroupKey {
  x: number;
  tx: number;
  age: number;
  spendCount: number;
}

export interface SqlCandidateSettings extends SqlValueSettings {
  bgNbd: BgNbdParams;
  aliveBelow: number;
  aliveFloor: number;
  /** Rows of the lapsed list needed (the sheet shows MAX_LIST_ROWS). */
  listRows: number;
  /** Rows of the top customers by CLV (TOP_CUSTOMERS), taken from each of `topGroups`. */
  topRows: number;
  topGroups: readonly ValueGroupKey[];
  /**
   * When the at-risk list is longer than `listRows`: bounds of the discounted purchases if alive, D(x, T),
   * per x and range of T (days), and the spend model, so the query can bound each member's expected loss
   * and keep only those who can be among the first `listRows`. Null: the whole list comes back.
   */
  riskGrid?: {
    intervals: readonly RiskInterval[];
    gammaGamma: { p: number; q: number; v: number };
    /**
     * With a cost to serve: each segment's rates (name null without a segment column), so the bounds are of the
     * expected loss of net value, (1 − P(alive)) × (D × ((1 − c) × E[spend] − k) − A × M), k = cost_sum ÷ (x + 1)
     * with a cost column, else 0.
     */
    rates?: readonly SegmentRates[];
    /** With a cost column: each member's cost per purchase day, cost_sum ÷ (x + 1), times D is a cost too. */
    perPurchase?: boolean;
  } | null;
}

/** The cost rates of one segment (costToServe.ts). */
export interface SegmentRates {
  name: string | null;
  revenueShare: number;
  perCustomerMonth: number;
}

/**
 * D(x, T) lies in [dLo, dHi], and M(x, T) (the discounted months active had the customer not left) in [mLo, mHi],
 * for every at-risk customer with this x and lo ≤ T ≤ hi (days).
 */
export interface RiskInterval {
  x: number;
  lo: number;
  hi: number;
  dLo: number;
  dHi: number;
  mLo: number;
  mHi: number;
}

const literal = (d: SqlDialect, v: number) => {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`); // i18n-exempt: a developer's error
  return `CAST(${String(v)} AS ${d.float})`;
};

/** The top share by past value, as atRisk.ts's topShareByPastValue selects it: `cut` (n, k, threshold), and `flagged` (cust with `top`). */
function cutCtes(d: SqlDialect, share: number): string[] {
  return [
    `sizes AS (
  SELECT n, LEAST(n, GREATEST(1, CAST(CEIL(${literal(d, share)} * n - ${literal(d, 1e-9)}) AS ${d.int}))) AS k
  FROM (SELECT COUNT(*) AS n FROM cust) AS t
)`,
    `ranked AS (SELECT past_value, ROW_NUMBER() OVER (ORDER BY past_value DESC) AS rk FROM cust)`,
    // (BigQuery joins outer only on an equality, and de-correlates few subqueries: neither is needed here.)
    `cut AS (SELECT t.n, t.k, r.past_value AS threshold FROM sizes AS t LEFT JOIN ranked AS r ON r.rk = t.k)`,
    `flagged AS (
  SELECT c.*, CASE WHEN c.past_value >= k.threshold THEN 1 ELSE 0 END AS top
  FROM cust AS c CROSS JOIN cut AS k
)`,
  ];
}

export function valueGroupsQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlValueSettings): string {
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const float = (e: string) => `CAST(${e} AS ${d.float})`;
  const nullOf = (type: string) => `CAST(NULL AS ${type})`;
  const ctes = [...customerCtes(d, source, columns, s), ...cutCtes(d, s.topShare), ...spendCtes(d)];
  // The 'history' rows are the group rows summed over spend count, segment and top (valueGroupRows adds them up).
  const rfm = rfmParts(d, s, false, Boolean(columns.cost)).join('\nUNION ALL\n');
  return `WITH\n${ctes.join(',\n')}
SELECT kind, x, tx, age, customers, amount, ${nullOf(d.int)} AS spend_count, ${nullOf(d.text)} AS segment, ${nullOf(d.int)} AS top,
  ${nullOf(d.float)} AS spend_sum, ${nullOf(d.float)} AS past_sum, ${nullOf(d.float)} AS spend_max, ${nullOf(d.float)} AS cost_sum
FROM (
${rfm}
) AS rfm
UNION ALL
SELECT 'group', ${int('x')}, ${int('tx')}, ${int('age')}, ${int('COUNT(*)')}, ${nullOf(d.float)}, ${int('spend_count')}, segment, ${int('top')},
  ${float('SUM(spend_sum)')}, ${float('SUM(past_value)')}, ${float('MAX(spend_sum)')}, ${float('SUM(cost_sum)')}
FROM flagged GROUP BY x, tx, age, spend_count, segment, top
UNION ALL
SELECT 'cut', ${int('k')}, ${int('n')}, ${nullOf(d.int)}, (SELECT ${int('COUNT(*)')} FROM flagged WHERE top = 1), ${float('threshold')}, ${nullOf(d.int)}, ${nullOf(d.text)}, ${nullOf(d.int)},
  ${nullOf(d.float)}, ${nullOf(d.float)}, ${nullOf(d.float)}, ${nullOf(d.float)}
FROM cut`;
}

/** P(alive | x, t_x, T) of BG/NBD (bgnbd.ts), t_x and T in weeks from the day counts of `flagged`. */
function aliveExpression(d: SqlDialect, p: BgNbdParams): string {
  const [r, alpha, a, b] = [p.r, p.alpha, p.a, p.b].map((v) => literal(d, v));
  const weeks = (e: string) => `CAST(${e} AS ${d.float}) / 7`;
  const logOdds = `LN(${a} / (${b} + x - 1)) + (${r} + x) * LN(1 + ${weeks('age - tx')} / (${alpha} + ${weeks('tx')}))`;
  // EXP of more than ~709 overflows (BigQuery raises an error): P(alive) is 0 to double precision long before.
  return `CASE WHEN x = 0 THEN ${literal(d, 1)} ELSE 1 / (1 + EXP(LEAST(${logOdds}, ${literal(d, 700)}))) END`;
}

export function valueCandidatesQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlCandidateSettings): string {
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const eps = literal(d, PROBABILITY_MARGIN);
  const below = literal(d, s.aliveBelow);
  const floor = literal(d, s.aliveFloor);
  const inTopGroups = s.topGroups.length
    ? s.topGroups.map((g) => `(x = ${int(String(g.x))} AND tx = ${int(String(g.tx))} AND age = ${int(String(g.age))} AND spend_count = ${int(String(g.spendCount))})`).join('\n    OR ')
    : '1 = 0';
  const ctes = [
    ...customerCtes(d, source, columns, s),
    ...cutCtes(d, s.topShare),
    `scored AS (SELECT f.*, ${aliveExpression(d, s.bgNbd)} AS alive FROM flagged AS f)`,
    // The lapsed list by past value; customers within the margin of the floor may still fall either side.
    `lapsed AS (SELECT id, RANK() OVER (ORDER BY past_value DESC) AS rk FROM scored WHERE top = 1 AND alive < ${floor} + ${eps})`,
    `unsure AS (SELECT COUNT(*) AS n FROM scored WHERE top = 1 AND ABS(alive - ${floor}) <= ${eps})`,
    `best AS (
  SELECT id FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY x, tx, age, spend_count ORDER BY spend_sum DESC, past_value DESC, first_row, id) AS rn
    FROM scored
    WHERE ${inTopGroups}
  ) AS g WHERE rn <= ${int(String(s.topRows))}
)`,
  ];
  const atRisk = `c.top = 1 AND c.alive >= ${floor} - ${eps} AND c.alive < ${below} + ${eps}`;
  const grid = s.riskGrid && s.riskGrid.intervals.length ? s.riskGrid : null;
  if (grid) ctes.push(...riskCtes(d, s, grid, atRisk));
  const signs = grid !== null && ctes.some((cte) => cte.startsWith('sign_sure AS'));
  return `WITH\n${ctes.join(',\n')}
SELECT ${customerColumns(d)}, ${int('c.top')} AS top,
  ${signs ? `${int('CASE WHEN n.id IS NULL THEN 0 ELSE 1 END')} AS negative, ${int('k.n')} AS negatives` : `${int('0')} AS negative, ${int('0')} AS negatives`}
FROM scored AS c
${signs ? `LEFT JOIN sign_sure AS n ON n.id = c.id CROSS JOIN (SELECT COUNT(*) AS n FROM sign_sure) AS k\n` : ''}WHERE ${grid ? 'c.id IN (SELECT id FROM risky)' : `(${atRisk})`}
  OR c.id IN (SELECT l.id FROM lapsed AS l CROSS JOIN unsure AS u WHERE l.rk <= ${int(String(s.listRows))} + u.n)
  OR c.id IN (SELECT id FROM best)${signs ? '\n  OR c.id IN (SELECT id FROM sign_unsure)' : ''}
ORDER BY first_row, id`;
}

/**
 * The at-risk members who can be among the first `listRows` by expected loss (1 − P(alive)) × D(x, T) ×
 * E[spend]: each member's loss is bounded below and above with the grid's bounds of D (and the margins of
 * P(alive)); L = the listRows-th largest lower bound among members sure to be at risk is at most the
 * listRows-th loss, so a member whose upper bound is below L is not among them.
 */
function riskCtes(d: SqlDialect, s: SqlCandidateSettings, grid: NonNullable<SqlCandidateSettings['riskGrid']>, atRisk: string): string[] {
  const f = (v: number) => literal(d, v);
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const { p, q, v } = grid.gammaGamma;
  const eps = f(PROBABILITY_MARGIN);
  const spend = `CASE WHEN c.spend_count > 0 THEN ${f(p)} * (${f(v)} + CAST(c.spend_sum AS ${d.float})) / (${f(p)} * c.spend_count + ${f(q)} - 1) ELSE ${f((p * v) / (q - 1))} END`;
  const rows = grid.intervals.map((g) => [g.x, g.lo, g.hi, g.dLo * (1 - 1e-9), g.dHi * (1 + 1e-9), g.mLo * (1 - 1e-9), g.mHi * (1 + 1e-9)]);
  const table = d.rowsTable(
    [{ name: 'x', type: 'int' }, { name: 'lo', type: 'int' }, { name: 'hi', type: 'int' }, { name: 'dlo', type: 'float' }, { name: 'dhi', type: 'float' }, { name: 'mlo', type: 'float' }, { name: 'mhi', type: 'float' }],
    rows,
    'g',
  );
  const sure = `CASE WHEN c.alive >= ${f(s.aliveFloor)} + ${eps} AND c.alive < ${f(s.aliveBelow)} - ${eps} THEN 1 ELSE 0 END AS sure`;
  const costs = grid.rates?.filter((r) => r.revenueShare !== 0 || r.perCustomerMonth !== 0).length || grid.perPurchase ? grid.rates ?? [] : null;
  let bounds: string;
  if (!costs) {
    bounds = `(1 - c.alive - ${eps}) * (${spend}) * g.dlo AS lo, (1 - c.alive + ${eps}) * (${spend}) * g.dhi * ${f(1 + 1e-9)} AS hi`;
  } else {
    // Per segment (the segment's line, else the line for all customers): the share kept, 1 − c, and A per month.
    const rate = (key: 'revenueShare' | 'perCustomerMonth', value: (r: SegmentRates) => number) => {
      const own = costs.filter((r) => r.name !== null);
      const other = costs.find((r) => r.name === null);
      // No line for all customers (a cost column alone, or a segment the rates do not name): no rate.
      const fallback = f(value(other ?? { name: null, revenueShare: 0, perCustomerMonth: 0 }));
      if (own.length === 0) return fallback;
      return `CASE ${own.map((r) => `WHEN c.segment = ${d.string(r.name!)} THEN ${f(value(r))}`).join(' ')} ELSE ${fallback} END`;
    };
    const kept = rate('revenueShare', (r) => 1 - r.revenueShare);
    const perMonth = rate('perCustomerMonth', (r) => r.perCustomerMonth);
    const k = grid.perPurchase ? `CAST(c.cost_sum AS ${d.float}) / (c.x + 1)` : f(0);
    // The net value if still active lies in [min(dlo·u, dhi·u) − A·mhi, max(dlo·u, dhi·u) − A·mlo], u = (1 − c) ×
    // E[spend] − k (k the cost per purchase day); times 1 − P(alive) within its margins; widened by 1e-9 of the
    // terms' size (|(1 − c) × E[spend]| + |k|, not |u|: the difference may be near 0).
    return [
      `grid AS (SELECT g.x AS x, g.lo AS lo, g.hi AS hi, g.dlo AS dlo, g.dhi AS dhi, g.mlo AS mlo, g.mhi AS mhi FROM ${table})`,
      `risk_terms AS (
  SELECT c.id, c.alive, (${kept}) * (${spend}) - ${k} AS u, ABS((${kept}) * (${spend})) + ABS(${k}) AS size, ${perMonth} AS a, g.dlo, g.dhi, g.mlo, g.mhi, ${sure}
  FROM scored AS c LEFT JOIN grid AS g ON g.x = c.x AND c.age >= g.lo AND c.age <= g.hi
  WHERE ${atRisk}
)`,
      `risk_net AS (
  SELECT id, alive, sure, LEAST(t.dlo * t.u, t.dhi * t.u) - t.a * t.mhi AS net_lo, GREATEST(t.dlo * t.u, t.dhi * t.u) - t.a * t.mlo AS net_hi,
    ${f(1e-9)} * (t.dhi * t.size + t.a * t.mhi) AS slack
  FROM risk_terms AS t
)`,
      `risk AS (
  SELECT id, sure, net_lo - slack AS net_lo, net_hi + slack AS net_hi,
    LEAST((1 - alive - ${eps}) * net_lo, (1 - alive + ${eps}) * net_lo) - slack AS lo,
    GREATEST((1 - alive - ${eps}) * net_hi, (1 - alive + ${eps}) * net_hi) + slack AS hi
  FROM risk_net
)`,
      ...riskCut(s, int),
      // The note under the list counts its members whose net value if still active is negative, over the whole
      // list: those sure to be on it and sure to be negative are counted here; those that may be negative come back.
      `sign_sure AS (SELECT id FROM risk WHERE sure = 1 AND net_hi < 0)`,
      `sign_unsure AS (SELECT id FROM risk WHERE (net_lo IS NULL OR net_lo < 0) AND NOT (sure = 1 AND net_hi < 0))`,
    ];
  }
  return [
    `grid AS (SELECT g.x AS x, g.lo AS lo, g.hi AS hi, g.dlo AS dlo, g.dhi AS dhi FROM ${table})`,
    `risk AS (
  SELECT c.id, ${bounds},
    ${sure}
  FROM scored AS c LEFT JOIN grid AS g ON g.x = c.x AND c.age >= g.lo AND c.age <= g.hi
  WHERE ${atRisk}
)`,
    ...riskCut(s, int),
  ];
}

/** L, and the members whose upper bound reaches it (or who have no bound). */
function riskCut(s: SqlCandidateSettings, int: (e: string) => string): string[] {
  return [
    // One row (an aggregate): NULL when fewer members are sure than the list shows.
    `risk_cut AS (
  SELECT MAX(lo) AS lo FROM (SELECT lo, ROW_NUMBER() OVER (ORDER BY lo DESC) AS rn FROM risk WHERE sure = 1 AND lo IS NOT NULL) AS r
  WHERE rn = ${int(String(s.listRows))}
)`,
    `risky AS (SELECT r.id FROM risk AS r CROSS JOIN risk_cut AS k WHERE k.lo IS NULL OR r.hi IS NULL OR r.hi >= k.lo)`,
  ];
}
