import { UserError } from '../core/errors';
import { describeValue, isBlank, isDateValue, dateMs, isSheetsErrorText, toGrid, type CellValue } from '../core/cells';
import { numberLocale, parseNumberText } from '../core/numbers';
import type { DayNumber } from '../core/calendar';
import { dateFormOf, readDateText, whyNotADate, type DateForm } from '../core/textDates';
import { dayConverter } from '../core/timeZone';
import type { SheetEnv } from '../addon/sheetEnv';

/**
 * Reading custom-function arguments the way Sheets passes them: a scalar for a single cell, a 2-D
 * array for a range, "" for blanks, Date objects for dates, "#N/A"-style text for error values.
 * Every complaint names the function, the argument and the row of the range (a custom function
 * cannot know where its range starts), says what was expected, and names values as the user sees
 * them (describeValue: dates in the spreadsheet's zone).
 */

/** Where a value sits: null for a scalar argument, else its 1-based row (and column) in the range. */
export interface Cell {
  arg: string;
  row: number | null;
  col: number | null;
  value: CellValue;
}

/** "got 5", or "row 7 of the range is "n/a"": where a value sits and what it is. */
export function at(cell: Cell, timeZone?: string): string {
  if (cell.row === null) return `got ${describeValue(cell.value, timeZone)}`;
  return `${rowOfRange(cell.row, cell.col)} is ${describeValue(cell.value, timeZone)}`;
}

/** "row 7 of the range" (or "row 7, column 2 of the range" in a range of several columns). */
export function rowOfRange(row: number, col: number | null = null): string {
  return col !== null && col > 1 ? `row ${row}, column ${col} of the range` : `row ${row} of the range`;
}

/** Names values as the user sees them; the spreadsheet's zone is asked for only to name a date. */
export function describer(env: SheetEnv): (v: CellValue) => string {
  return (v) => describeValue(v, isDateValue(v) ? env.timeZone() : undefined);
}

const DATE_PROBLEMS: Record<string, string> = {
  'two-digit year': 'which has a two-digit year: write the year in full',
  'unknown date form': "which is not written the way the spreadsheet's locale writes dates",
};

export class ArgReader {
  private locale?: ReturnType<typeof numberLocale>;
  private toDay?: (ms: number) => DayNumber;
  private form?: DateForm | null;

  constructor(
    readonly fn: string,
    readonly env: SheetEnv,
  ) {}

  /** Where a value sits and what it is; the spreadsheet's zone is asked for only to name a date. */
  at(cell: Cell): string {
    return at(cell, isDateValue(cell.value) ? this.env.timeZone() : undefined);
  }

  /** A value as messages name it (dates in the spreadsheet's zone). */
  describe(v: CellValue): string {
    return describer(this.env)(v);
  }

  fail(cell: Cell, expected: string, why = ''): never {
    throw new UserError(`${this.fn}: ${cell.arg} must be ${expected} (${this.at(cell)}${why})`);
  }

  /** A finite number; number-like text is read in the spreadsheet's locale. */
  number(cell: Cell, expected: string): number {
    const v = cell.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && !isBlank(v) && !isSheetsErrorText(v)) {
      this.locale ??= numberLocale(this.env.locale());
      const parsed = parseNumberText(v, this.locale);
      if (parsed.ok) return parsed.value;
      if (parsed.why.startsWith('uses')) this.fail(cell, expected, `, which ${parsed.why}`);
    }
    return this.fail(cell, expected);
  }

  /**
   * A calendar day in the spreadsheet's zone, from a date cell or date text (ISO, or the
   * spreadsheet locale's own form: textDates.ts).
   */
  day(cell: Cell): DayNumber {
    const v = cell.value;
    if (isDateValue(v)) {
      const ms = dateMs(v);
      if (Number.isFinite(ms)) return this.dayOf(ms);
    }
    if (typeof v === 'string') {
      this.form ??= dateFormOf(this.env.locale());
      const d = readDateText(v, this.form, (ms) => this.dayOf(ms));
      if (d === d) return d;
      const why = whyNotADate(v, this.form);
      if (why) this.fail(cell, 'a date', `, ${DATE_PROBLEMS[why]}`);
    }
    if (typeof v === 'number') this.fail(cell, 'a date', ': format the cells as dates, not numbers');
    return this.fail(cell, 'a date');
  }

  private dayOf(ms: number): DayNumber {
    this.toDay ??= dayConverter(this.env.timeZone());
    return this.toDay(ms);
  }
}

