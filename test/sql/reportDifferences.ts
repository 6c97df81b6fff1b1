/** Every difference between two CohortReports, as text: counts exactly, money to 1e-9 relative. */
import type { CohortReport, CohortTables } from '../../src/core/cohorts/index';

function near(a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function walk(path: string, a: unknown, b: unknown, out: string[]): void {
  if (out.length >= 30) return;
  if (Array.isArray(b) || (b !== null && typeof b === 'object')) {
    if (typeof a !== 'object' || a === null || Array.isArray(a) !== Array.isArray(b)) {
      out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)}, expected ${JSON.stringify(b)?.slice(0, 80)}`);
      return;
    }
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) out.push(`${path}: ${a.length} entries, expected ${b.length}`);
    for (const k of keys) walk(`${path}.${k}`, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], out);
    return;
  }
  if (!near(a, b)) out.push(`${path} = ${String(a)}, expected ${String(b)}`);
}

function tables(t: CohortTables) {
  return { cohorts: t.cohorts, offsets: t.offsets, counts: t.counts, retention: t.retention, revenue: t.revenue, average: t.average, perPeriod: t.perPeriod, value: t.value };
}

/** Compares what the layouts read; the skipped-row report is compared separately (SQL knows no sheet rows). */
export function reportDifferences(actual: CohortReport, expected: CohortReport): string[] {
  const out: string[] = [];
  walk('options', actual.options, expected.options, out);
  walk('periods', actual.periods, expected.periods, out);
  walk('lastDay', actual.lastDay, expected.lastDay, out);
  walk('hasRevenue', actual.hasRevenue, expected.hasRevenue, out);
  walk('total', tables(actual.total), tables(expected.total), out);
  walk('segments', actual.segments.map((s) => ({ name: s.name, ...tables(s.tables) })), expected.segments.map((s) => ({ name: s.name, ...tables(s.tables) })), out);
  return out;
}
