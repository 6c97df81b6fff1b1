// The monthly cohort matrix in customers as every contestant reports it: "YYYY-MM|k" → customers of the
// cohort of month YYYY-MM active k months later. Zero cells may be left out. A race starts only when
// every contestant's matrix equals the bundle's.

export type CohortCounts = Map<string, number>;

export const cellKey = (cohort: string, offset: number): string => `${cohort}|${offset}`;

/** Month label of a month index y·12 + (m − 1). */
export function monthLabel(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** The =COHORTS spill (header, then [cohort start Date, size, count at 0, 1, …]) read in `zone`. */
export function fromCohortsSpill(grid: unknown[][], zone: string): CohortCounts {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const out: CohortCounts = new Map();
  for (const row of grid.slice(1)) {
    if (typeof row[1] !== 'number') continue; // a note row about skipped rows
    const label = month.format(row[0] as Date);
    for (let k = 2; k < row.length; k++) {
      const v = row[k];
      if (typeof v === 'number' && v !== 0) out.set(cellKey(label, k - 2), v);
    }
  }
  return out;
}

/** Null when equal, else the first cell that differs, in words. */
export function differences(expected: CohortCounts, actual: CohortCounts): string | null {
  for (const [key, v] of expected) if ((actual.get(key) ?? 0) !== v) return `${key}: ${v} expected, ${actual.get(key) ?? 0} found`;
  for (const [key, v] of actual) if (v !== 0 && !expected.has(key)) return `${key}: 0 expected, ${v} found`;
  if (expected.size === 0) return 'the matrix is empty';
  return null;
}
