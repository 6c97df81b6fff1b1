import { UserError } from '../core/errors';
import { describeValue, isBlank, isDateValue, dateMs, isSheetsErrorText, toGrid, type CellValue } from '../core/cells';
import { numberLocale, parseNumberText } from '../core/numbers';
import { parseIsoDay, type DayNumber } from '../core/calendar';
import { dayConverter } from '../core/timeZone';
import type { SheetEnv } from '../addon/sheetEnv';

/**
 * Reading custom-function arguments the way Sheets passes them: a scalar for a single cell, a 2-D
 * array for a range, "" for blanks, Date objects for dates, "#N/A"-style text for error values.
 * Every complaint names the function, the argument and the row, and says what was expected.
 */

/** Where a value sits: null for a scalar argument, else its 1-based row (and column) in the range. */
export interface Cell {
  arg: string;
  row: number | null;
  col: number | null;
  value: CellValue;
}

export function at(cell: Cell): string {
  if (cell.row === null) return `got ${describeValue(cell.value)}`;
  const place = cell.col !== null && cell.col > 1 ? `row ${cell.row}, column ${cell.col}` : `row ${cell.row}`;
  return `${place} is ${describeValue(cell.value)}`;
}

export function fail(fn: string, cell: Cell, expected: string): never {
  throw new UserError(`${fn}: ${cell.arg} must be ${expected} (${at(cell)})`);
}

export class ArgReader {
  private locale?: ReturnType<typeof numberLocale>;
  private toDay?: (ms: number) => DayNumber;

  constructor(
    readonly fn: string,
    readonly env: SheetEnv,
  ) {}

  /** A finite number; number-like text is read in the spreadsheet's locale. */
  number(cell: Cell, expected: string): number {
    const v = cell.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && !isBlank(v) && !isSheetsErrorText(v)) {
      this.locale ??= numberLocale(this.env.locale());
      const parsed = parseNumberText(v, this.locale);
      if (parsed.ok) return parsed.value;
      if (parsed.why.startsWith('uses')) {
        throw new UserError(`${this.fn}: ${cell.arg} must be ${expected} (${at(cell)}, which ${parsed.why})`);
      }
    }
    return fail(this.fn, cell, expected);
  }

  /** A calendar day in the spreadsheet's zone, from a date cell or ISO `YYYY-MM-DD` text. */
  day(cell: Cell): DayNumber {
    const v = cell.value;
    if (isDateValue(v)) {
      const ms = dateMs(v);
      if (Number.isFinite(ms)) {
        this.toDay ??= dayConverter(this.env.timeZone());
        return this.toDay(ms);
      }
    }
    if (typeof v === 'string') {
      const d = parseIsoDay(v);
      if (d !== null) return d;
    }
    if (typeof v === 'number') {
      throw new UserError(`${this.fn}: ${cell.arg} must be a date (${at(cell)}: format the cells as dates, not numbers)`);
    }
    return fail(this.fn, cell, 'a date');
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
        throw new UserError(`${fn}: ${blank.arg} is blank` + (blank.row !== null ? ` in row ${blank.row}` : ''));
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

/** The Error Sheets should show: user errors as they are, anything else without a stack trace. */
export function forSheets(fn: string, e: unknown): Error {
  if (e instanceof UserError) return new Error(e.message.startsWith(`${fn}:`) ? e.message : `${fn}: ${e.message}`);
  const msg = e instanceof Error ? e.message : String(e);
  return new Error(`${fn}: unexpected problem (${msg}). Please report it with the formula that caused it.`);
}
