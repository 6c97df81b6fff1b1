/**
 * What happened to input rows that did not make it into the computation (and to kept rows worth a
 * mention, such as refunds), counted per reason with the first few sheet row numbers, so the user
 * can find and fix them.
 */

export type SkipReason =
  | 'blank row'
  | 'blank id'
  | 'placeholder id'
  | 'invalid id'
  | 'blank date'
  | 'not a date'
  | 'two-digit year'
  | 'unknown date form'
  | 'error value'
  | 'bad amount'
  | 'cancel before signup'
  | 'duplicate customer'
  | 'after as-of day'
  | 'refund before first purchase';

export type NoteReason = 'negative amount' | 'placeholder cancel date';

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
  /** That header row's non-blank cells as quoted in messages ('"Customer", "Date"'), or null. */
  headerText: string | null;
  /**
   * Row numbers count from the first row of a formula's range ("row 3 of the range": a custom
   * function cannot know where its range starts), not sheet rows.
   */
  rowsOfRange: boolean;
}

export const FIRST_ROWS_KEPT = 5;

export class RowTallies {
  private readonly skips = new Map<string, RowTally<SkipReason>>();
  private readonly noted = new Map<string, RowTally<NoteReason>>();
  private skippedTotal = 0;
  headerRow: number | null = null;
  headerText: string | null = null;

  constructor(readonly rowsOfRange = false) {}

  skip(reason: SkipReason, column: string, row: number, value?: string): void {
    this.skippedTotal++;
    // Each placeholder gets its own count ("nan" and "NULL" are different habits of different exports).
    add(this.skips, reason, reason === 'placeholder id' ? `${column}\u0000${value}` : column, column, row, value);
  }

  note(reason: NoteReason, column: string, row: number, value?: string): void {
    add(this.noted, reason, column, column, row, value);
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
      headerText: this.headerText,
      rowsOfRange: this.rowsOfRange,
    };
  }
}

function add<R extends string>(map: Map<string, RowTally<R>>, reason: R, key: string, column: string, row: number, value?: string): void {
  key = `${reason}\u0000${key}`;
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
    const same = reasons.find((r) => r.reason === t.reason && r.column === t.column && (t.reason !== 'placeholder id' || r.firstValue === t.firstValue));
    if (!same) reasons.push({ ...t, firstRows: [...t.firstRows] });
    else {
      same.count += t.count;
      same.firstRows = [...same.firstRows, ...t.firstRows].sort((a, b) => a - b).slice(0, FIRST_ROWS_KEPT);
    }
  }
  return { ...base, total: base.total + extra.total, reasons, notes: [...base.notes, ...extra.notes] };
}

// User-facing text of this module: one phrase per reason, the header sentence, the row lists.
const PHRASES: Record<SkipReason | NoteReason, (column: string, value: string) => string> = {
  'blank row': () => 'entirely blank',
  'blank id': (c) => `with a blank ${c}`,
  'placeholder id': (c, v) => `whose ${c} is ${v}, which stands for a blank id`,
  'invalid id': (c) => `whose ${c} is not text or a number`,
  'blank date': (c) => `with a blank ${c}`,
  'not a date': (c) => `whose ${c} is not a date`,
  'two-digit year': (c) => `whose ${c} has a two-digit year (which century is not guessed)`,
  'unknown date form': (c) => `whose ${c} is text in a date form the spreadsheet's locale does not use (day and month are not guessed)`,
  'error value': (c) => `with an error value in ${c}`,
  'bad amount': (c) => `whose ${c} is not a number`,
  'cancel before signup': (c) => `whose ${c} is before the signup date`,
  'duplicate customer': (c) => `repeating a ${c} seen on an earlier row`,
  'after as-of day': (c) => `with a ${c} after the as-of day`,
  'refund before first purchase': (c) =>
    `with a negative ${c} dated before the customer's first purchase (a refund is not a purchase, and there is no cohort to put it in)`,
  'negative amount': (c) => `with a negative ${c} (refunds: kept in revenue)`,
  'placeholder cancel date': (c) => `whose ${c} is text that stands for a missing date, read as no cancel date (still active)`,
};

// Reasons whose phrase already names the value.
const VALUE_IN_PHRASE = new Set<string>(['placeholder id']);

function rowList(rows: string, count: number, ofRange: boolean): string {
  return `${count === 1 ? 'row' : 'rows'} ${rows}${ofRange ? ' of the range' : ''}`;
}

function describeTally(t: RowTally<string>, ofRange: boolean): string {
  const rows = t.firstRows.join(', ') + (t.count > t.firstRows.length ? ', …' : '');
  const example = t.firstValue !== null && !VALUE_IN_PHRASE.has(t.reason) ? `, e.g. ${t.firstValue}` : '';
  const phrase = PHRASES[t.reason as SkipReason](t.column, t.firstValue ?? '');
  const count = `${t.count} ${t.count === 1 ? 'row' : 'rows'} ${phrase}`;
  // A SQL table has no row numbers to name.
  if (t.firstRows.length === 0) return example ? `${count} (${example.slice(2)})` : count;
  return `${count} (${rowList(rows, t.count, ofRange)}${example})`;
}

/** "Row 1 of the range ("Customer", "Date") was read as a header and left out.", or "". */
export function describeHeaderRow(s: SkippedRows): string {
  if (s.headerRow === null) return '';
  const cells = s.headerText ? ` (${s.headerText})` : '';
  return `${s.rowsOfRange ? `Row ${s.headerRow} of the range` : `Row ${s.headerRow}`}${cells} was read as a header and left out.`;
}

/**
 * Sentences for the sidebar, a note under a spill or an error message: the header row left out, then
 * e.g. "Skipped 3 rows: 2 rows with a blank date (rows 5, 9); …", then kept rows worth a mention.
 */
export function describeSkippedRows(s: SkippedRows): string {
  const parts: string[] = [];
  const header = describeHeaderRow(s);
  if (header) parts.push(header);
  if (s.total > 0) parts.push(`Skipped ${s.total} ${s.total === 1 ? 'row' : 'rows'}: ${s.reasons.map((t) => describeTally(t, s.rowsOfRange)).join('; ')}.`);
  if (s.notes.length > 0) parts.push(`Kept ${s.notes.map((t) => describeTally(t, s.rowsOfRange)).join('; ')}.`);
  return parts.join(' ');
}
