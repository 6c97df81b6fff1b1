/**
 * Customer counts and revenue by group × cohort period × activity period, all relative periods on
 * one axis (see periodAxis.ts). Cell (g, c, p) lives at (g·P + c)·P + p; only p ≥ c is ever filled.
 * Every quantity is additive over disjoint groups of customers, so totals are sums of groups.
 *
 * active[g,c,p]      customers of cohort c counted in period p: for a log, with a row in p; for a
 *                    table, still active at the end of p
 * continuing[g,c,p]  customers counted in both p−1 and p
 * reach[g,c,p]       customers whose last counted period is p or later (unbounded retention)
 * revenue[g,c,p]     log: amounts of rows in p; table: revenue per period of customers counted in p
 * retained[g,c,p]    the part of revenue[g,c,p] from customers counted in p−1
 */
export interface CohortCube {
  groups: number;
  periods: number;
  /** Customers per (g, c): first purchase (log) or signup (table) in c. */
  size: Int32Array;
  active: Int32Array;
  continuing: Int32Array | null;
  reach: Int32Array | null;
  revenue: Float64Array | null;
  retained: Float64Array | null;
}

/** What a caller needs besides `active`, so the =COHORTS path skips the rest. */
export interface CubeNeeds {
  continuing: boolean;
  reach: boolean;
  revenue: boolean;
}

export function emptyCube(groups: number, periods: number, needs: CubeNeeds, hasRevenue: boolean): CohortCube {
  const cells = groups * periods * periods;
  const withRevenue = needs.revenue && hasRevenue;
  return {
    groups,
    periods,
    size: new Int32Array(groups * periods),
    active: new Int32Array(cells),
    continuing: needs.continuing ? new Int32Array(cells) : null,
    reach: needs.reach ? new Int32Array(cells) : null,
    revenue: withRevenue ? new Float64Array(cells) : null,
    retained: withRevenue && needs.continuing ? new Float64Array(cells) : null,
  };
}

/** One group's slice of the cube, or the sum over all groups. */
export function groupCube(cube: CohortCube, group: number | 'all'): CohortCube {
  const P = cube.periods;
  const pick = <T extends Int32Array | Float64Array>(a: T | null, stride: number): T | null => {
    if (!a) return null;
    if (group !== 'all') return a.subarray(group * stride, (group + 1) * stride) as T;
    if (cube.groups === 1) return a;
    const sum = new (a.constructor as { new (n: number): T })(stride);
    for (let g = 0; g < cube.groups; g++) for (let i = 0; i < stride; i++) sum[i] += a[g * stride + i];
    return sum;
  };
  return {
    groups: 1,
    periods: P,
    size: pick(cube.size, P)!,
    active: pick(cube.active, P * P)!,
    continuing: pick(cube.continuing, P * P),
    reach: pick(cube.reach, P * P),
    revenue: pick(cube.revenue, P * P),
    retained: pick(cube.retained, P * P),
  };
}

/** Turns per-(g, c) counts of customers by last counted period into reach: suffix sums along p. */
export function suffixSums(a: Int32Array, rows: number, periods: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * periods;
    for (let p = periods - 2; p >= 0; p--) a[base + p] += a[base + p + 1];
  }
}