export interface NamedArg {
  name: string;
  value: CellValue;
  /** Optional arguments may be blank in a row where the required ones are not. */
  optional?: boolean;
}

/**
 * Applies `compute` element-wise over arguments that are each a scalar or a range of one common
 * shape. All scalars give a scalar; otherwise a 2-D array of the common shape. A row whose required
 * arguments are all blank gives "" (whole-column ranges end in blanks); a row with only some of them
 * blank is an error naming the blank one.
 */
export function elementwise<T extends number | string>(
  fn: string,
  args: NamedArg[],
  compute: (cells: Cell[]) => T,
): T | (T | '')[][] {
  const grids = args.map((a) => ({ ...a, grid: toGrid(a.value), isRange: Array.isArray(a.value) }));
  const shaped = grids.filter((g) => g.isRange && !(g.grid.length === 1 && g.grid[0].length === 1));
  if (shaped.length === 0) {
    const cells = grids.map((g) => ({ arg: g.name, row: null, col: null, value: g.grid[0]?.[0] ?? '' }));
    const required = cells.filter((_, i) => !args[i].optional);
    const blank = required.find((c) => isBlank(c.value));
    if (blank) throw new UserError(`${fn}: ${blank.arg} is blank`);
    return compute(cells);
  }
  const rows = shaped[0].grid.length;
  const cols = shaped[0].grid[0]?.length ?? 0;
  for (const g of shaped) {
    if (g.grid.length !== rows || (g.grid[0]?.length ?? 0) !== cols) {
      throw new UserError(
        `${fn}: ${shaped[0].name} (${size(rows, cols)}) and ${g.name} (${size(g.grid.length, g.grid[0]?.length ?? 0)}) must be the same size`,
      );
    }
  }
  const out: (T | '')[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (T | '')[] = [];
    for (let c = 0; c < cols; c++) {
      const cells: Cell[] = grids.map((g) => {
        const single = !(g.isRange && (g.grid.length > 1 || g.grid[0].length > 1));
        const value = single ? (g.grid[0]?.[0] ?? '') : g.grid[r][c];
        return { arg: g.name, row: single ? null : r + 1, col: single ? null : c + 1, value };
      });
      const required = cells.filter((_, i) => !args[i].optional);
      const blanks = required.filter((x) => isBlank(x.value) && x.row !== null);
      const rangeRequired = required.filter((x) => x.row !== null);
      if (blanks.length > 0 && blanks.length === rangeRequired.length) {
        line.push('');
        continue;
      }
      const blank = required.find((x) => isBlank(x.value));
      if (blank) {
        throw new UserError(`${fn}: ${blank.arg} is blank` + (blank.row !== null ? ` in ${rowOfRange(blank.row, blank.col)}` : ''));
      }
      line.push(compute(cells));
    }
    out.push(line);
  }
  return out;
}

function size(rows: number, cols: number): string {
  return `${rows} row${rows === 1 ? '' : 's'} × ${cols} column${cols === 1 ? '' : 's'}`;
}

/**
 * The Error Sheets should show: user errors naming the function once ("RETENTION takes 3 arguments…"
 * and "RETENTION: start must be…" as they are, others prefixed), anything else without a stack trace.
 */
export function forSheets(fn: string, e: unknown): Error {
  if (e instanceof UserError) return new Error(e.message.startsWith(`${fn}:`) || e.message.startsWith(`${fn} `) ? e.message : `${fn}: ${e.message}`);
  const msg = e instanceof Error ? e.message : String(e);
  return new Error(`${fn}: unexpected problem (${msg}). Please report it with the formula that caused it.`);
}
