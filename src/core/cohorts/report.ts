import type { DayNumber } from '../calendar';
import { msg } from '../../i18n/catalogue';
import { commaList, date, typed, type Param } from '../../i18n/messages';
import { UserError } from '../errors';
import { groupCube, type CohortCube, type CubeNeeds } from './cube';
import { groupCustomers, type Grouping } from './grouping';
import { logCube, logCustomers } from './logCube';
import { cohortMatrices, firstCohort, type CohortMatrices } from './matrices';
import { resolveCohortOptions, type CohortOptions, type ResolvedCohortOptions } from './options';
import { periodAxis, periodInfo, type PeriodAxis, type PeriodInfo } from './periodAxis';
import type { TransactionLog } from './parseLog';
import type { CustomerTable } from './parseTable';
import { cohortValues, type CohortValue } from './cohortValue';
import { periodRows, type PeriodRow } from './periodRows';
import { mergeSkippedRows, type SkippedRows } from './skippedRows';
import { tableCube, tableCustomers } from './tableCube';

export type CohortData = TransactionLog | CustomerTable;

/** Every table of the report for one group of customers (everyone, one segment…). */
export interface CohortTables extends CohortMatrices {
  perPeriod: PeriodRow[];
  value: CohortValue[];
}

export interface CohortResult<T> {
  options: ResolvedCohortOptions;
  /** Every period from the first cohort to the last observable one; the last may be partial. */
  periods: PeriodInfo[];
  /** The last observable day: the as-of day, or else the last date in the data. */
  lastDay: DayNumber;
  /** The data has an amount (log) or revenue (table) column: revenue tables are filled. */
  hasRevenue: boolean;
  /** All customers, or only those of the chosen segment. */
  total: T;
  /** One entry per segment (natural name order, "(blank)" last) when broken down by segment. */
  segments: { name: string; tables: T }[];
  skipped: SkippedRows;
}

export type CohortReport = CohortResult<CohortTables>;
export type CohortMatrixReport = CohortResult<CohortMatrices>;

/** What =COHORTS needs: the cohort matrices only. */
export function computeCohortMatrices(data: CohortData, options: CohortOptions = {}): CohortMatrixReport {
  const opts = resolveCohortOptions(options, data.kind, data.segmentNames);
  const needs: CubeNeeds = { continuing: false, reach: opts.mode === 'in-or-after', revenue: true };
  return assemble(data, opts, needs, (cube, axis) => cohortMatrices(cube, axis, opts.mode));
}

/** The sidebar report: matrices, per-period rows and value per cohort. */
export function computeCohortReport(data: CohortData, options: CohortOptions = {}): CohortReport {
  const opts = resolveCohortOptions(options, data.kind, data.segmentNames);
  const needs: CubeNeeds = { continuing: true, reach: opts.mode === 'in-or-after', revenue: true };
  return assemble(data, opts, needs, (cube, axis) => ({
    ...cohortMatrices(cube, axis, opts.mode),
    perPeriod: periodRows(cube, axis, opts.lapseAfter),
    value: cohortValues(cube, axis),
  }));
}

function assemble<T>(
  data: CohortData,
  opts: ResolvedCohortOptions,
  needs: CubeNeeds,
  tables: (cube: CohortCube, axis: PeriodAxis) => T,
): CohortResult<T> {
  const scheme = { unit: opts.period, weekStart: opts.weekStart };
  const axis = periodAxis(data.firstDay, opts.asOfDay ?? data.lastDay, scheme, (day) => rowsHolding(data, day));
  const { cube, grouping, skipped } = buildCube(data, axis, opts, needs);
  const total = groupCube(cube, 'all');
  const first = Math.max(firstCohort(total), 0);
  const periods: PeriodInfo[] = [];
  for (let p = first; p < axis.count; p++) periods.push(periodInfo(axis, p));
  return {
    options: opts,
    periods,
    lastDay: axis.lastDay,
    hasRevenue: cube.revenue !== null,
    total: tables(total, axis),
    segments: (grouping.names ?? []).map((name, g) => ({ name, tables: tables(groupCube(cube, g), axis) })),
    skipped: mergeSkippedRows(parseTimeReport(data), skipped),
  };
}

// A log's refunds are tallied again at compute time (kept, or skipped when they fit no cohort), with
// the as-of day applied, so the parse-time note would count them twice.
function parseTimeReport(data: CohortData): SkippedRows {
  if (data.kind !== 'log') return data.skipped;
  return { ...data.skipped, notes: data.skipped.notes.filter((n) => n.reason !== 'negative amount') };
}

function buildCube(data: CohortData, axis: PeriodAxis, opts: ResolvedCohortOptions, needs: CubeNeeds): { cube: CohortCube; grouping: Grouping; skipped: SkippedRows } {
  if (data.kind === 'log') {
    const people = logCustomers(data, axis, opts);
    if (!people.cohort.some((c) => c >= 0)) throw noPurchases(data, opts);
    const grouping = groupCustomers(people.segment, data.segmentNames, opts, axis.count);
    return { cube: logCube(data, axis, people, grouping, needs, opts), grouping, skipped: people.tallies.report() };
  }
  const people = tableCustomers(data, axis);
  const grouping = groupCustomers(data.segment, data.segmentNames, opts, axis.count);
  return { cube: tableCube(data, axis, people, grouping, needs), grouping, skipped: people.tallies.report() };
}

// Every row on or before the last day is a refund: without purchases there are no cohorts.
function noPurchases(log: TransactionLog, opts: ResolvedCohortOptions): UserError {
  return noPurchasesError(log.amountColumnName ?? 'amount', opts.asOfDay !== null);
}

/** A log whose usable rows up to the last day are all refunds (also said by the SQL engine's report). */
export function noPurchasesError(amountColumn: string, asOfDay: boolean): UserError {
  return new UserError(msg(asOfDay ? 'input.noPurchasesAsOf' : 'input.noPurchases', { column: amountColumn }));
}

// "Jan 5, 2024 (row 7)" or "… (rows 7, 9, …)": a day and where it occurs, for a message about a suspicious date.
function rowsHolding(data: CohortData, day: DayNumber): Param {
  const rows: number[] = [];
  let more = false;
  const check = (days: Int32Array) => {
    for (let i = 0; i < days.length; i++) {
      if (days[i] !== day) continue;
      if (rows.length === 3) more = true;
      else rows.push(data.rowNumber[i]);
    }
  };
  if (data.kind === 'log') check(data.day);
  else {
    check(data.signupDay);
    check(data.cancelDay);
  }
  if (rows.length === 0) return date(day);
  rows.sort((a, b) => a - b);
  const list = commaList([...rows.map(typed), ...(more ? ['…'] : [])]);
  return msg(data.skipped.rowsOfRange ? 'input.dayRowsOfRange' : 'input.dayRows', { count: rows.length + (more ? 1 : 0), list, date: date(day) });
}
