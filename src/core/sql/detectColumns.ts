/**
 * Column roles of a SQL table, proposed by the same detection as for a sheet (src/core/detect): the
 * header words and a sample of the values, read as Sheets would hold them.
 */
import { profileColumn } from '../detect/columnKinds';
import { proposeRoles, type RoleProposal } from '../detect/roles';
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
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
  }
  if (type === 'integer' || type === 'float' || type === 'numeric') return typeof value === 'number' ? value : Number(value);
  if (type === 'bool') return value === true || value === 'true';
  return String(value);
}

export function proposeSqlRoles(columns: readonly SqlColumn[], sample: readonly (readonly unknown[])[]): RoleProposal {
  const profiles = columns.map((c, i) => profileColumn(sample.map((r) => sampleCell(r[i], c.type))));
  return proposeRoles(columns.map((c) => c.name), profiles, sample.length);
}
