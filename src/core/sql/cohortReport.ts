/**
 * The cohort query's result rows → the CohortReport the in-sheet engine produces, through the
 * engine's own code from the cube on (matrices, per-period rows, value per cohort), so the same
 * layouts write the same sheets whichever engine counted.
 */
import { UserError } from '../errors';
import { valueMessage } from '../cells';
import { msg } from '../../i18n/catalogue';
import { allOf } from '../../i18n/messages';
import { skippedRowsMessage, type CohortReport, type CohortTables, type SkipReason, type SkippedRows, type RowTally, type NoteReason } from '../cohorts';
import { emptyCube, groupCube, suffixSums, type CohortCube } from '../cohorts/cube';
import { groupCustomers } from '../cohorts/grouping';
import { cohortMatrices, firstCohort } from '../cohorts/matrices';
import { resolveCohortOptions } from '../cohorts/options';
import { noPurchasesError } from '../cohorts/report';
import { LAPSE_TARGET, smallestCovering, type LapseSuggestion } from '../cohorts/lapseSuggestion';
import { periodAxis, periodInfo, type PeriodAxis, type PeriodInfo } from '../cohorts/periodAxis';
import { periodRows } from '../cohorts/periodRows';
import { cohortValues } from '../cohorts/cohortValue';
import type { SqlCohortSettings } from './cohortQuery';
import { RESULT_COLUMNS } from './resultColumns';

export interface CohortResultRow {
  kind: string;
  label: string | null;
  cohort: number | null;
  period: number | null;
  customers: number | null;
  continuing: number | null;
  ended: number | null;
  revenue: number | null;
  retained: number | null;
}

/** Result values as any client hands them (BigQuery's REST API: strings; DuckDB: bigint, number) → typed rows. */
export function cohortResultRows(values: readonly (readonly unknown[])[]): CohortResultRow[] {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return values.map((r) => {
    const o: Record<string, unknown> = {};
    RESULT_COLUMNS.forEach((c, i) => (o[c] = c === 'kind' || c === 'label' ? (r[i] === null || r[i] === undefined ? null : String(r[i])) : num(r[i])));
    return o as unknown as CohortResultRow;
  });
}

/** How the columns are named in messages ("column order_date", …). */
export interface ResultColumnNames {
  id: string;
  /** The date column of a log, the signup column of a table. */
  date: string;
  /** The amount column of a log, the revenue column of a table. */
  amount: string | null;
  /** A table's cancel column. */
  cancel?: string | null;
}

const SKIP_ORDER: string[] = [
  'blank row', 'blank id', 'repeated header', 'blank date', 'not a date', 'cancel not a date', 'cancel before signup', 'bad amount', 'duplicate customer', 'refund before first purchase', 'after as-of day', // i18n-exempt: reason codes of the queries' result rows
];

/** Reasons a sheet tallies after reading (logCube.ts), in its order, after every reason found while reading. */
const COMPUTED_REASONS = ['after as-of day', 'refund before first purchase']; // i18n-exempt: reason codes
/** Kept rows' notes in the sheet's order: read with the rows (padded ids), then computed (refunds). */
const NOTE_ORDER = ['padded id', 'placeholder cancel date', 'negative amount']; // i18n-exempt: reason codes

/**
 * The skipped rows as a sheet tallies them. With the rows' numbers known (a file's lines: skippedRowsQuery), the
 * reasons found while reading come in the order of their first rows, as a sheet meets them; `firstValues` holds the
 * cell a note quotes for a reason ("e.g. "soon""), as text.
 */
