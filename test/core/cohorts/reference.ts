/**
 * A deliberately naive cohort computation to test the engine against. It shares nothing with
 * src/core: customers are keyed by strings, activity is a Set of period start days per customer,
 * every count is a fresh loop over customers, days come from Intl directly rather than timeZone.ts,
 * and civil dates from Date.UTC rather than calendar.ts (test/support/days.ts).
 */
import { civilOf, dayInZoneOf, dayOf, weekdayOf } from '../../support/days';

export type Unit = 'week' | 'month' | 'quarter' | 'year';

export interface RefOptions {
  zone: string;
  unit: Unit;
  weekStart: 'monday' | 'sunday';
  mode: 'in' | 'in-or-after';
  asOfDay?: number | null;
  segment?: string | null;
}

export interface RefLogRow {
  id: number | string;
  date: Date;
  amount?: number | '';
  segment?: unknown;
}

export interface RefTableRow {
  id: number | string;
  signup: Date;
  cancel: Date | '';
  revenue?: number | '';
  segment?: unknown;
}

export interface RefPeriodRow {
  startDay: number;
  partial: boolean;
  start: number;
  newCustomers: number;
  end: number;
  lost: number;
  returning: number;
  newAndCancelled: number;
  crr: number | null;
  churn: number | null;
  revenue: number | null;
  revenueRetention: number | null;
}

export interface RefValue {
  startDay: number;
  size: number;
  revenueToDate: number | null;
  revenuePerCustomer: number | null;
  customerPeriods: number;
  revenuePerActivePeriod: number | null;
  churn: number | null;
  clv: number | null;
}

export interface RefResult {
  cohorts: { startDay: number; size: number }[];
  counts: (number | null)[][];
  retention: (number | null)[][];
  revenue: (number | null)[][] | null;
  average: (number | null)[];
  perPeriod: RefPeriodRow[];
  value: RefValue[];
}

/** The calendar day of an instant in a zone, straight from Intl's year/month/day. */
export function refDay(date: Date, zone: string): number {
  return dayInZoneOf(date, zone);
}

