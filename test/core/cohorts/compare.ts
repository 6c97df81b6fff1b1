/** Cell-by-cell comparison of engine tables with reference results, listing every difference. */
import type { CohortMatrices, CohortOptions, CohortTables } from '../../../src/core/cohorts/index';
import type { RefOptions, RefResult, Unit } from './reference';

/** The zones and period schemes the reference comparisons run in. */
export const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Prague'];
export const SCHEMES: { unit: Unit; weekStart: 'monday' | 'sunday' }[] = [
  { unit: 'week', weekStart: 'monday' },
  { unit: 'week', weekStart: 'sunday' },
  { unit: 'month', weekStart: 'monday' },
  { unit: 'quarter', weekStart: 'monday' },
  { unit: 'year', weekStart: 'monday' },
];

/** The engine's options for the same question the reference is asked. */
export function both(o: RefOptions): CohortOptions {
  return { period: o.unit, weekStart: o.weekStart, mode: o.mode, asOfDay: o.asOfDay ?? null, segment: o.segment ?? null };
}

function near(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'number' || typeof b !== 'number') return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function compareGrid(name: string, actual: (number | null)[][] | null, expected: (number | null)[][] | null, out: string[]): void {
  if ((actual === null) !== (expected === null)) {
    out.push(`${name}: ${actual === null ? 'missing' : 'unexpected'}`);
    return;
  }
  if (!actual || !expected) return;
  if (actual.length !== expected.length) out.push(`${name}: ${actual.length} rows, expected ${expected.length}`);
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    if (actual[i].length !== expected[i].length) out.push(`${name}[${i}]: ${actual[i].length} cells, expected ${expected[i].length}`);
    for (let k = 0; k < expected[i].length; k++) {
      if (!near(actual[i][k], expected[i][k])) out.push(`${name}[${i}][${k}] = ${actual[i][k]}, expected ${expected[i][k]}`);
    }
  }
}

function compareRecords(name: string, actual: object[], expected: object[], out: string[]): void {
  if (actual.length !== expected.length) out.push(`${name}: ${actual.length} rows, expected ${expected.length}`);
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    for (const [key, want] of Object.entries(expected[i])) {
      const got = (actual[i] as Record<string, unknown>)[key];
      if (!near(got, want)) out.push(`${name}[${i}].${key} = ${String(got)}, expected ${String(want)}`);
    }
  }
}

/** Differences between the matrices (and, for full tables, per-period rows and value), as text. */
export function differences(actual: CohortMatrices | CohortTables, expected: RefResult): string[] {
  const out: string[] = [];
  compareRecords('cohorts', actual.cohorts.map((c) => ({ startDay: c.startDay, size: c.size })), expected.cohorts, out);
  compareGrid('counts', actual.counts, expected.counts, out);
  compareGrid('retention', actual.retention, expected.retention, out);
  compareGrid('revenue', actual.revenue, expected.revenue, out);
  compareGrid('average', [actual.average], [expected.average], out);
  if ('perPeriod' in actual) {
    compareRecords('perPeriod', actual.perPeriod, expected.perPeriod, out);
    compareRecords('value', actual.value, expected.value, out);
  }
  return out.slice(0, 40);
}
