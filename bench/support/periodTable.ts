// The monthly per-period table as every contestant of the =RETENTION_BY_PERIOD race reports it: month
// label "YYYY-MM" → S, N, returning, E, lost and revenue. A race starts only when the contestants agree.

export interface PeriodCounts {
  start: number;
  newCustomers: number;
  returning: number;
  end: number;
  lost: number;
  revenue: number;
}

export type PeriodTable = Map<string, PeriodCounts>;

/**
 * The =RETENTION_BY_PERIOD spill read by position (headers are in the spreadsheet's language): period
 * start Date, label, S, N, returning, E, lost, CRR, churn, revenue, …; a note row (text first) is skipped.
 */
export function fromPeriodSpill(grid: unknown[][], zone: string): PeriodTable {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const out: PeriodTable = new Map();
  for (const row of grid.slice(1)) {
    if (typeof row[0] !== 'object' || row[0] === null || typeof row[2] !== 'number') continue; // a Date of the bundle's realm
    const n = (k: number) => Number(row[k]);
    out.set(month.format(row[0] as Date), { start: n(2), newCustomers: n(3), returning: n(4), end: n(5), lost: n(6), revenue: n(9) });
  }
  return out;
}

/** Null when equal (counts exactly, revenue to 1e-9 relative: sums in another order), else the first difference. */
export function periodDifferences(expected: PeriodTable, actual: PeriodTable): string | null {
  if (expected.size === 0) return 'the table is empty';
  for (const [label, e] of expected) {
    const a = actual.get(label);
    if (!a) return `${label}: missing`;
    for (const key of ['start', 'newCustomers', 'returning', 'end', 'lost'] as const) {
      if (a[key] !== e[key]) return `${label} ${key}: ${e[key]} expected, ${a[key]} found`;
    }
    if (!(Math.abs(a.revenue - e.revenue) <= 1e-9 * Math.max(1, Math.abs(e.revenue)))) return `${label} revenue: ${e.revenue} expected, ${a.revenue} found`;
  }
  for (const label of actual.keys()) if (!expected.has(label)) return `${label}: not expected`;
  return null;
}
