/**
 * Column roles of a SQL table, proposed by the same detection as for a sheet (src/core/detect): the
 * header words and a sample of the values, read as Sheets would hold them.
 */
import { profileColumn } from '../detect/columnKinds';
import { repeatsHeader } from '../detect/repeatedHeader';
import { proposeRoles, type RoleProposal } from '../detect/roles';
import { parseIsoDay } from '../calendar';
import { ISO_DATE_TEXT } from './bigquery';
import type { ColumnType, SqlColumn } from './columns';

const MS_PER_DAY = 86_400_000;

/**
 * A sample value as a sheet cell: Date for date types (a Date, ISO text, BigQuery's REST form of a
 * TIMESTAMP — seconds since 1970 as text — or a day number), numbers for numeric types, text, "" for NULL.
 */
export function sampleCell(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return '';
  if (type === 'date' || type === 'datetime' || type === 'timestamp') {
    if (value instanceof Date) return value;
    if (typeof value === 'number') return new Date(value * MS_PER_DAY);
    const text = String(value);
    if (type === 'timestamp' && /^-?\d+(\.\d+)?(E\d+)?$/i.test(text)) return new Date(Number(text) * 1000);
    // A date type's value is a real day: its first ten characters, whatever time follows.
    const day = parseIsoDay(text.slice(0, 10));
    return day === null ? text : new Date(day * MS_PER_DAY);
  }
  if (type === 'integer' || type === 'float' || type === 'numeric') return typeof value === 'number' ? value : Number(value);
  if (type === 'bool') return value === true || value === 'true';
  return String(value);
}

/** The very pattern the queries read a STRING date column with (bigquery.ts, duckdb.ts): detection sees a day where they do. */
const ISO_TEXT_DAY = new RegExp(ISO_DATE_TEXT);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** ISO day text as the day it names (logExpressions.ts reads a STRING date column so), else null. */
function isoTextDay(text: string): Date | null {
  const m = ISO_TEXT_DAY.exec(text);
  if (!m) return null;
  const day = parseIsoDay(m[1]); // null for 2024-02-30, as PARSE_DATE and strptime say
  return day === null ? null : new Date(day * MS_PER_DAY);
}

/**
 * A STRING column's sample as the queries read it where a role needs it: ISO day text is a day, and a
 * column of plain number text only (a STRING amount is cast) holds numbers — as a sheet holds a CSV's
 * values. A CSV whose header is repeated among the rows reaches DuckDB so, every column as text. A text
 * column with some numbers among its words (segments "A", "7") stays text, as BigQuery's schema says.
 */
function textColumn(cells: unknown[]): unknown[] {
  const filled = cells.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (filled.length > 0 && filled.every((v) => PLAIN_NUMBER.test(v.trim()))) return cells.map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v));
  return cells.map((v) => (typeof v === 'string' ? (isoTextDay(v) ?? v) : v));
}

export function proposeSqlRoles(columns: readonly SqlColumn[], sample: readonly (readonly unknown[])[]): RoleProposal {
  // A header row repeated among the rows is no evidence of what a column holds (as for a sheet, sourceSheet.ts).
  const names = columns.map((c) => c.name);
  const rows = sample.filter((r) => !repeatsHeader(r, names));
  const profiles = columns.map((c, i) => {
    const cells = rows.map((r) => sampleCell(r[i], c.type));
    return profileColumn(c.type === 'string' ? textColumn(cells) : cells);
  });
  return proposeRoles(names, profiles, rows.length);
}