function tallies(rows: CohortResultRow[], names: ResultColumnNames, firstRows: Readonly<Record<string, readonly number[]>>, firstValues: Readonly<Record<string, string>>): SkippedRows {
  const columnOf = (reason: string) =>
    reason === 'blank row' || reason === 'repeated header' ? '' // as the sheet tallies these rows: no one column
      : reason === 'blank id' || reason === 'duplicate customer' || reason === 'padded id' ? names.id
        : reason === 'bad amount' || reason === 'negative amount' || reason === 'refund before first purchase' ? (names.amount ?? 'amount')
          : reason === 'cancel not a date' || reason === 'cancel before signup' || reason === 'placeholder cancel date' ? (names.cancel ?? names.date) // i18n-exempt: reason codes
            : names.date;
  // The query tells a cancel date that is not a date apart; the report counts it as "not a date" of that column.
  const tally = <R extends string>(label: string, count: number): RowTally<R> =>
    ({ reason: (label === 'cancel not a date' ? 'not a date' : label) as R, // i18n-exempt: a reason code
      column: columnOf(label), count, firstRows: [...(firstRows[label] ?? [])], firstValue: label in firstValues ? valueMessage(firstValues[label]) : null });
  const group = (label: string) => COMPUTED_REASONS.indexOf(label) + 1;
  const firstRow = (label: string) => firstRows[label]?.[0] ?? Infinity;
  const reasons = rows
    .filter((r) => r.kind === 'skip' && (r.customers ?? 0) > 0)
    .sort((a, b) => group(a.label!) - group(b.label!) || firstRow(a.label!) - firstRow(b.label!) || SKIP_ORDER.indexOf(a.label!) - SKIP_ORDER.indexOf(b.label!))
    .map((r) => tally<SkipReason>(r.label!, r.customers!));
  const notes = rows
    .filter((r) => r.kind === 'note' && (r.customers ?? 0) > 0)
    .sort((a, b) => NOTE_ORDER.indexOf(a.label!) - NOTE_ORDER.indexOf(b.label!))
    .map((r) => tally<NoteReason>(r.label!, r.customers!));
  return { total: reasons.reduce((s, t) => s + t.count, 0), reasons, notes, headerRow: null, headerText: null, rowsOfRange: false };
}

export interface SqlCohortReport {
  report: CohortReport;
  /** Rows in the table (or the saved query's result), usable or not. */
  rowsRead: number;
}

/**
 * A log's suggested lapse window in the query's period unit, from its 'gap' rows: the smallest K within
 * which 80 % of returns came, as the sheet source suggests it (lapseSuggestion.ts); null without returns.
 */
export function lapseSuggestionFromRows(rows: CohortResultRow[]): LapseSuggestion | null {
  const distances = new Map<number, number>();
  let returns = 0;
  for (const r of rows) {
    if (r.kind !== 'gap' || r.cohort === null || !r.customers) continue;
    distances.set(r.cohort, r.customers);
    returns += r.customers;
  }
  return returns === 0 ? null : smallestCovering(distances, returns, LAPSE_TARGET);
}

/**
 * `shape` 'table' reads tableQuery.ts's rows; `today` is its settings' day to stop at without an
 * as-of day (the report is then as of today when the table holds later dates). `firstRows`: per skip reason, the
 * sheet rows of its first skipped rows where the engine knows them (skippedRowsQuery), named in the note; `firstValues`:
 * per reason, the first such row's cell a note quotes.
 */
