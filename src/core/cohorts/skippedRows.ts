/**
 * What happened to input rows that did not make it into the computation (and to kept rows worth a
 * mention, such as refunds), counted per reason with the first few sheet row numbers, so the user
 * can find and fix them.
 */

export type SkipReason =
  | 'blank row'
  | 'blank id'
  | 'invalid id'
  | 'blank date'
  | 'not a date'
  | 'error value'
  | 'bad amount'
  | 'cancel before signup'
  | 'duplicate customer'
  | 'after as-of day';

export type NoteReason = 'negative amount';

export interface RowTally<R extends string> {
  reason: R;
  /** The column the reason is about, as named in messages ("date", "amount"…). */
  column: string;
  count: number;
  /** Sheet row numbers of the first few rows, ascending. */
  firstRows: number[];
  /** The first offending value as quoted in messages (describeValue), when there is one. */
  firstValue: string | null;
}

export interface SkippedRows {
  /** Rows skipped in total (sum of `reasons` counts). */
  total: number;
  reasons: RowTally<SkipReason>[];
  /** Kept rows that deserve a mention (counted, not skipped). */
  notes: RowTally<NoteReason>[];
  /** Sheet row number of a header row that was recognised and left out, or null. */
  headerRow: number | null;
}

export const FIRST_ROWS_KEPT = 5;

export class RowTallies {
  private readonly skips = new Map<string, RowTally<SkipReason>>();
  private readonly noted = new Map<string, RowTally<NoteReason>>();
  private skippedTotal = 0;
  headerRow: number | null = null;

  skip(reason: SkipReason, column: string, row: number, value?: string): void {
    this.skippedTotal++;
    add(this.skips, reason, column, row, value);
  }

  note(reason: NoteReason, column: string, row: number, value?: string): void {
    add(this.noted, reason, column, row, value);
  }

  get total(): number {
    return this.skippedTotal;
  }

  report(): SkippedRows {
    return {
      total: this.skippedTotal,
      reasons: [...this.skips.values()],
      notes: [...this.noted.values()],
      headerRow: this.headerRow,
    };
  }
}

function add<R extends string>(map: Map<string, RowTally<R>>, reason: R, column: string, row: number, value?: string): void {
  const key = `${reason}\u0000${column}`;
  let t = map.get(key);
  if (!t) {
    t = { reason, column, count: 0, firstRows: [], firstValue: value ?? null };
    map.set(key, t);
  }
  t.count++;
  if (t.firstRows.length < FIRST_ROWS_KEPT) t.firstRows.push(row);
}

/** Adds `extra` (e.g. rows left out by the as-of day at compute time) to a parse-time report. */
export function mergeSkippedRows(base: SkippedRows, extra: SkippedRows): SkippedRows {
  const reasons = base.reasons.map((t) => ({ ...t, firstRows: [...t.firstRows] }));
  for (const t of extra.reasons) {
    const same = reasons.find((r) => r.reason === t.reason && r.column === t.column);
    if (!same) reasons.push({ ...t, firstRows: [...t.firstRows] });
    else {
      same.count += t.count;
      same.firstRows = [...same.firstRows, ...t.firstRows].sort((a, b) => a - b).slice(0, FIRST_ROWS_KEPT);
    }
  }
  return { total: base.total + extra.total, reasons, notes: [...base.notes, ...extra.notes], headerRow: base.headerRow };
}

const PHRASES: Record<SkipReason | NoteReason, (column: string) => string> = {
  'blank row': () => 'entirely blank',
  'blank id': (c) => `with a blank ${c}`,
  'invalid id': (c) => `whose ${c} is not text or a number`,
  'blank date': (c) => `with a blank ${c}`,
  'not a date': (c) => `whose ${c} is not a date`,
  'error value': (c) => `with an error value in ${c}`,
  'bad amount': (c) => `whose ${c} is not a number`,
  'cancel before signup': (c) => `whose ${c} is before the signup date`,
  'duplicate customer': (c) => `repeating a ${c} seen on an earlier row`,
  'after as-of day': (c) => `with a ${c} after the as-of day`,
  'negative amount': (c) => `with a negative ${c} (kept: refunds count as revenue)`,
};

function describeTally(t: RowTally<string>): string {
  const rows = t.firstRows.join(', ') + (t.count > t.firstRows.length ? ', …' : '');
  const example = t.firstValue !== null ? `, e.g. ${t.firstValue}` : '';
  const phrase = PHRASES[t.reason as SkipReason](t.column);
  const count = `${t.count} ${t.count === 1 ? 'row' : 'rows'} ${phrase}`;
  // A SQL table has no row numbers to name.
  if (t.firstRows.length === 0) return t.firstValue !== null ? `${count} (e.g. ${t.firstValue})` : count;
  return `${count} (${t.count === 1 ? 'row' : 'rows'} ${rows}${example})`;
}

/** One sentence for the sidebar or an error message, e.g. "Skipped 3 rows: 2 rows with a blank date (rows 5, 9); …". */
export function describeSkippedRows(s: SkippedRows): string {
  const parts: string[] = [];
  if (s.total > 0) parts.push(`Skipped ${s.total} ${s.total === 1 ? 'row' : 'rows'}: ${s.reasons.map(describeTally).join('; ')}.`);
  if (s.notes.length > 0) parts.push(`Kept ${s.notes.map(describeTally).join('; ')}.`);
  return parts.join(' ');
}
