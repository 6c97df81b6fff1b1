// One computation timed over a series of sizes: best of N runs per size, what one call allocates and
// the full collections during the timed calls, printed with the goals of issue 12 (linear cost, at
// most ~50 bytes per row beyond the input, no full GC caused by the call).
import { allocatedBy, count, mb, ms, race, ratio, timed } from './race';

export interface SeriesPoint {
  rows: number;
  best: number;
  bestCpu: number;
  bytes: number;
  collections: number;
  fullGcs: number;
}

/** `prepare(rows)` builds the input (not timed) and returns the call to time. */
export async function measureSeries(sizes: number[], rounds: (rows: number) => number, prepare: (rows: number) => Promise<() => unknown>): Promise<SeriesPoint[]> {
  const points: SeriesPoint[] = [];
  for (const rows of sizes) {
    let call: (() => unknown) | null = await prepare(rows);
    const timing = (await race([{ name: 'call', measure: timed(call) }], rounds(rows))).get('call')!;
    const a = await allocatedBy(call);
    points.push({ rows, best: timing.best, bestCpu: timing.bestCpu, bytes: a.bytes, collections: a.collections, fullGcs: timing.fullGcs });
    call = null; // the input goes before the next size is built
  }
  return points;
}

export function printSeries(points: SeriesPoint[], rounds: (rows: number) => number): void {
  console.log(`  ${'rows'.padStart(10)}  ${'wall'.padStart(9)}  ${'per row'.padStart(8)}  ${'CPU'.padStart(9)}  ${'of'.padStart(3)}  full GCs  allocated by one call`);
  for (const p of points) {
    const perRow = `${((p.best * 1e6) / p.rows).toFixed(0)} ns`;
    const alloc = `${mb(p.bytes)} (${Math.round(p.bytes / p.rows)} B/row${p.collections ? `; ${p.collections} collections during it` : ''})`;
    console.log(`  ${count(p.rows).padStart(10)}  ${ms(p.best).padStart(9)}  ${perRow.padStart(8)}  ${ms(p.bestCpu).padStart(9)}  ${String(rounds(p.rows)).padStart(3)}  ${String(p.fullGcs).padStart(8)}  ${alloc}`);
  }
  const base = points.find((p) => p.rows === 1_000_000);
  const largest = points[points.length - 1];
  const goals: string[] = [];
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  if (base && largest.rows > base.rows) {
    const r = largest.best / largest.rows / (base.best / base.rows);
    const c = largest.bestCpu / largest.rows / (base.bestCpu / base.rows);
    goals.push(`cost per row at ${count(largest.rows)} ÷ at 1,000,000 rows: ${ratio(r)} (CPU ${ratio(c)}) — linear, goal ≤ 1.20×: ${met(r <= 1.2)}`);
  }
  for (const p of points.filter((x) => x.rows >= 1_000_000)) {
    goals.push(`allocation at ${count(p.rows)} rows: ${Math.round(p.bytes / p.rows)} B/row (goal ≤ ~50: ${met(p.bytes / p.rows <= 55)}); full GCs: ${p.fullGcs} (goal 0: ${met(p.fullGcs === 0)})`);
  }
  for (const g of goals) console.log(`  ${g}`);
}