export function cohortReportFromRows(
  rows: CohortResultRow[],
  s: SqlCohortSettings,
  hasAmount: boolean,
  names: ResultColumnNames,
  shape: 'log' | 'table' = 'log',
  today: number | null = null,
  firstRows: Readonly<Record<string, readonly number[]>> = {},
  firstValues: Readonly<Record<string, string>> = {},
): SqlCohortReport {
  const bounds = rows.find((r) => r.kind === 'bounds');
  const skipped = tallies(rows, names, firstRows, firstValues);
  const rowsRead = bounds?.customers ?? 0;
  if (!bounds || bounds.cohort === null || bounds.period === null) {
    const used = [names.id, names.date, names.amount, names.cancel].filter((n): n is string => !!n);
    throw new UserError(rowsRead === 0
      ? msg('input.empty', { count: used.length, columns: allOf(used) })
      : msg('input.allSkipped', { skipped: skippedRowsMessage(skipped) ?? '' }));
  }
  const hasSegments = rows.some((r) => r.kind === 'segment');
  const segmentNames = hasSegments ? rows.filter((r) => r.kind === 'segment').map((r) => r.label!) : null;
  const asOfDay = s.asOfDay ?? (shape === 'table' && today !== null && bounds.period > today ? today : null);
  const opts = resolveCohortOptions(
    {
      period: s.period, weekStart: s.weekStart, mode: s.mode, asOfDay, segment: s.segment, bySegment: s.bySegment,
      lapseAfter: shape === 'log' ? s.lapseAfter : 1, refundsAreActivity: s.refundsAreActivity,
    },
    shape,
    segmentNames,
  );
  const axis = periodAxis(bounds.cohort, asOfDay ?? bounds.period, { unit: opts.period, weekStart: opts.weekStart });
  const P = axis.count;
  // As the engine says it: every row up to the last day is a refund, so there is nobody to count.
  if (shape === 'log' && bounds.continuing === 0) throw noPurchasesError(names.amount ?? 'amount', opts.asOfDay !== null);
  // One pseudo-customer per segment name gives the engine's group of each segment, in its order.
  const grouping = groupCustomers(segmentNames ? Int32Array.from(segmentNames.keys()) : null, segmentNames, opts, P);
  const groupOfLabel = (label: string | null): number => {
    if (!grouping.of || !segmentNames) return 0;
    const i = segmentNames.indexOf(label ?? '');
    return i < 0 ? -1 : grouping.of[i];
  };
  const cube = emptyCube(grouping.count, P, { continuing: true, reach: opts.mode === 'in-or-after', revenue: true }, hasAmount);
  fillCube(cube, rows, axis, groupOfLabel);
  const total = groupCube(cube, 'all');
  const first = Math.max(firstCohort(total), 0);
  const periods: PeriodInfo[] = [];
  for (let p = first; p < P; p++) periods.push(periodInfo(axis, p));
  const tables = (c: CohortCube): CohortTables => ({
    ...cohortMatrices(c, axis, opts.mode),
    perPeriod: periodRows(c, axis, opts.lapseAfter),
    value: cohortValues(c, axis),
  });
  const report: CohortReport = {
    options: opts,
    periods,
    lastDay: axis.lastDay,
    hasRevenue: cube.revenue !== null,
    total: tables(total),
    segments: (grouping.names ?? []).map((name, g) => ({ name, tables: tables(groupCube(cube, g)) })),
    skipped,
  };
  return { report, rowsRead };
}

function fillCube(cube: CohortCube, rows: CohortResultRow[], axis: PeriodAxis, groupOf: (label: string | null) => number): void {
  const P = cube.periods;
  const relative = (period: number | null) => {
    const p = (period ?? NaN) - axis.firstPeriod;
    if (!(p >= 0 && p < P)) throw new Error(`query returned period ${period} outside ${axis.firstPeriod} … ${axis.firstPeriod + P - 1}`); // i18n-exempt: a programming error (an Error, not a UserError)
    return p;
  };
  for (const r of rows) {
    if (r.kind !== 'size' && r.kind !== 'cell' && r.kind !== 'run') continue;
    const g = groupOf(r.label);
    if (g < 0) continue;
    const c = relative(r.cohort);
    if (r.kind === 'size') {
      cube.size[g * P + c] += r.customers ?? 0;
      continue;
    }
    if (r.kind === 'run') {
      // A table's customers active at the end of every period from c to the run's last.
      const last = (r.period ?? NaN) - axis.firstPeriod; // may be c − 1: cancelled in the signup period
      for (let p = c; p <= last && p < P; p++) {
        const cell = (g * P + c) * P + p;
        cube.active[cell] += r.customers ?? 0;
        if (cube.revenue) cube.revenue[cell] += r.revenue ?? 0;
        if (p > c && cube.continuing) cube.continuing[cell] += r.customers ?? 0;
        if (p > c && cube.retained) cube.retained[cell] += r.revenue ?? 0;
      }
      continue;
    }
    const cell = (g * P + c) * P + relative(r.period);
    cube.active[cell] += r.customers ?? 0;
    if (cube.continuing) cube.continuing[cell] += r.continuing ?? 0;
    if (cube.reach) cube.reach[cell] += r.ended ?? 0;
    if (cube.revenue) cube.revenue[cell] += r.revenue ?? 0;
    if (cube.retained) cube.retained[cell] += r.retained ?? 0;
  }
  if (cube.reach) {
    if (rows.some((r) => r.kind === 'run')) cube.reach.set(cube.active); // a table's "in or after" is "in"
    else suffixSums(cube.reach, cube.groups * P, P);
  }
}
