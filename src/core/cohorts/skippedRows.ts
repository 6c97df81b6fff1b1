/**
 * What happened to input rows that did not make it into the computation (and to kept rows worth a
 * mention, such as refunds), counted per reason with the first few sheet row numbers, so the user
 * can find and fix them.
 */

import { msg, renderValue, type MessageKey } from '../../i18n/catalogue';
import { commaList, semicolonList, sentences, typed, type AnyMessage, type Param } from '../../i18n/messages';
import { holdHiddenClass } from './hiddenClass';

/** Why rows are skipped: codes, never shown (messages say them through TALLY_KEYS below). */
export const SKIP_REASONS = [
  'blank row', 'blank id', 'placeholder id', 'invalid id', 'blank date', 'not a date', 'number not a date', 'two-digit year', 'unknown date form',
  'error value', 'bad amount', 'cancel before signup', 'duplicate customer', 'after as-of day', 'refund before first purchase',
  'repeated header',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Kept rows worth a mention. */
export const NOTE_REASONS = ['negative amount', 'placeholder cancel date', 'padded id'] as const;
export type NoteReason = (typeof NOTE_REASONS)[number];

export interface RowTally<R extends string> {
  reason: R;
  /** The column the reason is about, as named in messages ("date", "amount"…). */
  column: string;
  count: number;
  /** Sheet row numbers of the first few rows, ascending. */
  firstRows: number[];
  /** The first offending value as messages quote it (valueMessage), when there is one. */
  firstValue: Param | null;
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

/** Counts skipped and noted rows while a parser or a computation walks them. */
export interface RowTallies {
  readonly rowsOfRange: boolean;
  headerRow: number | null;
  headerText: string | null;
  skip(reason: SkipReason, column: string, row: number, value?: Param): void;
  note(reason: NoteReason, column: string, row: number, value?: Param): void;
  report(): SkippedRows;
}

interface Tallies extends RowTallies {
  readonly skips: Map<string, RowTally<SkipReason>>;
  readonly noted: Map<string, RowTally<NoteReason>>;
  skippedTotal: number;
}

/** An object literal, not a class instance, for the reason idIndex.ts gives (parse loops call it). */
export function createRowTallies(rowsOfRange = false): RowTallies {
  const tallies: Tallies = {
    rowsOfRange,
    headerRow: null,
    headerText: null,
    skip,
    note,
    report,
    skips: new Map<string, RowTally<SkipReason>>(),
    noted: new Map<string, RowTally<NoteReason>>(),
    skippedTotal: 0,
  };
  return tallies;
}

holdHiddenClass(createRowTallies());

function skip(this: Tallies, reason: SkipReason, column: string, row: number, value?: Param): void {
  this.skippedTotal++;
  // Each placeholder gets its own count ("nan" and "NULL" are different habits of different exports).
  add(this.skips, reason, reason === 'placeholder id' ? `${column}\u0000${String(value)}` : column, column, row, value);
}

function note(this: Tallies, reason: NoteReason, column: string, row: number, value?: Param): void {
  add(this.noted, reason, column, column, row, value);
}

function report(this: Tallies): SkippedRows {
  return {
    total: this.skippedTotal,
    reasons: [...this.skips.values()],
    notes: [...this.noted.values()],
    headerRow: this.headerRow,
    headerText: this.headerText,
    rowsOfRange: this.rowsOfRange,
  };
}

function add<R extends string>(map: Map<string, RowTally<R>>, reason: R, key: string, column: string, row: number, value?: Param): void {
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

// Each reason's phrase is a catalogue entry: "2 rows with a blank date".
const TALLY_KEYS = {
  'blank row': 'skipped.blankRow',
  'blank id': 'skipped.blankId',
  'placeholder id': 'skipped.placeholderId',
  'invalid id': 'skipped.invalidId',
  'blank date': 'skipped.blankDate',
  'not a date': 'skipped.notADate',
  'number not a date': 'skipped.numberNotADate',
  'two-digit year': 'skipped.twoDigitYear',
  'unknown date form': 'skipped.unknownDateForm',
  'error value': 'skipped.errorValue',
  'bad amount': 'skipped.badAmount',
  'cancel before signup': 'skipped.cancelBeforeSignup',
  'duplicate customer': 'skipped.duplicateCustomer',
  'after as-of day': 'skipped.afterAsOf',
  'refund before first purchase': 'skipped.refundBeforeFirst',
  'repeated header': 'skipped.repeatedHeader',
  'negative amount': 'skipped.negativeAmount',
  'placeholder cancel date': 'skipped.placeholderCancelDate',
  'padded id': 'skipped.paddedId',
} as const satisfies Record<SkipReason | NoteReason, MessageKey>;

// Reasons whose phrase already names the value.
const VALUE_IN_PHRASE = new Set<string>(['placeholder id']);

function tallyMessage(t: RowTally<SkipReason | NoteReason>, ofRange: boolean): AnyMessage {
  const tally = msg(TALLY_KEYS[t.reason], { count: t.count, column: t.column, value: t.firstValue ?? '' });
  const value = t.firstValue !== null && !VALUE_IN_PHRASE.has(t.reason) ? t.firstValue : null;
  // A SQL table has no row numbers to name.
  if (t.firstRows.length === 0) return value === null ? tally : msg('skipped.example', { tally, value });
  const list = commaList([...t.firstRows.map(typed), ...(t.count > t.firstRows.length ? ['…'] : [])]);
  const rows = msg(ofRange ? 'skipped.rowsOfRange' : 'skipped.rows', { count: t.firstRows.length, list });
  return value === null ? msg('skipped.where', { tally, rows }) : msg('skipped.whereExample', { tally, rows, value });
}

/** "Row 1 of the range ("Customer", "Date") was read as a header and left out.", or null. */
export function headerRowMessage(s: SkippedRows): AnyMessage | null {
  if (s.headerRow === null) return null;
  const row = typed(s.headerRow);
  if (s.headerText) return msg(s.rowsOfRange ? 'skipped.headerOfRange' : 'skipped.header', { row, cells: s.headerText });
  return msg(s.rowsOfRange ? 'skipped.headerOfRangeAlone' : 'skipped.headerAlone', { row });
}

/**
 * Sentences for the sidebar, a note under a spill or an error message: the header row left out, then
 * e.g. "Skipped 3 rows: 2 rows with a blank date (rows 5, 9); …", then kept rows worth a mention;
 * null when there is nothing to say. Rendered in the reader's language where it is shown.
 */
export function skippedRowsMessage(s: SkippedRows): Param | null {
  const parts: Param[] = [];
  const header = headerRowMessage(s);
  if (header) parts.push(header);
  if (s.total > 0) parts.push(msg('skipped.total', { count: s.total, reasons: semicolonList(s.reasons.map((t) => tallyMessage(t, s.rowsOfRange))) }));
  if (s.notes.length > 0) parts.push(msg('skipped.kept', { reasons: semicolonList(s.notes.map((t) => tallyMessage(t, s.rowsOfRange))) }));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : sentences(parts);
}

/** skippedRowsMessage in English ("" when there is nothing to say): for tests and developers' logs. */
export function describeSkippedRows(s: SkippedRows): string {
  const m = skippedRowsMessage(s);
  return m === null ? '' : renderValue(m, 'en');
}