/** First day of the period holding `day`. Periods are named by their first day throughout. */
export function refPeriodStart(day: number, unit: Unit, weekStart: 'monday' | 'sunday'): number {
  if (unit === 'week') {
    const weekday = weekdayOf(day); // 0 = Sunday
    return day - (weekStart === 'sunday' ? weekday : (weekday + 6) % 7);
  }
  const { year, month } = civilOf(day);
  if (unit === 'month') return dayOf(year, month, 1);
  if (unit === 'quarter') return dayOf(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
  return dayOf(year, 1, 1);
}

const LONGEST: Record<Unit, number> = { week: 7, month: 31, quarter: 92, year: 366 };

function nextStart(start: number, o: RefOptions): number {
  return refPeriodStart(start + LONGEST[o.unit], o.unit, o.weekStart);
}

function customerKey(id: number | string): string {
  return `${typeof id}:${String(id)}`;
}

function segmentName(v: unknown): string {
  if (v === '' || v === undefined || v === null) return '(blank)';
  return String(v);
}

/** Period start days from `first` through the one holding lastDay, and whether that one is partial. */
function timeline(firstStart: number, lastDay: number, o: RefOptions): { starts: number[]; partial: boolean } {
  const starts: number[] = [];
  for (let s = firstStart; s <= lastDay; s = nextStart(s, o)) starts.push(s);
  const lastEnd = nextStart(starts[starts.length - 1], o) - 1;
  return { starts, partial: lastDay < lastEnd };
}

interface RefCustomer {
  cohort: number; // start day of the cohort period
  /** Period start days the customer counts in. */
  activeIn: Set<number>;
  /** Amount per period start day. */
  revenueIn: Map<number, number>;
}

function blankToNull(n: number, use: boolean): number | null {
  return use ? n : null;
}

/**
 * Everything the engine reports for one group of customers. `active(c, start)` says whether the
 * customer counts in the period starting on `start`.
 */
function tables(
  customers: RefCustomer[],
  starts: number[],
  partial: boolean,
  hasRevenue: boolean,
  kind: 'log' | 'table',
  mode: 'in' | 'in-or-after',
  revenueFromPrevious: (p: number) => number,
): RefResult {
  const result: RefResult = { cohorts: [], counts: [], retention: [], revenue: hasRevenue ? [] : null, average: [], perPeriod: [], value: [] };
  const cohortStarts = starts.filter((s) => customers.some((c) => c.cohort === s));
  if (cohortStarts.length === 0) return result;
  const firstIndex = starts.indexOf(cohortStarts[0]);
  const width = starts.length - firstIndex;
  const countIn = (members: RefCustomer[], p: number) =>
    members.filter((c) =>
      mode === 'in' || kind === 'table' ? c.activeIn.has(starts[p]) : [...c.activeIn].some((s) => s >= starts[p]),
    ).length;
  const avgNum = new Array(width).fill(0);
  const avgDen = new Array(width).fill(0);
  for (const cs of cohortStarts) {
    const members = customers.filter((c) => c.cohort === cs);
    const ci = starts.indexOf(cs);
    result.cohorts.push({ startDay: cs, size: members.length });
    const counts: (number | null)[] = [];
    const retention: (number | null)[] = [];
    const revenue: (number | null)[] = [];
    for (let k = 0; k < width; k++) {
      const p = ci + k;
      if (p >= starts.length) {
        counts.push(null);
        retention.push(null);
        revenue.push(null);
        continue;
      }
      const n = countIn(members, p);
      counts.push(n);
      retention.push(n / members.length);
      revenue.push(members.reduce((sum, c) => sum + (c.revenueIn.get(starts[p]) ?? 0), 0));
      // The partial last period is left out of the average.
      if (!(partial && p === starts.length - 1)) {
        avgNum[k] += n;
        avgDen[k] += members.length;
      }
    }
    result.counts.push(counts);
    result.retention.push(retention);
    if (result.revenue) result.revenue.push(revenue);

    // Value: transitions into complete periods only.
    const lastComplete = partial ? starts.length - 2 : starts.length - 1;
    let customerPeriods = 0;
    let total = 0;
    let exposed = 0;
    let lost = 0;
    for (let p = ci; p < starts.length; p++) {
      customerPeriods += members.filter((c) => c.activeIn.has(starts[p])).length;
      total += members.reduce((sum, c) => sum + (c.revenueIn.get(starts[p]) ?? 0), 0);
      if (p > ci && p <= lastComplete) {
        const before = members.filter((c) => c.activeIn.has(starts[p - 1]));
        exposed += before.length;
        lost += before.filter((c) => !c.activeIn.has(starts[p])).length;
      }
    }
    const perActive = hasRevenue && customerPeriods > 0 ? total / customerPeriods : null;
    const churn = exposed > 0 ? lost / exposed : null;
    result.value.push({
      startDay: cs,
      size: members.length,
      revenueToDate: blankToNull(total, hasRevenue),
      revenuePerCustomer: blankToNull(total / members.length, hasRevenue),
      customerPeriods,
      revenuePerActivePeriod: perActive,
      churn,
      clv: perActive !== null && churn !== null && churn > 0 ? perActive / churn : null,
    });
  }
  result.average = avgDen.map((d, k) => (d > 0 ? avgNum[k] / d : null));

  let previousRevenue = 0;
  for (let p = firstIndex; p < starts.length; p++) {
    const s = starts[p];
    const prev = p > firstIndex ? starts[p - 1] : null;
    const wasActive = (c: RefCustomer) => prev !== null && c.activeIn.has(prev);
    const isActive = (c: RefCustomer) => c.activeIn.has(s);
    const start = customers.filter(wasActive).length;
    // A table's new customers are those of the period still active at its end; the others signed up and cancelled in it.
    const newCustomers = customers.filter((c) => c.cohort === s && isActive(c)).length;
    const newAndCancelled = customers.filter((c) => c.cohort === s && !isActive(c)).length;
    const end = customers.filter(isActive).length;
    const lost = customers.filter((c) => wasActive(c) && !isActive(c)).length;
    const returning = customers.filter((c) => isActive(c) && !wasActive(c) && c.cohort !== s).length;
    const revenue = customers.reduce((sum, c) => sum + (c.revenueIn.get(s) ?? 0), 0);
    const retained = revenueFromPrevious(p);
    result.perPeriod.push({
      startDay: s,
      partial: partial && p === starts.length - 1,
      start,
      newCustomers,
      end,
      lost,
      returning,
      newAndCancelled,
      crr: start > 0 ? (end - newCustomers - returning) / start : null,
      churn: start > 0 ? lost / start : null,
      revenue: hasRevenue ? revenue : null,
      revenueRetention: hasRevenue && p > firstIndex && previousRevenue > 0 ? retained / previousRevenue : null,
    });
    previousRevenue = revenue;
  }
  return result;
}

/**
 * A transaction log: active in a period = at least one purchase in it. A row with a negative amount is a
 * refund, not a purchase (unless `refundsAreActivity`): it counts in revenue only, from the customer's
 * first purchase period on.
 */
export function referenceLog(rows: RefLogRow[], o: RefOptions & { refundsAreActivity?: boolean }): RefResult {
  const dated = rows.map((r) => ({ ...r, day: refDay(r.date, o.zone) }));
  const lastDay = o.asOfDay ?? dated.reduce((m, r) => Math.max(m, r.day), -Infinity);
  const isRefund = (r: RefLogRow) => !o.refundsAreActivity && typeof r.amount === 'number' && r.amount < 0;
  const kept = dated.filter((r) => r.day <= lastDay);
  const byCustomer = new Map<string, typeof kept>();
  for (const r of kept) {
    const key = customerKey(r.id);
    if (!byCustomer.has(key)) byCustomer.set(key, []);
    byCustomer.get(key)!.push(r);
  }
  const customers: (RefCustomer & { rows: typeof kept })[] = [];
  for (const list of byCustomer.values()) {
    const purchases = list.filter((r) => !isRefund(r));
    if (purchases.length === 0) continue; // only refunds: no cohort
    let earliest = purchases[0];
    for (const r of purchases) if (r.day < earliest.day) earliest = r;
    if (o.segment != null && segmentName(earliest.segment) !== o.segment) continue;
    const cohort = refPeriodStart(earliest.day, o.unit, o.weekStart);
    const activeIn = new Set(purchases.map((r) => refPeriodStart(r.day, o.unit, o.weekStart)));
    const revenueIn = new Map<number, number>();
    for (const r of list) {
      if (typeof r.amount !== 'number') continue;
      const s = refPeriodStart(r.day, o.unit, o.weekStart);
      if (s < cohort) continue; // a refund before the first purchase has no cohort period
      revenueIn.set(s, (revenueIn.get(s) ?? 0) + r.amount);
    }
    customers.push({ cohort, activeIn, revenueIn, rows: list });
  }
  if (customers.length === 0) return tables([], [], false, false, 'log', o.mode, () => 0);
  const first = customers.reduce((m, c) => Math.min(m, c.cohort), Infinity);
  const { starts, partial } = timeline(first, lastDay, o);
  const hasRevenue = rows.some((r) => r.amount !== undefined);
  const revenueFromPrevious = (p: number) =>
    p === 0
      ? 0
      : customers.filter((c) => c.activeIn.has(starts[p - 1])).reduce((sum, c) => sum + (c.revenueIn.get(starts[p]) ?? 0), 0);
  return tables(customers, starts, partial, hasRevenue, 'log', o.mode, revenueFromPrevious);
}

/** A customer table: counted in a period = still active when it ends (cancel day = day lost). */
export function referenceTable(rows: RefTableRow[], o: RefOptions): RefResult {
  const dated = rows.map((r) => ({
    ...r,
    signupDay: refDay(r.signup, o.zone),
    cancelDay: r.cancel === '' ? null : refDay(r.cancel, o.zone),
  }));
  const lastDay = o.asOfDay ?? dated.reduce((m, r) => Math.max(m, r.signupDay, r.cancelDay ?? -Infinity), -Infinity);
  const kept = dated.filter((r) => r.signupDay <= lastDay && (o.segment == null || segmentName(r.segment) === o.segment));
  if (kept.length === 0) return tables([], [], false, false, 'table', o.mode, () => 0);
  const first = kept.reduce((m, r) => Math.min(m, refPeriodStart(r.signupDay, o.unit, o.weekStart)), Infinity);
  const { starts, partial } = timeline(first, lastDay, o);
  const customers: RefCustomer[] = kept.map((r) => {
    const cancel = r.cancelDay !== null && r.cancelDay <= lastDay ? r.cancelDay : null;
    const activeIn = new Set<number>();
    const revenueIn = new Map<number, number>();
    for (const s of starts) {
      const periodEnd = nextStart(s, o) - 1;
      if (r.signupDay <= periodEnd && (cancel === null || cancel > periodEnd)) {
        activeIn.add(s);
        if (typeof r.revenue === 'number') revenueIn.set(s, r.revenue);
      }
    }
    return { cohort: refPeriodStart(r.signupDay, o.unit, o.weekStart), activeIn, revenueIn };
  });
  const hasRevenue = rows.some((r) => r.revenue !== undefined);
  const revenueFromPrevious = (p: number) =>
    p === 0 ? 0 : customers.filter((c) => c.activeIn.has(starts[p - 1])).reduce((sum, c) => sum + (c.revenueIn.get(starts[p]) ?? 0), 0);
  return tables(customers, starts, partial, hasRevenue, 'table', o.mode, revenueFromPrevious);
}
