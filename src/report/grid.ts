/**
 * A rectangle of cells with their formats, built in memory and written to a sheet in a handful of
 * batched calls (values, number formats, font weights, font colours, backgrounds), so a report costs
 * the same number of service calls whatever its size.
 */

export type CellContent = string | number | boolean | Date | null;

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  color?: string;
  background?: string;
  wrap?: boolean;
}

/** A block's position, 1-based like Sheets ranges. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export const DEFAULT_COLOR = '#000000';

/** A sheet the add-on writes: its grid, frozen rows, named tables, and optionally a heatmap and a chart. */
export interface SheetLayout {
  grid: Grid;
  frozenRows: number;
  /** Columns kept in view while scrolling right (labels); none when unset. */
  frozenColumns?: number;
  /** Named ranges for the main tables (header row included). */
  namedAreas: { name: string; area: Area }[];
  /** Blocks of cells a white-to-green gradient colours, each on its own scale. */
  heatmaps?: Area[];
  /** Line-chart data: first column the x axis, one column per series, header row first. */
  chartData?: Area | null;
  /** The chart's top-left cell; by default right of the grid's first 14 columns, in row 2. */
  chartAnchor?: { row: number; column: number };
  chartTitle?: string;
  /** Column widths in pixels, by 1-based column; column 1 defaults to 190. */
  columnWidths?: Record<number, number>;
}

export class Grid {
  private readonly values: CellContent[][] = [];
  private readonly styles: (CellStyle | undefined)[][] = [];
  width = 1;

  /** Next free row, 1-based. */
  get nextRow(): number {
    return this.values.length + 1;
  }

  /** Writes one row at `row` (1-based), starting at `column`. */
  put(row: number, column: number, cells: CellContent[], style?: CellStyle | ((i: number) => CellStyle | undefined)): void {
    while (this.values.length < row) {
      this.values.push([]);
      this.styles.push([]);
    }
    const line = this.values[row - 1];
    const styleLine = this.styles[row - 1];
    cells.forEach((v, i) => {
      line[column - 1 + i] = v;
      styleLine[column - 1 + i] = typeof style === 'function' ? style(i) : style;
    });
    this.width = Math.max(this.width, column - 1 + cells.length);
  }

  /** Appends a row at column 1 and returns its row number. */
  add(cells: CellContent[], style?: CellStyle | ((i: number) => CellStyle | undefined)): number {
    const row = this.nextRow;
    this.put(row, 1, cells, style);
    return row;
  }

  skip(rows = 1): void {
    for (let i = 0; i < rows; i++) this.add([]);
  }

  /** Restyles cells already placed (e.g. a partial period's cells inside a matrix). */
  restyle(row: number, column: number, style: CellStyle): void {
    const current = this.styles[row - 1]?.[column - 1];
    this.styles[row - 1][column - 1] = { ...current, ...style };
  }

  get height(): number {
    return Math.max(1, this.values.length);
  }

  /** The rectangle of values: blanks are "", strings made safe to write (see `asText`). */
  valueMatrix(): (string | number | boolean | Date)[][] {
    return this.rect((r, c) => {
      const v = this.values[r]?.[c];
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? asText(v) : v;
    });
  }

  numberFormats(): string[][] {
    return this.rect((r, c) => this.styles[r]?.[c]?.numberFormat ?? 'General');
  }

  fontWeights(): string[][] {
    return this.rect((r, c) => (this.styles[r]?.[c]?.bold ? 'bold' : 'normal'));
  }

  fontColors(): string[][] {
    return this.rect((r, c) => this.styles[r]?.[c]?.color ?? DEFAULT_COLOR);
  }

  wraps(): boolean[][] {
    return this.rect((r, c) => this.styles[r]?.[c]?.wrap === true);
  }

  backgrounds(): (string | null)[][] {
    return this.rect((r, c) => this.styles[r]?.[c]?.background ?? null);
  }

  private rect<T>(cell: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.height; r++) {
      const line: T[] = new Array(this.width);
      for (let c = 0; c < this.width; c++) line[c] = cell(r, c);
      out.push(line);
    }
    return out;
  }
}

/**
 * Sheets reads a written string the way it reads typing: "=…" becomes a formula, "+1" or "00012" a
 * number, "2024-01-05" a date. A leading apostrophe makes it stay text (and is not shown), so every
 * string the report writes — ids, segment and sheet names included — carries one.
 */
export function asText(s: string): string {
  return s === '' ? '' : `'${s}`;
}
