/** Seeded synthetic logs and tables with the awkward cases built in. */
import { civilOf, dayOf, midnightOf, weekdayOf } from '../../support/days';
import type { RefLogRow, RefTableRow } from './reference';
import { mulberry32 } from '../../../tools/seededRandom';

export { mulberry32 };

export interface Span {
  firstDay: number;
  lastDay: number;
}

export const DEFAULT_SPAN: Span = { firstDay: dayOf(2022, 12, 25), lastDay: dayOf(2024, 8, 14) };

/** Days on which periods start or end: first and last days of months, Mondays, Sundays. */
function boundaryDays(span: Span): number[] {
  const out: number[] = [];
  for (let d = span.firstDay; d <= span.lastDay; d++) {
    const { day } = civilOf(d);
    const next = civilOf(d + 1).day;
    const weekday = weekdayOf(d);
    if (day === 1 || next === 1 || weekday === 0 || weekday === 1) out.push(d);
  }
  return out;
}

/** An instant on `day` in `zone`: midnight, or some hours into the day. */
function instantOn(day: number, zone: string, rand: () => number): Date {
  const midnight = midnightOf(day, zone);
  return new Date(rand() < 0.6 ? midnight : midnight + Math.floor(rand() * 20 * 3_600_000));
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

const SEGMENTS: readonly unknown[] = ['A', 'B', 'C', 1, ''];

/** Ids: numbers, text with leading zeros, and both "000k" and k for some k (different customers). */
function makeIds(count: number, rand: () => number): (number | string)[] {
  const ids: (number | string)[] = [];
  for (let i = 0; ids.length < count; i++) {
    const r = rand();
    if (r < 0.45) ids.push(1000 + i);
    else if (r < 0.8) ids.push(`000${i}`);
    else {
      ids.push(`000${i}`);
      if (ids.length < count) ids.push(i);
    }
  }
  return ids;
}

export interface LogSpec {
  seed: number;
  zone: string;
  customers: number;
  span?: Span;
  amounts?: boolean;
  segments?: boolean;
}

export function generateLog(spec: LogSpec): RefLogRow[] {
  const rand = mulberry32(spec.seed);
  const span = spec.span ?? DEFAULT_SPAN;
  const boundaries = boundaryDays(span);
  const length = span.lastDay - span.firstDay + 1;
  const rows: RefLogRow[] = [];
  const anyDay = (from: number) => (rand() < 0.35 ? pick(rand, boundaries.filter((d) => d >= from)) ?? from : from + Math.floor(rand() * (span.lastDay - from + 1)));
  for (const id of makeIds(spec.customers, rand)) {
    const joined = rand() < 0.3 ? pick(rand, boundaries) : span.firstDay + Math.floor(rand() * length);
    const segment = pick(rand, SEGMENTS);
    const visits = 1 + Math.floor(rand() * rand() * 12);
    let day = joined;
    for (let v = 0; v < visits && day <= span.lastDay; v++) {
      const row: RefLogRow = { id, date: instantOn(day, spec.zone, rand) };
      if (spec.amounts) row.amount = rand() < 0.08 ? '' : rand() < 0.06 ? -Math.round(rand() * 5000) / 100 : Math.round(rand() * 20000) / 100;
      // The segment column may disagree between a customer's rows; the earliest row decides.
      if (spec.segments) row.segment = v === 0 || rand() < 0.7 ? segment : pick(rand, SEGMENTS);
      rows.push(row);
      if (rand() < 0.05) rows.push({ ...row }); // duplicate row
      day = rand() < 0.3 ? day : anyDay(day);
    }
  }
  // Rows in random order, not grouped by customer.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

export interface TableSpec {
  seed: number;
  zone: string;
  customers: number;
  span?: Span;
  revenue?: boolean;
  segments?: boolean;
}

export function generateTable(spec: TableSpec): RefTableRow[] {
  const rand = mulberry32(spec.seed);
  const span = spec.span ?? DEFAULT_SPAN;
  const boundaries = boundaryDays(span);
  const length = span.lastDay - span.firstDay + 1;
  return makeIds(spec.customers, rand).map((id) => {
    const signup = rand() < 0.3 ? pick(rand, boundaries) : span.firstDay + Math.floor(rand() * length);
    let cancel: number | null = null;
    const r = rand();
    if (r < 0.05) cancel = signup; // lost on the day they joined
    else if (r < 0.2) cancel = pick(rand, boundaries.filter((d) => d >= signup)) ?? signup;
    else if (r < 0.6) cancel = signup + Math.floor(rand() * (span.lastDay - signup + 1));
    const row: RefTableRow = {
      id,
      signup: instantOn(signup, spec.zone, rand),
      cancel: cancel === null ? '' : instantOn(cancel, spec.zone, rand),
    };
    if (spec.revenue) row.revenue = rand() < 0.1 ? '' : pick(rand, [9.99, 19, 49.5, 99]);
    if (spec.segments) row.segment = pick(rand, SEGMENTS);
    return row;
  });
}

/** Log rows as the columns Sheets would hand over. */
export function logColumns(rows: RefLogRow[]) {
  return {
    customerIds: rows.map((r) => r.id),
    dates: rows.map((r) => r.date),
    amounts: rows.some((r) => r.amount !== undefined) ? rows.map((r) => r.amount ?? '') : null,
    segments: rows.some((r) => r.segment !== undefined) ? rows.map((r) => r.segment ?? '') : null,
  };
}

export function tableColumns(rows: RefTableRow[]) {
  return {
    customerIds: rows.map((r) => r.id),
    signupDates: rows.map((r) => r.signup),
    cancelDates: rows.map((r) => r.cancel),
    revenue: rows.some((r) => r.revenue !== undefined) ? rows.map((r) => r.revenue ?? '') : null,
    segments: rows.some((r) => r.segment !== undefined) ? rows.map((r) => r.segment ?? '') : null,
  };
}
