import { UserError, userMessage } from '../core/errors';
import { isBlank, isDateValue, dateMs, isSheetsErrorText, sizeMessage, toGrid, valueMessage, type CellValue } from '../core/cells';
import { msg } from '../i18n/catalogue';
import type { Language } from '../i18n/languages';
import { integer, type AnyMessage, type Param } from '../i18n/messages';
import { numberLocale, parseNumberText } from '../core/numbers';
import type { DayNumber } from '../core/calendar';
import { dateFormOf, readDateText, whyNotADate, type DateForm } from '../core/textDates';
import { dayConverter } from '../core/timeZone';
import { namesAColumn } from '../core/cohorts/firstRow';
import type { SheetEnv } from '../addon/sheetEnv';

/**
 * Reading custom-function arguments the way Sheets passes them: a scalar for a single cell, a 2-D
 * array for a range, "" for blanks, Date objects for dates, "#N/A"-style text for error values.
 * Every complaint names the function, the argument and the row of the range (a custom function
 * cannot know where its range starts), says what was expected, and names values as the user sees
 * them (valueMessage: dates in the spreadsheet's zone, in its language).
 */

/** Where a value sits: null for a scalar argument, else its 1-based row (and column) in the range. */
export interface Cell {
  arg: string;
  row: number | null;
  col: number | null;
  value: CellValue;
}

/** "got 5", or "row 7 of the range is "n/a"": where a value sits and what it is. */
export function at(cell: Cell, timeZone?: string): AnyMessage {
  const value = valueMessage(cell.value, timeZone);
  if (cell.row === null) return msg('fn.got', { value });
  return msg('fn.valueAt', { place: rowOfRange(cell.row, cell.col), value });
}

/** "row 7 of the range" (or "row 7, column 2 of the range" in a range of several columns). */
export function rowOfRange(row: number, col: number | null = null): AnyMessage {
  return col !== null && col > 1 ? msg('fn.cellOfRange', { row: integer(row), column: integer(col) }) : msg('fn.rowOfRange', { row: integer(row) });
}

/**
 * Names values as the user sees them, as a message parameter rendered in the spreadsheet's language
 * ("datum 1. 2. 2024", never the English "the date Feb 1, 2024" in a Czech message); the spreadsheet's
 * zone is asked for only to name a date.
 */
export function describer(env: SheetEnv): (v: CellValue) => Param {
  return (v) => valueMessage(v, isDateValue(v) ? env.timeZone() : undefined);
}

const DATE_PROBLEMS = { 'two-digit year': 'fn.dateTwoDigitYear', 'unknown date form': 'fn.dateUnknownForm', header: 'fn.dateHeader' } as const; // i18n-exempt: reason codes of textDates.ts

export class ArgReader {
  private locale?: ReturnType<typeof numberLocale>;
  private toDay?: (ms: number) => DayNumber;
  private form?: DateForm | null;

  constructor(
    readonly fn: string,
    readonly env: SheetEnv,
  ) {}

  /** Where a value sits and what it is; the spreadsheet's zone is asked for only to name a date. */
  at(cell: Cell): AnyMessage {
    return at(cell, isDateValue(cell.value) ? this.env.timeZone() : undefined);
  }

  /** A value as messages name it (dates in the spreadsheet's zone). */
  describe(v: CellValue): Param {
    return describer(this.env)(v);
  }

  /** `expected` says what the argument must be ("a number greater than 0"), `why` what is wrong with it. */
  fail(cell: Cell, expected: Param, why?: Param): never {
    const where = { fn: this.fn, arg: cell.arg, expected, at: this.at(cell) };
    throw new UserError(why === undefined ? msg('fn.mustBe', where) : msg('fn.mustBeWhich', { ...where, why }));
  }

  /** A finite number; number-like text is read in the spreadsheet's locale. */
  number(cell: Cell, expected: Param): number {
    const v = cell.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && !isBlank(v) && !isSheetsErrorText(v)) {
      this.locale ??= numberLocale(this.env.locale());
      const parsed = parseNumberText(v, this.locale);
      if (parsed.ok) return parsed.value;
      if (parsed.wrongDecimal) this.fail(cell, expected, msg('number.wrongDecimal', parsed.wrongDecimal));
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
      if (why) throw new UserError(msg(DATE_PROBLEMS[why], { fn: this.fn, arg: cell.arg, at: this.at(cell) }));
      if (cell.row === 1 && namesAColumn(v)) throw new UserError(msg(DATE_PROBLEMS.header, { fn: this.fn, arg: cell.arg, at: this.at(cell) }));
    }
    if (typeof v === 'number') throw new UserError(msg('fn.dateIsNumber', { fn: this.fn, arg: cell.arg, at: this.at(cell) }));
    return this.fail(cell, msg('fn.expect.date'));
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
): T | '' | (T | '')[][] {
  const grids = args.map((a) => ({ ...a, grid: toGrid(a.value), isRange: Array.isArray(a.value) }));
  const shaped = grids.filter((g) => g.isRange && !(g.grid.length === 1 && g.grid[0].length === 1));
  if (shaped.length === 0) {
    const cells = grids.map((g) => ({ arg: g.name, row: null, col: null, value: g.grid[0]?.[0] ?? '' }));
    const required = cells.filter((_, i) => !args[i].optional);
    // A formula filled down past the data (=RETENTION(B9, C9, D9) on an empty row) gets "" for each
    // empty cell: a blank result, as a blank row of a range gets. An argument left out stays an error.
    const emptyCell = (v: CellValue) => v === '' || (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && v[0][0] === '');
    const requiredArgs = args.filter((a) => !a.optional);
    if (requiredArgs.length > 0 && requiredArgs.every((a) => emptyCell(a.value))) return '';
    const blank = required.find((c) => isBlank(c.value));
    if (blank) throw new UserError(msg('fn.blank', { fn, arg: blank.arg }));
    return compute(cells);
  }
  const rows = shaped[0].grid.length;
  const cols = shaped[0].grid[0]?.length ?? 0;
  for (const g of shaped) {
    if (g.grid.length !== rows || (g.grid[0]?.length ?? 0) !== cols) {
      throw new UserError(msg('fn.sameSize', {
        fn,
        first: shaped[0].name,
        firstSize: sizeMessage(rows, cols),
        second: g.name,
        secondSize: sizeMessage(g.grid.length, g.grid[0]?.length ?? 0),
      }));
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
        throw new UserError(
          blank.row !== null ? msg('fn.blankAt', { fn, arg: blank.arg, place: rowOfRange(blank.row, blank.col) }) : msg('fn.blank', { fn, arg: blank.arg }),
        );
      }
      line.push(compute(cells));
    }
    out.push(line);
  }
  return out;
}

/**
 * The Error Sheets should show, in the spreadsheet's language: user errors naming the function once
 * ("RETENTION takes 3 arguments…" and "RETENTION: start must be…" as they are, others prefixed),
 * anything else without a stack trace.
 */
export function forSheets(fn: string, e: unknown, language: Language = 'en'): Error {
  if (e instanceof UserError) {
    const text = userMessage(e, language);
    return new Error(text.startsWith(`${fn}:`) || text.startsWith(`${fn} `) || text.startsWith(`A ${fn} `) ? text : `${fn}: ${text}`);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new Error(userMessage(new UserError(msg('fn.unexpected', { fn, detail })), language));
}
