/** What the SQL tests share: a synthetic log as SQL table rows, its column mapping, the settings for engine options. */
import type { CohortOptions } from '../../src/core/cohorts/index';
import type { SqlCohortSettings, SqlLogColumns } from '../../src/core/sql';
import type { RefLogRow } from '../core/cohorts/reference';
import type { DuckDb, LoadColumn } from '../../tools/duckdb/duckdb';
import type { ZetaTable } from '../../tools/zetasql/zetasql';

export const ROW = '__row';

/** id as text (the generator's ids stay distinct customers as text), the instant, amount, segment, row number. */
export const LOG_COLUMNS: SqlLogColumns = {
  id: { name: 'customer', type: 'string' },
  date: { name: 'ordered_at', type: 'timestamp' },
  amount: { name: 'amount', type: 'float' },
  segment: { name: 'segment', type: 'string' },
  order: { name: ROW, type: 'integer' },
};

export function logTableRows(rows: RefLogRow[]): unknown[][] {
  return rows.map((r, i) => [
    String(r.id),
    r.date,
    r.amount === '' || r.amount === undefined ? null : r.amount,
    r.segment === undefined ? null : String(r.segment),
    i + 1,
  ]);
}

/** The log's first four columns (no row number) as DuckDB types. */
export const LOG_DUCKDB_TYPES: LoadColumn[] = [
  { name: 'customer', type: 'VARCHAR' }, { name: 'ordered_at', type: 'TIMESTAMPTZ' }, { name: 'amount', type: 'DOUBLE' }, { name: 'segment', type: 'VARCHAR' },
];

/** Loads the log into DuckDB as `table`: customer, ordered_at, amount, segment (no row number). */
export async function loadLogTable(db: DuckDb, table: string, rows: RefLogRow[]): Promise<void> {
  await db.loadRows(table, LOG_DUCKDB_TYPES, logTableRows(rows).map((r) => r.slice(0, 4)));
}

/** The same four columns as ZetaSQL's table `orders` (BigQuery's dialect; no row number). */
export function zetaOrders(rows: RefLogRow[]): ZetaTable {
  return { path: ['orders'], columns: [LOG_COLUMNS.id, LOG_COLUMNS.date, LOG_COLUMNS.amount!, LOG_COLUMNS.segment!], rows: logTableRows(rows).map((r) => r.slice(0, 4)) };
}

export function sqlSettings(zone: string, o: CohortOptions): SqlCohortSettings {
  return {
    period: o.period ?? 'month', weekStart: o.weekStart ?? 'monday', timeZone: zone, mode: o.mode ?? 'in', lapseAfter: o.lapseAfter ?? 1,
    refundsAreActivity: o.refundsAreActivity ?? false, asOfDay: o.asOfDay ?? null, segment: o.segment ?? null, bySegment: o.bySegment ?? false,
  };
}

/**
 * The log with refunds where they fit no cohort: every seventh customer also has a refund three days
 * before their first row, and two customers have refunds only (rows appended at the end).
 */
export function withEarlyRefunds(rows: RefLogRow[]): RefLogRow[] {
  const first = new Map<string, RefLogRow>();
  for (const r of rows) {
    const key = `${typeof r.id}:${r.id}`;
    const seen = first.get(key);
    if (!seen || r.date < seen.date) first.set(key, r);
  }
  const extra: RefLogRow[] = [...first.values()]
    .filter((_, i) => i % 7 === 3)
    .map((r, i) => ({ ...r, date: new Date(r.date.getTime() - 3 * 86_400_000), amount: -(5 + i) }));
  const template = rows[0];
  extra.push({ ...template, id: 'refunds-only-1', amount: -12.5 }, { ...template, id: 'refunds-only-2', amount: -1, date: new Date(template.date.getTime() + 40 * 86_400_000) });
  return [...rows, ...extra];
}

export const COLUMN_NAMES = { id: 'customer', date: 'ordered_at', amount: 'amount' };
