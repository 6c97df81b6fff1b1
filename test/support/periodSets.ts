/**
 * An independent count of the per-period table of a transaction log, written differently from the
 * engine: it imports nothing from src/ (its calendar is Intl + Date.UTC), keeps for every period the
 * Set of active customer ids, and takes S, E, New, Returning and Lost as set sizes and differences.
 *
 *   purchase      a row whose amount is not negative (unless refunds count as activity)
 *   active(p)     ids with a purchase in one of the periods p − K + 1 … p
 *   S = |active(p − 1)|, E = |active(p)|, New = ids whose first purchase is in p,
 *   Returning = active(p) − active(p − 1) − New, Lost = active(p − 1) − active(p)
 */

export type SetUnit = 'week' | 'month' | 'quarter' | 'year';

export interface SetRow {
  id: string | number;
  date: Date;
  amount?: number | '';
}

export interface SetPeriod {
  /** The period's first day as [year, month, day]. */
  first: [number, number, number];
  label: string;
  partial: boolean;
  start: number;
  newCustomers: number;
  returning: number;
  end: number;
  lost: number;
  crr: number | null;
  churn: number | null;
  revenue: number | null;
  revenueRetention: number | null;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day [y, m, d] an instant falls on in a zone, from Intl's own parts. */
export function civilDayIn(date: Date, zone: string): [number, number, number] {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, f);
  }
  const part = (type: string) => Number(f!.formatToParts(date).find((p) => p.type === type)!.value);
  return [part('year'), part('month'), part('day')];
}

const DAY_MS = 86_400_000;
const ordinal = ([y, m, d]: [number, number, number]) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const civil = (n: number): [number, number, number] => {
  const t = new Date(n * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/** A number per period, consecutive periods consecutive numbers. ISO weeks start on Monday. */
function periodKey(day: [number, number, number], unit: SetUnit): number {
  const [y, m] = day;
  if (unit === 'year') return y;
  if (unit === 'quarter') return y * 4 + Math.floor((m - 1) / 3);
  if (unit === 'month') return y * 12 + (m - 1);
  const weekday = new Date(ordinal(day) * DAY_MS).getUTCDay(); // 0 Sunday … 6 Saturday
  const monday = ordinal(day) - ((weekday + 6) % 7);
  return monday / 7; // Mondays are 7 apart; any fixed offset is fine for a key
}

function firstDayOf(key: number, unit: SetUnit): [number, number, number] {
  if (unit === 'year') return [key, 1, 1];
  if (unit === 'quarter') return [Math.floor(key / 4), (key % 4) * 3 + 1, 1];
  if (unit === 'month') return [Math.floor(key / 12), (key % 12) + 1, 1];
  return civil(key * 7);
}

function lastDayOf(key: number, unit: SetUnit): [number, number, number] {
  return civil(ordinal(firstDayOf(key + 1, unit)) - 1);
}

function labelOf(key: number, unit: SetUnit): string {
  const [y, m] = firstDayOf(key, unit);
  const two = (n: number) => String(n).padStart(2, '0');
  if (unit === 'year') return String(y);
  if (unit === 'quarter') return `${y}-Q${(key % 4) + 1}`;
  if (unit === 'month') return `${y}-${two(m)}`;
  // ISO week: the year and week of the week's Thursday.
  const thursday = civil(key * 7 + 3);
  const jan1 = ordinal([thursday[0], 1, 1]);
  return `${thursday[0]}-W${two(Math.floor((ordinal(thursday) - jan1) / 7) + 1)}`;
}

export interface SetOptions {
  zone: string;
  unit: SetUnit;
  lapseAfter: number;
  refundsAreActivity?: boolean;
}

export function periodSets(rows: SetRow[], o: SetOptions): SetPeriod[] {
  const days = rows.map((r) => civilDayIn(r.date, o.zone));
  const keyed = rows.map((r, i) => ({ ...r, key: periodKey(days[i], o.unit), who: `${typeof r.id}:${r.id}` }));
  const isPurchase = (r: SetRow) => o.refundsAreActivity || !(typeof r.amount === 'number' && r.amount < 0);
  const lastDay = days.reduce((m, d) => Math.max(m, ordinal(d)), -Infinity);
  const lastKey = periodKey(civil(lastDay), o.unit);

  const boughtIn = new Map<number, Set<string>>(); // period → ids with a purchase in it
  const firstOf = new Map<string, number>();
  for (const r of keyed) {
    if (!isPurchase(r)) continue;
    const k = r.key;
    const id = r.who;
    if (!boughtIn.has(k)) boughtIn.set(k, new Set());
    boughtIn.get(k)!.add(id);
    if (!firstOf.has(id) || k < firstOf.get(id)!) firstOf.set(id, k);
  }
  const firstKey = [...firstOf.values()].reduce((m, k) => Math.min(m, k), Infinity);
  const activeIn = (p: number): Set<string> => {
    const out = new Set<string>();
    for (let q = p - o.lapseAfter + 1; q <= p; q++) for (const id of boughtIn.get(q) ?? []) out.add(id);
    return out;
  };
  const hasAmounts = rows.some((r) => r.amount !== undefined);
  // Revenue of period p from the ids in `who` (all ids when null); a refund before its customer's first purchase belongs nowhere.
  const revenueIn = (p: number, who: Set<string> | null): number => {
    let sum = 0;
    for (const r of keyed) {
      if (typeof r.amount !== 'number' || r.key !== p) continue;
      const first = firstOf.get(r.who);
      if (first === undefined || first > p) continue;
      if (who && !who.has(r.who)) continue;
      sum += r.amount;
    }
    return sum;
  };

  const out: SetPeriod[] = [];
  let before = new Set<string>();
  for (let p = firstKey; p <= lastKey; p++) {
    const now = activeIn(p);
    const fresh = new Set([...firstOf].filter(([, k]) => k === p).map(([id]) => id));
    const returning = [...now].filter((id) => !before.has(id) && !fresh.has(id));
    const lost = [...before].filter((id) => !now.has(id));
    const S = before.size;
    const previousRevenue = p > firstKey ? revenueIn(p - 1, null) : 0;
    out.push({
      first: firstDayOf(p, o.unit),
      label: labelOf(p, o.unit),
      partial: p === lastKey && ordinal(lastDayOf(p, o.unit)) > lastDay,
      start: S,
      newCustomers: fresh.size,
      returning: returning.length,
      end: now.size,
      lost: lost.length,
      crr: S > 0 ? (now.size - fresh.size - returning.length) / S : null,
      churn: S > 0 ? lost.length / S : null,
      revenue: hasAmounts ? revenueIn(p, null) : null,
      revenueRetention: hasAmounts && p > firstKey && previousRevenue > 0 ? revenueIn(p, before) / previousRevenue : null,
    });
    before = now;
  }
  return out;
}

/** Refund rows dated before their customer's first purchase (or of a customer with none): they fit no cohort. */
export function refundsBeforeFirstPurchase(rows: SetRow[], o: SetOptions): number {
  if (o.refundsAreActivity) return 0;
  const keyOf = (r: SetRow) => periodKey(civilDayIn(r.date, o.zone), o.unit);
  const isRefund = (r: SetRow) => typeof r.amount === 'number' && r.amount < 0;
  const first = new Map<string, number>();
  for (const r of rows) {
    if (isRefund(r)) continue;
    const id = `${typeof r.id}:${r.id}`;
    first.set(id, Math.min(first.get(id) ?? Infinity, keyOf(r)));
  }
  return rows.filter((r) => isRefund(r) && !(keyOf(r) >= (first.get(`${typeof r.id}:${r.id}`) ?? Infinity))).length;
}

export interface SetCohort {
  first: [number, number, number];
  size: number;
  /** Per offset k: customers of the cohort active in period cohort + k (with the window); null past the data. */
  active: (number | null)[];
}

/** The cohort matrix ("in" mode) by the same sets: cohort = period of the first purchase. */
export function cohortSets(rows: SetRow[], o: SetOptions): SetCohort[] {
  const days = rows.map((r) => civilDayIn(r.date, o.zone));
  const lastKey = periodKey(civil(days.reduce((m, d) => Math.max(m, ordinal(d)), -Infinity)), o.unit);
  const isPurchase = (r: SetRow) => o.refundsAreActivity || !(typeof r.amount === 'number' && r.amount < 0);
  const bought = new Map<string, Set<number>>();
  rows.forEach((r, i) => {
    if (!isPurchase(r)) return;
    const id = `${typeof r.id}:${r.id}`;
    if (!bought.has(id)) bought.set(id, new Set());
    bought.get(id)!.add(periodKey(days[i], o.unit));
  });
  const cohortOf = new Map([...bought].map(([id, ks]) => [id, Math.min(...ks)]));
  const firstKey = Math.min(...cohortOf.values());
  const width = lastKey - firstKey + 1;
  const out: SetCohort[] = [];
  for (let c = firstKey; c <= lastKey; c++) {
    const members = [...cohortOf].filter(([, k]) => k === c).map(([id]) => id);
    if (members.length === 0) continue;
    const active: (number | null)[] = [];
    for (let k = 0; k < width; k++) {
      const p = c + k;
      if (p > lastKey) active.push(null);
      else active.push(members.filter((id) => [...bought.get(id)!].some((q) => q > p - o.lapseAfter && q <= p)).length);
    }
    out.push({ first: firstDayOf(c, o.unit), size: members.length, active });
  }
  return out;
}
