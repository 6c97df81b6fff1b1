// The in-memory spreadsheet: Spreadsheet, Sheet, Range and their helpers (named ranges, developer
// metadata, conditional format rules, charts). Cells are stored the way Sheets stores them: a date
// is a serial number (days since 1899-12-30, wall-clock in the spreadsheet zone) with a date
// number format, so getValues returns a Date exactly when the cell's format is a date format.
import { types as utilTypes } from 'node:util';
import { cellA1, columnToLetters, parseA1, quoteSheetName, rangeA1 } from './a1.js';
import { ENV, Env, EnumValue, enumName, instrument as instrumentImpl, makeEnum, setEnv, typeName, type Carrier } from './core.js';
import {
  DEFAULT_NUMBER_FORMAT,
  formatNumber,
  numberSymbols,
  instantToWall,
  isDateFormat as isDateFormatRaw,
  serialToWall,
  wallToInstant,
  wallToSerial,
} from './dates.js';
import { evaluateFormula, rewriteSheetReferences, type Evaluated } from './formulas.js';
import { MAX_CELL_CHARS, inputLocale, parseInput, type InputLocale, type Scalar } from './values.js';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const MAX_CELLS = 10_000_000;
export const DEFAULT_COLUMN_WIDTH = 100;

export interface Cell {
  v?: Scalar;
  f?: string;
  err?: string;
  nf?: string;
  fw?: string;
  fs?: string;
  fz?: number;
  ff?: string;
  fc?: string;
  bg?: string;
  ha?: string;
  va?: string;
  wrap?: boolean;
  note?: string;
}

const FORMAT_KEYS = ['nf', 'fw', 'fs', 'fz', 'ff', 'fc', 'bg', 'ha', 'va', 'wrap'] as const;

const dateFormatCache = new Map<string, boolean>();
export function isDateFormat(nf: string | undefined): boolean {
  if (!nf) return false;
  let r = dateFormatCache.get(nf);
  if (r === undefined) {
    r = isDateFormatRaw(nf);
    dateFormatCache.set(nf, r);
  }
  return r;
}

export const SpreadsheetEnums = {
  InterpolationType: makeEnum('InterpolationType', ['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  DeveloperMetadataVisibility: makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']),
  DeveloperMetadataLocationType: makeEnum('DeveloperMetadataLocationType', ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']),
  BooleanCriteria: makeEnum('BooleanCriteria', [
    'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'CUSTOM_FORMULA',
    'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH',
  ]),
  Dimension: makeEnum('Dimension', ['COLUMNS', 'ROWS']),
  SheetType: makeEnum('SheetType', ['GRID', 'OBJECT', 'DATASOURCE']),
  WrapStrategy: makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']),
  BorderStyle: makeEnum('BorderStyle', ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']),
  ProtectionType: makeEnum('ProtectionType', ['RANGE', 'SHEET']),
  CopyPasteType: makeEnum('CopyPasteType', ['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS']),
  RecalculationInterval: makeEnum('RecalculationInterval', ['ON_CHANGE', 'MINUTE', 'HOUR']),
};

export const ChartsEnums = {
  ChartType: makeEnum('ChartType', [
    'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM',
    'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
  ]),
  ChartHiddenDimensionStrategy: makeEnum('ChartHiddenDimensionStrategy', ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']),
  ChartMergeStrategy: makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS']),
  LegendPosition: makeEnum('LegendPosition', ['BOTTOM', 'LEFT', 'NONE', 'RIGHT', 'TOP']),
  CurveStyle: makeEnum('CurveStyle', ['NORMAL', 'SMOOTH']),
  PointStyle: makeEnum('PointStyle', ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']),
  Position: makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE']),
};

const NAMED_COLORS: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  orange: '#ffa500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#c0c0c0', lime: '#00ff00',
  navy: '#000080', teal: '#008080', maroon: '#800000', olive: '#808000', aqua: '#00ffff', cyan: '#00ffff',
  fuchsia: '#ff00ff', magenta: '#ff00ff', pink: '#ffc0cb', brown: '#a52a2a', lightgray: '#d3d3d3', lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9', darkgrey: '#a9a9a9',
};

/** Colors are stored as Sheets returns them: lowercase #rrggbb. null/'' resets. */
export function normalizeColor(c: unknown): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return '#' + s[1] + s[1] + s[2] + s[2] + s[3] + s[3];
  return NAMED_COLORS[s] ?? s;
}

// -----------------------------------------------------------------------------------------------
// cell read / write

/**
 * A cell's value as getValues returns it. Given the cell's sheet, a formula the emulator computes
 * (references, named ranges, INDEX/ROWS/COLUMNS/SUM: see formulas.ts) reads as its result.
 */
export function readCell(env: Env, cell: Cell | undefined, sheet?: Sheet): unknown {
  if (!cell) return '';
  if (cell.f !== undefined) {
    if (cell.err !== undefined) return cell.err;
    const e = sheet ? computed(sheet, cell) : undefined;
    if (!e) return cell.v ?? '';
    if (typeof e.value === 'number' && isDateFormat(cell.nf ?? e.nf)) return env.date(serialToInstant(env, e.value));
    return e.value;
  }
  const v = cell.v;
  if (v === undefined) return '';
  if (typeof v === 'number' && isDateFormat(cell.nf)) return env.date(serialToInstant(env, v));
  return v;
}

export function serialToInstant(env: Env, serial: number): number {
  return env.serialInstant(serial, (s) => wallToInstant(serialToWall(s), env.spreadsheetTimeZone));
}

function computed(sheet: Sheet, cell: Cell): Evaluated | undefined {
  return cell.f === undefined ? undefined : evaluateFormula(sheet._ss, sheet, cell.f);
}

export function displayCell(cell: Cell | undefined, sheet?: Sheet): string {
  if (!cell) return '';
  const symbols = numberSymbols(sheet?._ss[ENV].locale);
  if (cell.f !== undefined && cell.err !== undefined) return cell.err;
  const e = cell.f !== undefined && sheet ? computed(sheet, cell) : undefined;
  if (e) {
    if (typeof e.value === 'number') return formatNumber(e.value, cell.nf ?? e.nf, symbols);
    if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
    return e.value;
  }
  const v = cell.v;
  if (v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, cell.nf, symbols);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function isBlankCell(cell: Cell | undefined): boolean {
  return !cell || (cell.v === undefined && cell.f === undefined);
}

/** The stored form of a value written by setValue(s): validated first, applied later. */
interface Prepared {
  v?: Scalar;
  f?: string;
  err?: string;
  nf?: string;
  /** date written: give the cell a date format if it has none */
  dateNf?: string;
  /** plain-text cells keep strings as typed */
  raw?: string;
}

/** A value written by setValue(s)/appendRow; strings are parsed as typed in the spreadsheet's locale. */
function prepareValue(env: Env, value: unknown, locale: InputLocale = inputLocale(env.locale)): Prepared {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_CHARS) {
      throw env.error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
    return { ...parseInput(value, locale), raw: value };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? { v: value } : { f: undefined, v: undefined, err: '#NUM!' };
  if (typeof value === 'boolean') return { v: value };
  if (utilTypes.isDate(value)) {
    const t = (value as Date).getTime();
    if (Number.isNaN(t)) return {};
    const serial = wallToSerial(instantToWall(t, env.spreadsheetTimeZone));
    const midnight = Number.isInteger(Math.round(serial * 86400000) / 86400000);
    return { v: serial, dateNf: midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss' };
  }
  const s = String(value);
  if (s.length > MAX_CELL_CHARS) {
    throw env.error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  return { v: s };
}

function applyPrepared(cell: Cell, p: Prepared): void {
  delete cell.v;
  delete cell.f;
  delete cell.err;
  if (cell.nf === '@' && p.raw !== undefined) {
    // a plain-text cell keeps what is written as text
    if (p.raw !== '') cell.v = p.raw;
    return;
  }
  if (p.v !== undefined) cell.v = p.v;
  if (p.f !== undefined) cell.f = p.f;
  if (p.err !== undefined && (p.f !== undefined || p.v === undefined)) {
    if (p.f === undefined) cell.f = '';
    cell.err = p.err;
  }
  if (cell.nf === undefined) {
    if (p.nf) cell.nf = p.nf;
    if (p.dateNf) cell.nf = p.dateNf;
  }
}

// -----------------------------------------------------------------------------------------------
// developer metadata records

export type MetaLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: Sheet }
  | { type: 'ROW' | 'COLUMN'; sheet: Sheet; start: number; count: number };

export interface MetaRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  loc: MetaLocation;
}

export const MAX_METADATA_CHARS = 30_000;

// -----------------------------------------------------------------------------------------------
// Spreadsheet

interface NamedRecord {
  name: string;
  sheet: Sheet;
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export interface UiSink {
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export class Spreadsheet implements Carrier {
  declare [ENV]: Env;
  _id: string;
  _name: string;
  _sheets: Sheet[] = [];
  _active!: Sheet;
  _activeRange: Range | null = null;
  _named = new Map<string, NamedRecord>();
  /** Named ranges left #REF! by a deleted sheet, by lower-case name: kept, but no longer usable. */
  _brokenNames = new Map<string, string>();
  _meta: MetaRecord[] = [];
  _nextMetaId = 1;
  _seed = 0x5eed1234;
  _nextChartId = 1;

  constructor(env: Env, name: string, readonly _ui: UiSink) {
    setEnv(this, env);
    this._name = name;
    this._id = '1EMU' + Array.from({ length: 40 }, (_, i) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-'[(i * 7 + 3) % 48]).join('');
    const s = new Sheet(env, this, 0, 'Sheet1', DEFAULT_ROWS, DEFAULT_COLS);
    this._sheets.push(s);
    this._active = s;
  }

  _newSheetId(): number {
    // Sheets gives new sheets random positive 31-bit ids; a fixed LCG keeps them reproducible.
    do {
      this._seed = (Math.imul(this._seed, 1103515245) + 12345) >>> 0;
    } while (this._seed % 2_000_000_000 === 0 || this._sheets.some((s) => s._id === this._seed % 2_000_000_000));
    return this._seed % 2_000_000_000;
  }

  _totalCells(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
  }

  _checkCellLimit(extra: number): void {
    if (this._totalCells() + extra > MAX_CELLS) {
      throw this[ENV].error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  _checkNewName(name: string, except?: Sheet): void {
    const lower = name.toLowerCase();
    if (this._sheets.some((s) => s !== except && s._name.toLowerCase() === lower)) {
      throw this[ENV].error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  _autoSheetName(): string {
    let n = this._sheets.length + 1;
    while (this._sheets.some((s) => s._name.toLowerCase() === 'sheet' + n)) n++;
    return 'Sheet' + n;
  }

  /** Adds a sheet (internal: not counted). index is 0-based. */
  _addSheet(name: string | undefined, index: number | undefined, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): Sheet {
    const env = this[ENV];
    const nm = name === undefined || name === '' ? this._autoSheetName() : String(name);
    this._checkNewName(nm);
    this._checkCellLimit(rows * cols);
    const s = new Sheet(env, this, this._newSheetId(), nm, rows, cols);
    const at = index === undefined ? this._sheets.length : Math.max(0, Math.min(this._sheets.length, Math.trunc(index)));
    this._sheets.splice(at, 0, s);
    return s;
  }

  _sheetByName(name: string): Sheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }

  /** For formulas: sheet names match regardless of case (they are unique regardless of case). */
  _sheetNamed(name: string): Sheet | null {
    const lower = name.toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === lower) ?? null;
  }

  _namedRangeFor(name: string): NamedRecord | 'broken' | null {
    const lower = name.toLowerCase();
    return this._named.get(lower) ?? (this._brokenNames.has(lower) ? 'broken' : null);
  }

  /**
   * Formulas refer to a sheet, not to its name: when it is renamed they follow it, when it is
   * deleted they become #REF! for good (a new sheet of the same name does not repair them).
   */
  _rewriteReferences(name: string, replacement: string | null): void {
    for (const sheet of this._sheets) {
      for (const row of sheet._rows) {
        if (!row) continue;
        for (const cell of row) {
          if (cell?.f === undefined || cell.f === '') continue;
          const f = rewriteSheetReferences(cell.f, name, replacement);
          if (f !== cell.f) cell.f = f;
        }
      }
    }
  }

  _removeSheet(sheet: Sheet): void {
    const env = this[ENV];
    const idx = this._sheets.indexOf(sheet);
    if (idx < 0) throw env.error('Sheet not found');
    if (this._sheets.length === 1) throw env.error("You can't remove all the sheets in a document.");
    this._sheets.splice(idx, 1);
    // Sheets keeps the sheet's named ranges as #REF! (Data > Named ranges lists them so), while
    // getNamedRanges and the Sheets API no longer return them yet their names stay taken
    // (github.com/burnash/gspread/issues/1530, issuetracker.google.com/issues/126262167).
    for (const [k, n] of this._named) {
      if (n.sheet !== sheet) continue;
      this._named.delete(k);
      this._brokenNames.set(k, n.name);
    }
    this._rewriteReferences(sheet._name, null);
    this._meta = this._meta.filter((m) => !('sheet' in m.loc) || m.loc.sheet !== sheet);
    if (this._active === sheet) this._active = this._sheets[Math.min(idx, this._sheets.length - 1)];
    if (this._activeRange && this._activeRange._sheet === sheet) this._activeRange = null;
    sheet._deleted = true;
  }

  // --- public API ---
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this[ENV].spreadsheetTimeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    const env = this[ENV];
    env.spreadsheetTimeZone = String(tz);
    env.clearSerialCache();
  }
  getSpreadsheetLocale(): string {
    return this[ENV].locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this[ENV].locale = String(locale);
  }
  getSheets(): Sheet[] {
    return this[ENV].array(this._sheets);
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this._sheetByName(String(name));
  }
  getSheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._id === Number(id)) ?? null;
  }
  getActiveSheet(): Sheet {
    return this._active;
  }
  getActiveRange(): Range {
    return this._activeRange && !this._activeRange._sheet._deleted ? this._activeRange : this._active._range(1, 1, 1, 1);
  }
  getActiveCell(): Range {
    const r = this.getActiveRange();
    return r._sheet._range(r._r, r._c, 1, 1);
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  getSheetName(): string {
    return this._active._name;
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const s = this._own(sheet);
    this._active = s;
    this._activeRange = null;
    return s;
  }
  _own(sheet: unknown): Sheet {
    if (!(sheet instanceof Sheet) || sheet._ss !== this || sheet._deleted) {
      throw this[ENV].error(`The parameters (${typeName(sheet)}) don't match the method signature for SpreadsheetApp.Spreadsheet.`);
    }
    return sheet;
  }
  insertSheet(a?: unknown, b?: unknown, c?: unknown): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: Sheet } | undefined;
    if (typeof a === 'number') index = a;
    else if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') {
        index = b;
        if (c && typeof c === 'object') options = c as { template?: Sheet };
      } else if (b && typeof b === 'object') options = b as { template?: Sheet };
    } else if (a && typeof a === 'object') options = a as { template?: Sheet };
    let sheet: Sheet;
    if (options?.template instanceof Sheet) {
      const t = options.template;
      sheet = this._addSheet(name, index, t._maxRows, t._maxCols);
      t._copyInto(sheet);
    } else sheet = this._addSheet(name, index);
    this._active = sheet;
    this._activeRange = null;
    return sheet;
  }
  deleteSheet(sheet: Sheet): void {
    this._removeSheet(this._own(sheet));
  }
  deleteActiveSheet(): Sheet {
    const s = this._active;
    this._removeSheet(s);
    return this._active;
  }
  duplicateActiveSheet(): Sheet {
    const src = this._active;
    let name = 'Copy of ' + src._name;
    let n = 2;
    while (this._sheets.some((s) => s._name.toLowerCase() === name.toLowerCase())) name = `Copy ${n++} of ${src._name}`;
    const s = this._addSheet(name, this._sheets.indexOf(src) + 1, src._maxRows, src._maxCols);
    src._copyInto(s);
    this._active = s;
    return s;
  }
  moveActiveSheet(pos: number): void {
    const s = this._active;
    const env = this[ENV];
    const p = Math.trunc(Number(pos));
    if (!(p >= 1 && p <= this._sheets.length)) throw env.error('Position is out of range.');
    this._sheets.splice(this._sheets.indexOf(s), 1);
    this._sheets.splice(p - 1, 0, s);
  }
  getRange(a1: string): Range {
    return this._rangeFromA1(String(a1), this._active);
  }
  _rangeFromA1(a1: string, defaultSheet: Sheet): Range {
    const env = this[ENV];
    const ref = parseA1(a1);
    if (!ref) throw env.error('Range not found');
    let sheet = defaultSheet;
    if (ref.sheetName !== undefined) {
      const s = this._sheetByName(ref.sheetName);
      if (!s) throw env.error('Range not found');
      sheet = s;
    }
    return sheet._rangeFromRef(ref);
  }
  getNamedRanges(): NamedRange[] {
    return this[ENV].array([...this._named.values()].map((n) => new NamedRange(this[ENV], this, n)));
  }
  setNamedRange(name: string, range: Range): void {
    const env = this[ENV];
    const nm = String(name);
    validateRangeName(env, nm);
    if (!(range instanceof Range) || range._sheet._ss !== this) {
      throw env.error(`The parameters (String,${typeName(range)}) don't match the method signature for SpreadsheetApp.Spreadsheet.setNamedRange.`);
    }
    range._sheet._checkAlive();
    if (this._brokenNames.has(nm.toLowerCase())) {
      // A #REF! name is invisible to getNamedRanges yet still taken (gspread issue 1530 above):
      // removeNamedRange frees it.
      throw env.error(`A named range with the name "${this._brokenNames.get(nm.toLowerCase())}" already exists.`);
    }
    const existing = this._named.get(nm.toLowerCase());
    if (existing) this._named.delete(nm.toLowerCase());
    this._named.set(nm.toLowerCase(), { name: nm, sheet: range._sheet, r: range._r, c: range._c, nr: range._nr, nc: range._nc });
  }
  getRangeByName(name: string): Range | null {
    const n = this._named.get(String(name).toLowerCase());
    if (!n) return null;
    return new Range(this[ENV], n.sheet, n.r, n.c, n.nr, n.nc);
  }
  removeNamedRange(name: string): void {
    this._named.delete(String(name).toLowerCase());
    this._brokenNames.delete(String(name).toLowerCase());
  }
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this._ui.toast(String(message ?? ''), title === undefined || title === null ? '' : String(title), timeoutSeconds === undefined ? 5 : Number(timeoutSeconds));
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Spreadsheet {
    addMetadata(this, { type: 'SPREADSHEET' }, key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    const env = this[ENV];
    return env.array(this._meta.filter((m) => m.loc.type === 'SPREADSHEET').map((m) => new DeveloperMetadata(env, this, m)));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this[ENV], this, () => true);
  }
  getLastRow(): number {
    return this._active._lastRow();
  }
  getLastColumn(): number {
    return this._active._lastCol();
  }
  getDataRange(): Range {
    return this._active.getDataRange();
  }
  getSheetValues(r: number, c: number, nr: number, nc: number): unknown[][] {
    return this._active.getSheetValues(r, c, nr, nc);
  }
  getFormUrl(): string | null {
    return null;
  }
  getOwner(): null {
    return null;
  }
}
instrument('Spreadsheet', Spreadsheet);

function validateRangeName(env: Env, nm: string): void {
  const bad =
    nm.length < 1 ||
    nm.length > 250 ||
    !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nm) ||
    /^(true|false)$/i.test(nm) ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(nm) ||
    /^[Rr][0-9]*[Cc][0-9]*$/.test(nm);
  if (bad) {
    throw env.error(
      `The name "${nm}" is not valid. Named range names contain only letters, numbers and underscores, start with a letter or underscore, and can't look like a cell reference.`,
    );
  }
}

/** Spreadsheet, Sheet, Range, NamedRange and DeveloperMetadata refuse writes in custom functions. */
function instrument(className: string, cls: { prototype: object }): void {
  const writable = ['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'DeveloperMetadata'].includes(className);
  instrumentImpl(cls, className, { restrictWrites: writable });
}

// -----------------------------------------------------------------------------------------------
// Sheet

export interface CfRuleData {
  ranges: Range[];
  gradient?: {
    min?: GradientPoint;
    mid?: GradientPoint;
    max?: GradientPoint;
  };
  boolean?: {
    criteria: string;
    values: unknown[];
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
    underline?: boolean;
  };
}

export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

export interface ChartData {
  id: number | null;
  type: string;
  ranges: Range[];
  options: Map<string, unknown>;
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenStrategy: string;
}

export class Sheet implements Carrier {
  declare [ENV]: Env;
  _rows: (Cell | undefined)[][] = [];
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _colWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _cf: CfRuleData[] = [];
  _charts: ChartData[] = [];
  _merges: { r: number; c: number; nr: number; nc: number }[] = [];
  _deleted = false;

  constructor(
    env: Env,
    readonly _ss: Spreadsheet,
    public _id: number,
    public _name: string,
    public _maxRows: number,
    public _maxCols: number,
  ) {
    setEnv(this, env);
  }

  // --- internal ---
  _cell(r: number, c: number): Cell | undefined {
    return this._rows[r - 1]?.[c - 1];
  }
  _cellW(r: number, c: number): Cell {
    let row = this._rows[r - 1];
    if (!row) row = this._rows[r - 1] = [];
    let cell = row[c - 1];
    if (!cell) cell = row[c - 1] = {};
    return cell;
  }
  _lastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) {
      const row = this._rows[r - 1];
      if (row && row.some((c) => !isBlankCell(c))) return r;
    }
    return 0;
  }
  _lastCol(): number {
    let max = 0;
    for (const row of this._rows) {
      if (!row) continue;
      for (let c = row.length; c > max; c--) {
        if (!isBlankCell(row[c - 1])) {
          max = c;
          break;
        }
      }
    }
    return max;
  }
  _checkAlive(): void {
    if (this._deleted) throw this[ENV].error('The sheet has been deleted.');
  }
  /** A validated range (1-based); throws like Sheets for bad coordinates. */
  _range(row: number, col: number, numRows: number, numCols: number, method = 'getRange'): Range {
    const env = this[ENV];
    this._checkAlive();
    for (const v of [row, col, numRows, numCols]) {
      if (typeof v !== 'number' || Number.isNaN(v)) {
        const sig = [row, col, numRows, numCols].map(typeName).join(',');
        throw env.error(`The parameters (${sig}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
      }
    }
    const r = Math.trunc(row);
    const c = Math.trunc(col);
    const nr = Math.trunc(numRows);
    const nc = Math.trunc(numCols);
    if (r < 1) throw env.error('The starting row of the range is too small.');
    if (c < 1) throw env.error('The starting column of the range is too small.');
    if (nr < 1) throw env.error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw env.error('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this._maxRows || c + nc - 1 > this._maxCols) {
      throw env.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(env, this, r, c, nr, nc);
  }
  _rangeFromRef(ref: NonNullable<ReturnType<typeof parseA1>>): Range {
    const env = this[ENV];
    const r = ref.startRow ?? 1;
    const c = ref.startCol ?? 1;
    const er = ref.endRow ?? this._maxRows;
    const ec = ref.endCol ?? this._maxCols;
    if (r > this._maxRows || c > this._maxCols || er > this._maxRows || ec > this._maxCols) {
      throw env.error('Range not found');
    }
    const range = new Range(env, this, r, c, er - r + 1, ec - c + 1);
    range._openRows = ref.endRow === undefined;
    range._openCols = ref.endCol === undefined;
    return range;
  }
  _copyInto(target: Sheet): void {
    target._rows = this._rows.map((row) => (row ? row.map((c) => (c ? { ...c } : c)) : row));
    target._frozenRows = this._frozenRows;
    target._frozenCols = this._frozenCols;
    target._colWidths = new Map(this._colWidths);
    target._rowHeights = new Map(this._rowHeights);
    target._merges = this._merges.map((m) => ({ ...m }));
    target._cf = this._cf.map((rule) => ({
      ...rule,
      ranges: rule.ranges.map((rg) => (rg._sheet === this ? new Range(target[ENV], target, rg._r, rg._c, rg._nr, rg._nc) : rg)),
    }));
    target._tabColor = this._tabColor;
  }
  _resizeCheck(extraRows: number, extraCols: number): void {
    const add = extraRows * this._maxCols + extraCols * (this._maxRows + extraRows);
    this._ss._checkCellLimit(add);
  }

  // --- public API ---
  getName(): string {
    return this._name;
  }
  setName(name: string): Sheet {
    const env = this[ENV];
    const nm = String(name);
    if (nm.trim() === '') throw env.error('Sheet names cannot be empty.');
    this._ss._checkNewName(nm, this);
    const old = this._name;
    this._name = nm;
    if (old !== nm) this._ss._rewriteReferences(old, nm);
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this._name;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    return this._ss;
  }
  getType(): EnumValue {
    return SpreadsheetEnums.SheetType.GRID;
  }
  activate(): Sheet {
    this._checkAlive();
    this._ss._active = this;
    this._ss._activeRange = null;
    return this;
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): Range {
    if (typeof a === 'string' && b === undefined) {
      const env = this[ENV];
      this._checkAlive();
      const ref = parseA1(a);
      if (!ref) throw env.error('Range not found');
      if (ref.sheetName !== undefined && ref.sheetName !== this._name) return this._ss._rangeFromA1(a, this);
      return this._rangeFromRef(ref);
    }
    return this._range(a as number, b as number, c === undefined ? 1 : (c as number), d === undefined ? 1 : (d as number));
  }
  getRangeList(a1s: string[]): { getRanges(): Range[] } {
    const ranges = (a1s ?? []).map((x) => this.getRange(x));
    return { getRanges: () => this[ENV].array(ranges) };
  }
  getDataRange(): Range {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol()));
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastCol();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  getSheetValues(r: number, c: number, nr: number, nc: number): unknown[][] {
    const rr = Number(r);
    const cc = Number(c);
    const nrr = Number(nr) === -1 ? this._lastRow() - rr + 1 : Number(nr);
    const ncc = Number(nc) === -1 ? this._lastCol() - cc + 1 : Number(nc);
    return this._range(rr, cc, nrr, ncc, 'getSheetValues').getValues();
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insertRows(Number(afterPosition) + 1, Number(howMany), 'insertRowsAfter');
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insertRows(Number(beforePosition), Number(howMany), 'insertRowsBefore');
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this._insertRows(Number(afterPosition) + 1, 1, 'insertRowAfter');
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this._insertRows(Number(beforePosition), 1, 'insertRowBefore');
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRows(Number(rowIndex), Number(numRows), 'insertRows');
  }
  _insertRows(at: number, n: number, _method: string): Sheet {
    const env = this[ENV];
    if (!(at >= 1 && at <= this._maxRows + 1) || !(n >= 1)) throw env.error('Those rows are out of bounds.');
    this._resizeCheck(n, 0);
    if (at - 1 < this._rows.length) this._rows.splice(at - 1, 0, ...new Array<(Cell | undefined)[]>(n));
    this._maxRows += n;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this._insertCols(Number(afterPosition) + 1, Number(howMany));
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this._insertCols(Number(beforePosition), Number(howMany));
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this._insertCols(Number(afterPosition) + 1, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this._insertCols(Number(beforePosition), 1);
  }
  _insertCols(at: number, n: number): Sheet {
    const env = this[ENV];
    if (!(at >= 1 && at <= this._maxCols + 1) || !(n >= 1)) throw env.error('Those columns are out of bounds.');
    this._resizeCheck(0, n);
    for (const row of this._rows) if (row && at - 1 < row.length) row.splice(at - 1, 0, ...new Array<Cell | undefined>(n));
    this._maxCols += n;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const env = this[ENV];
    const at = Number(rowPosition);
    const n = Number(howMany);
    if (!(at >= 1 && n >= 1 && at + n - 1 <= this._maxRows)) throw env.error('Those rows are out of bounds.');
    if (n >= this._maxRows - this._frozenRows && at <= this._maxRows) {
      if (n >= this._maxRows) throw env.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._rows.splice(at - 1, n);
    this._maxRows -= n;
  }
  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const env = this[ENV];
    const at = Number(columnPosition);
    const n = Number(howMany);
    if (!(at >= 1 && n >= 1 && at + n - 1 <= this._maxCols)) throw env.error('Those columns are out of bounds.');
    if (n >= this._maxCols) throw env.error('Sorry, it is not possible to delete all non-frozen columns.');
    for (const row of this._rows) if (row) row.splice(at - 1, n);
    this._maxCols -= n;
  }
  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  appendRow(rowContents: unknown[]): Sheet {
    const env = this[ENV];
    if (!Array.isArray(rowContents)) {
      throw env.error(`The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    }
    const locale = inputLocale(env.locale);
    const prepared = rowContents.map((v) => prepareValue(env, v, locale));
    const r = this._lastRow() + 1;
    if (r > this._maxRows) this._insertRows(this._maxRows + 1, 1, 'appendRow');
    if (prepared.length > this._maxCols) this._insertCols(this._maxCols + 1, prepared.length - this._maxCols);
    prepared.forEach((p, i) => applyPrepared(this._cellW(r, i + 1), p));
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const contentsOnly = !!options?.contentsOnly;
    const formatOnly = !!options?.formatOnly;
    if (contentsOnly && !formatOnly) return this.clearContents();
    if (formatOnly && !contentsOnly) return this.clearFormats();
    this._rows = [];
    return this;
  }
  clearContents(): Sheet {
    for (const row of this._rows) {
      if (!row) continue;
      for (const cell of row) {
        if (!cell) continue;
        delete cell.v;
        delete cell.f;
        delete cell.err;
      }
    }
    return this;
  }
  clearFormats(): Sheet {
    for (const row of this._rows) {
      if (!row) continue;
      for (const cell of row) if (cell) for (const k of FORMAT_KEYS) delete cell[k];
    }
    return this;
  }
  clearNotes(): Sheet {
    for (const row of this._rows) if (row) for (const cell of row) if (cell) delete cell.note;
    return this;
  }
  setFrozenRows(rows: number): void {
    const env = this[ENV];
    const n = Math.trunc(Number(rows));
    if (!(n >= 0) || n > this._maxRows) throw env.error(`The number of frozen rows must be between 0 and ${this._maxRows}.`);
    if (n >= this._maxRows) throw env.error("Sorry, it's not possible to freeze all rows.");
    this._frozenRows = n;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const env = this[ENV];
    const n = Math.trunc(Number(columns));
    if (!(n >= 0) || n > this._maxCols) throw env.error(`The number of frozen columns must be between 0 and ${this._maxCols}.`);
    if (n >= this._maxCols) throw env.error("Sorry, it's not possible to freeze all columns.");
    this._frozenCols = n;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._colWidths.set(Number(columnPosition), Number(width));
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let i = 0; i < Number(numColumns); i++) this._colWidths.set(Number(startColumn) + i, Number(width));
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._colWidths.get(Number(columnPosition)) ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    this._rowHeights.set(Number(rowPosition), Number(height));
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    for (let i = 0; i < Number(numRows); i++) this._rowHeights.set(Number(startRow) + i, Number(height));
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this._rowHeights.get(Number(rowPosition)) ?? 21;
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let i = 0; i < Number(numColumns); i++) this._autoResize(Number(startColumn) + i);
    return this;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    this._autoResize(Number(columnPosition));
    return this;
  }
  _autoResize(col: number): void {
    // An estimate: about 7 px a character of the longest display text, plus padding.
    let longest = 0;
    for (const row of this._rows) {
      const cell = row?.[col - 1];
      if (!cell) continue;
      const text = displayCell(cell);
      const len = Math.max(...text.split('\n').map((l) => l.length));
      if (len > longest) longest = len;
    }
    this._colWidths.set(col, Math.max(21, Math.round(longest * 7 + 10)));
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    void columnIndex;
    void numColumns;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    void columnIndex;
    void numColumns;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    void rowIndex;
    void numRows;
  }
  showRows(rowIndex: number, numRows = 1): void {
    void rowIndex;
    void numRows;
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    const env = this[ENV];
    if (!Array.isArray(rules)) {
      throw env.error(`The parameters (${typeName(rules)}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`);
    }
    const data: CfRuleData[] = [];
    for (const r of rules) {
      if (!(r instanceof ConditionalFormatRule)) {
        throw env.error(`The parameters (${typeName(rules)}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`);
      }
      if (r._d.ranges.some((rg) => rg._sheet !== this)) {
        throw env.error('Conditional format rule cannot reference a different sheet.');
      }
      if (!r._d.gradient && !r._d.boolean) throw env.error('Conditional format rule has no condition.');
      data.push(cloneRule(r._d));
    }
    this._cf = data;
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    const env = this[ENV];
    return env.array(this._cf.map((d) => new ConditionalFormatRule(env, cloneRule(d))));
  }
  clearConditionalFormatRules(): void {
    this._cf = [];
  }
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this[ENV], this, null);
  }
  insertChart(chart: EmbeddedChart): void {
    const env = this[ENV];
    if (!(chart instanceof EmbeddedChart)) throw env.error(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.insertChart.`);
    const d = cloneChart(chart._d);
    if (d.id !== null && this._charts.some((c) => c.id === d.id)) throw env.error('The chart is already in the sheet. Use updateChart.');
    d.id = this._ss._nextChartId++;
    chart._d.id = d.id;
    this._charts.push(d);
  }
  getCharts(): EmbeddedChart[] {
    const env = this[ENV];
    return env.array(this._charts.map((d) => new EmbeddedChart(env, this, cloneChart(d))));
  }
  removeChart(chart: EmbeddedChart): void {
    const env = this[ENV];
    if (!(chart instanceof EmbeddedChart)) throw env.error(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.removeChart.`);
    const i = this._charts.findIndex((c) => c.id === chart._d.id);
    if (i < 0) throw env.error('Chart not found.');
    this._charts.splice(i, 1);
  }
  updateChart(chart: EmbeddedChart): void {
    const env = this[ENV];
    if (!(chart instanceof EmbeddedChart)) throw env.error(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.updateChart.`);
    const i = this._charts.findIndex((c) => c.id === chart._d.id);
    if (i < 0) throw env.error('Chart not found.');
    this._charts[i] = cloneChart(chart._d);
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Sheet {
    addMetadata(this._ss, { type: 'SHEET', sheet: this }, key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    const env = this[ENV];
    return env.array(
      this._ss._meta.filter((m) => m.loc.type === 'SHEET' && m.loc.sheet === this).map((m) => new DeveloperMetadata(env, this._ss, m)),
    );
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this[ENV], this._ss, (m) => 'sheet' in m.loc && m.loc.sheet === this);
  }
  getNamedRanges(): NamedRange[] {
    const env = this[ENV];
    return env.array([...this._ss._named.values()].filter((n) => n.sheet === this).map((n) => new NamedRange(env, this._ss, n)));
  }
  hideSheet(): Sheet {
    const env = this[ENV];
    if (!this._hidden && this._ss._sheets.filter((s) => !s._hidden).length <= 1) throw env.error("You can't hide all the sheets in a document.");
    this._hidden = true;
    if (this._ss._active === this) this._ss._active = this._ss._sheets.find((s) => !s._hidden) ?? this;
    return this;
  }
  showSheet(): Sheet {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  setTabColor(color: string | null): Sheet {
    this._tabColor = normalizeColor(color) ?? null;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  copyTo(spreadsheet: Spreadsheet): Sheet {
    const env = this[ENV];
    if (spreadsheet !== this._ss) throw env.error('The emulator can copy a sheet only within its own spreadsheet.');
    let name = 'Copy of ' + this._name;
    let n = 2;
    while (this._ss._sheets.some((s) => s._name.toLowerCase() === name.toLowerCase())) name = `Copy ${n++} of ${this._name}`;
    const s = this._ss._addSheet(name, undefined, this._maxRows, this._maxCols);
    this._copyInto(s);
    return s;
  }
  getActiveRange(): Range | null {
    const a = this._ss._activeRange;
    return a && a._sheet === this ? a : null;
  }
  setActiveRange(range: Range): Range {
    this._ss._active = this;
    this._ss._activeRange = range;
    return range;
  }
  getActiveCell(): Range {
    const a = this._ss._activeRange;
    return a && a._sheet === this ? this._range(a._r, a._c, 1, 1) : this._range(1, 1, 1, 1);
  }
  protect(): { setWarningOnly(b: boolean): unknown; setDescription(d: string): unknown } {
    const p = { setWarningOnly: () => p, setDescription: () => p };
    return p;
  }
}
instrument('Sheet', Sheet);

// -----------------------------------------------------------------------------------------------
// Range

export class Range implements Carrier {
  declare [ENV]: Env;
  _openRows = false;
  _openCols = false;
  constructor(
    env: Env,
    readonly _sheet: Sheet,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {
    setEnv(this, env);
  }

  _forEach(fn: (cell: Cell, i: number, j: number) => void): void {
    this._sheet._checkAlive();
    for (let i = 0; i < this._nr; i++) for (let j = 0; j < this._nc; j++) fn(this._sheet._cellW(this._r + i, this._c + j), i, j);
  }
  _forEachExisting(fn: (cell: Cell) => void): void {
    for (let i = 0; i < this._nr; i++) {
      const row = this._sheet._rows[this._r - 1 + i];
      if (!row) continue;
      for (let j = 0; j < this._nc; j++) {
        const cell = row[this._c - 1 + j];
        if (cell) fn(cell);
      }
    }
  }
  _map<T>(fn: (cell: Cell | undefined) => T): T[][] {
    this._sheet._checkAlive();
    const out: T[][] = new Array(this._nr);
    const rows = this._sheet._rows;
    for (let i = 0; i < this._nr; i++) {
      const row = rows[this._r - 1 + i];
      const o: T[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++) o[j] = fn(row?.[this._c - 1 + j]);
      out[i] = o;
    }
    return out;
  }
  _checkGrid(values: unknown, method: string): unknown[][] {
    const env = this[ENV];
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      const t = Array.isArray(values) ? (values.length && !Array.isArray(values[0]) ? typeName(values[0]) + '[]' : 'Object[]') : typeName(values);
      throw env.error(`The parameters (${t}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (values.length !== this._nr) {
      throw env.error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._nr}.`);
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this._nc) {
        throw env.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`);
      }
    }
    return values as unknown[][];
  }
  _setAttr<K extends keyof Cell>(key: K, value: Cell[K] | undefined): Range {
    this._forEach((cell) => {
      if (value === undefined) delete cell[key];
      else cell[key] = value;
    });
    return this;
  }
  _setAttrs<K extends keyof Cell>(key: K, grid: unknown, method: string, conv: (v: unknown) => Cell[K] | undefined): Range {
    const g = this._checkGrid(grid, method);
    const conv2 = g.map((row) => row.map(conv));
    this._forEach((cell, i, j) => {
      const v = conv2[i][j];
      if (v === undefined) delete cell[key];
      else cell[key] = v;
    });
    return this;
  }
  _attrGrid<T>(fn: (cell: Cell | undefined) => T): T[][] {
    return this[ENV].array2d(this._map(fn));
  }

  // --- geometry ---
  getRow(): number {
    return this._r;
  }
  getRowIndex(): number {
    return this._r;
  }
  getColumn(): number {
    return this._c;
  }
  getColumnIndex(): number {
    return this._c;
  }
  getLastRow(): number {
    return this._r + this._nr - 1;
  }
  getLastColumn(): number {
    return this._c + this._nc - 1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getA1Notation(): string {
    if (this._openRows && this._r === 1 && !this._openCols) return columnToLetters(this._c) + ':' + columnToLetters(this._c + this._nc - 1);
    if (this._openRows) return cellA1(this._r, this._c) + ':' + columnToLetters(this._c + this._nc - 1);
    if (this._openCols && this._c === 1) return this._r + ':' + (this._r + this._nr - 1);
    return rangeA1(this._r, this._c, this._nr, this._nc);
  }
  getSheet(): Sheet {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getCell(row: number, column: number): Range {
    const env = this[ENV];
    const r = Number(row);
    const c = Number(column);
    if (!(r >= 1 && r <= this._nr && c >= 1 && c <= this._nc)) throw env.error('Cell reference out of range');
    return new Range(env, this._sheet, this._r + r - 1, this._c + c - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet._range(
      this._r + Number(rowOffset),
      this._c + Number(columnOffset),
      numRows === undefined ? this._nr : Number(numRows),
      numColumns === undefined ? this._nc : Number(numColumns),
      'offset',
    );
  }
  activate(): Range {
    this._sheet._ss._active = this._sheet;
    this._sheet._ss._activeRange = this;
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this._forEachExisting((c) => {
      if (!isBlankCell(c)) blank = false;
    });
    return blank;
  }

  // --- values ---
  getValues(): unknown[][] {
    const env = this[ENV];
    const sheet = this._sheet;
    return env.array2d(this._map((c) => readCell(env, c, sheet)));
  }
  getValue(): unknown {
    return readCell(this[ENV], this._sheet._cell(this._r, this._c), this._sheet);
  }
  getDisplayValues(): string[][] {
    return this._attrGrid((c) => displayCell(c, this._sheet));
  }
  getDisplayValue(): string {
    return displayCell(this._sheet._cell(this._r, this._c), this._sheet);
  }
  getFormulas(): string[][] {
    return this._attrGrid((c) => c?.f ?? '');
  }
  getFormula(): string {
    return this._sheet._cell(this._r, this._c)?.f ?? '';
  }
  setValues(values: unknown[][]): Range {
    const env = this[ENV];
    const g = this._checkGrid(values, 'setValues');
    const locale = inputLocale(env.locale);
    const prepared = g.map((row) => row.map((v) => prepareValue(env, v, locale)));
    this._forEach((cell, i, j) => applyPrepared(cell, prepared[i][j]));
    return this;
  }
  setValue(value: unknown): Range {
    const p = prepareValue(this[ENV], value);
    this._forEach((cell) => applyPrepared(cell, p));
    return this;
  }
  setFormula(formula: string): Range {
    const f = String(formula);
    this._forEach((cell) => {
      delete cell.v;
      delete cell.err;
      if (f === '') delete cell.f;
      else cell.f = f.startsWith('=') ? f : '=' + f;
    });
    return this;
  }
  setFormulas(formulas: string[][]): Range {
    const g = this._checkGrid(formulas, 'setFormulas');
    this._forEach((cell, i, j) => {
      const f = String(g[i][j] ?? '');
      delete cell.v;
      delete cell.err;
      if (f === '') delete cell.f;
      else cell.f = f.startsWith('=') ? f : '=' + f;
    });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): Range {
    const contentsOnly = !!options?.contentsOnly;
    const formatOnly = !!options?.formatOnly;
    if (contentsOnly && !formatOnly) return this.clearContent();
    if (formatOnly && !contentsOnly) return this.clearFormat();
    this._forEachExisting((cell) => {
      for (const k of Object.keys(cell) as (keyof Cell)[]) if (k !== 'note') delete cell[k];
    });
    return this;
  }
  clearContent(): Range {
    this._forEachExisting((cell) => {
      delete cell.v;
      delete cell.f;
      delete cell.err;
    });
    return this;
  }
  clearFormat(): Range {
    this._forEachExisting((cell) => {
      for (const k of FORMAT_KEYS) delete cell[k];
    });
    return this;
  }
  clearNote(): Range {
    this._forEachExisting((cell) => delete cell.note);
    return this;
  }

  // --- formats ---
  setNumberFormat(numberFormat: string): Range {
    return this._setAttr('nf', numberFormat === null || numberFormat === undefined ? undefined : String(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this._setAttrs('nf', numberFormats, 'setNumberFormats', (v) => (v === null || v === undefined || v === '' ? undefined : String(v)));
  }
  getNumberFormat(): string {
    return this._sheet._cell(this._r, this._c)?.nf ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._attrGrid((c) => c?.nf ?? DEFAULT_NUMBER_FORMAT);
  }
  setFontWeight(fontWeight: string | null): Range {
    return this._setAttr('fw', fontWeight === 'bold' ? 'bold' : undefined);
  }
  setFontWeights(fontWeights: (string | null)[][]): Range {
    return this._setAttrs('fw', fontWeights, 'setFontWeights', (v) => (v === 'bold' ? 'bold' : undefined));
  }
  getFontWeight(): string {
    return this._sheet._cell(this._r, this._c)?.fw ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this._attrGrid((c) => c?.fw ?? 'normal');
  }
  setFontStyle(fontStyle: string | null): Range {
    return this._setAttr('fs', fontStyle === 'italic' ? 'italic' : undefined);
  }
  getFontStyle(): string {
    return this._sheet._cell(this._r, this._c)?.fs ?? 'normal';
  }
  setFontSize(size: number): Range {
    return this._setAttr('fz', size === null || size === undefined ? undefined : Number(size));
  }
  getFontSize(): number {
    return this._sheet._cell(this._r, this._c)?.fz ?? 10;
  }
  setFontFamily(fontFamily: string | null): Range {
    return this._setAttr('ff', fontFamily ? String(fontFamily) : undefined);
  }
  getFontFamily(): string {
    return this._sheet._cell(this._r, this._c)?.ff ?? 'Arial';
  }
  setFontColor(color: string | null): Range {
    return this._setAttr('fc', normalizeColor(color));
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this._setAttrs('fc', colors, 'setFontColors', normalizeColor);
  }
  getFontColor(): string {
    return this._sheet._cell(this._r, this._c)?.fc ?? '#000000';
  }
  getFontColors(): string[][] {
    return this._attrGrid((c) => c?.fc ?? '#000000');
  }
  setBackground(color: string | null): Range {
    return this._setAttr('bg', normalizeColor(color));
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this._setAttrs('bg', colors, 'setBackgrounds', normalizeColor);
  }
  getBackground(): string {
    return this._sheet._cell(this._r, this._c)?.bg ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._attrGrid((c) => c?.bg ?? '#ffffff');
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._setAttr('ha', alignment ? String(alignment).toLowerCase() : undefined);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    return this._setAttrs('ha', alignments, 'setHorizontalAlignments', (v) => (v ? String(v).toLowerCase() : undefined));
  }
  getHorizontalAlignment(): string {
    return this._sheet._cell(this._r, this._c)?.ha ?? 'general';
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this._setAttr('va', alignment ? String(alignment).toLowerCase() : undefined);
  }
  getVerticalAlignment(): string {
    return this._sheet._cell(this._r, this._c)?.va ?? 'bottom';
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this._setAttr('wrap', isWrapEnabled ? true : undefined);
  }
  setWraps(isWrapEnabled: boolean[][]): Range {
    return this._setAttrs('wrap', isWrapEnabled, 'setWraps', (v) => (v ? true : undefined));
  }
  getWrap(): boolean {
    return this._sheet._cell(this._r, this._c)?.wrap ?? false;
  }
  setWrapStrategy(strategy: unknown): Range {
    return this._setAttr('wrap', enumName(strategy) === 'WRAP' ? true : undefined);
  }
  setNote(note: string | null): Range {
    return this._setAttr('note', note === null || note === undefined || note === '' ? undefined : String(note));
  }
  setNotes(notes: (string | null)[][]): Range {
    return this._setAttrs('note', notes, 'setNotes', (v) => (v === null || v === undefined || v === '' ? undefined : String(v)));
  }
  getNote(): string {
    return this._sheet._cell(this._r, this._c)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._attrGrid((c) => c?.note ?? '');
  }
  setBorder(...args: unknown[]): Range {
    void args;
    return this;
  }
  setTextStyle(style: unknown): Range {
    void style;
    return this;
  }
  merge(): Range {
    const sh = this._sheet;
    sh._merges = sh._merges.filter((m) => !overlaps(m, this));
    if (this._nr > 1 || this._nc > 1) sh._merges.push({ r: this._r, c: this._c, nr: this._nr, nc: this._nc });
    return this;
  }
  breakApart(): Range {
    const sh = this._sheet;
    sh._merges = sh._merges.filter((m) => !overlaps(m, this));
    return this;
  }
  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => overlaps(m, this));
  }
  /**
   * copyTo(destination[, options]) and copyTo(destination, copyPasteType, transposed), after
   * developers.google.com/apps-script/reference/spreadsheet/copy-paste-type: PASTE_NORMAL (and the
   * one-argument form) pastes "values, formulas, formats and merges", PASTE_VALUES values only,
   * PASTE_FORMAT formats only, PASTE_FORMULA values and formulas, PASTE_COLUMN_WIDTHS the column
   * widths only. Notes and conditional formats are not pasted (the documentation does not list
   * them). The whole source is pasted from the destination's top-left cell, as the Sheets API's
   * CopyPasteRequest does for a smaller destination (developers.google.com/sheets/api/reference/rest/
   * v4/spreadsheets/request#copypasterequest); a destination that is a multiple of the source would
   * repeat it there, which the emulator does not. Cells past the destination sheet's edge are dropped.
   */
  copyTo(destination: Range, a?: unknown, b?: unknown): void {
    const env = this[ENV];
    if (!(destination instanceof Range)) throw env.error(`The parameters (${typeName(destination)}) don't match the method signature for SpreadsheetApp.Range.copyTo.`);
    this._sheet._checkAlive();
    destination._sheet._checkAlive();
    let type = 'PASTE_NORMAL';
    if (a instanceof EnumValue) {
      type = enumName(a);
      if (b === true) throw env.error('The emulator does not transpose in Range.copyTo.');
    } else if (a && typeof a === 'object') {
      const o = a as { contentsOnly?: boolean; formatOnly?: boolean };
      if (o.contentsOnly && !o.formatOnly) type = 'PASTE_VALUES_AND_FORMULAS';
      else if (o.formatOnly && !o.contentsOnly) type = 'PASTE_FORMAT';
    }
    const dst = destination._sheet;
    if (type === 'PASTE_COLUMN_WIDTHS') {
      const widths = Array.from({ length: this._nc }, (_, j) => this._sheet._colWidths.get(this._c + j));
      widths.forEach((w, j) => {
        const col = destination._c + j;
        if (col > dst._maxCols) return;
        if (w === undefined) dst._colWidths.delete(col);
        else dst._colWidths.set(col, w);
      });
      return;
    }
    const contents = type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS' || type === 'PASTE_VALUES' || type === 'PASTE_FORMULA' || type === 'PASTE_VALUES_AND_FORMULAS';
    const formulas = contents && type !== 'PASTE_VALUES';
    const formats = type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS' || type === 'PASTE_FORMAT';
    if (!contents && !formats) throw env.error(`The emulator does not paste ${type} in Range.copyTo.`);
    const src = this._map((c) => (c ? { ...c } : undefined));
    const rows = Math.min(this._nr, dst._maxRows - destination._r + 1);
    const cols = Math.min(this._nc, dst._maxCols - destination._c + 1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const s = src[i][j];
        // A blank source cell over a blank destination cell changes nothing (and costs nothing).
        if (!s && !dst._cell(destination._r + i, destination._c + j)) continue;
        const cell = dst._cellW(destination._r + i, destination._c + j);
        if (contents) {
          delete cell.v;
          delete cell.f;
          delete cell.err;
          if (s?.f !== undefined && formulas) {
            cell.f = s.f;
            if (s.err !== undefined) cell.err = s.err;
          } else if (s?.f !== undefined) {
            const v = readCell(env, s, this._sheet);
            if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v !== '')) cell.v = v;
          } else if (s?.v !== undefined) cell.v = s.v;
        }
        if (formats) {
          for (const k of FORMAT_KEYS) {
            if (s?.[k] === undefined) delete cell[k];
            else (cell as Record<string, unknown>)[k] = s[k];
          }
        }
      }
    }
    if (type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS') {
      // Merges in the pasted area are replaced by the source's.
      const area = { _r: destination._r, _c: destination._c, _nr: rows, _nc: cols } as Range;
      const moved = this._sheet._merges
        .filter((m) => m.r >= this._r && m.c >= this._c && m.r + m.nr <= this._r + rows && m.c + m.nc <= this._c + cols)
        .map((m) => ({ r: m.r - this._r + destination._r, c: m.c - this._c + destination._c, nr: m.nr, nc: m.nc }));
      dst._merges = [...dst._merges.filter((m) => !overlaps(m, area)), ...moved];
    }
  }

  // --- developer metadata on whole rows / columns ---
  _metaLocation(): MetaLocation {
    const env = this[ENV];
    const sh = this._sheet;
    if (this._c === 1 && this._nc === sh._maxCols) return { type: 'ROW', sheet: sh, start: this._r, count: this._nr };
    if (this._r === 1 && this._nr === sh._maxRows) return { type: 'COLUMN', sheet: sh, start: this._c, count: this._nc };
    throw env.error(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Range {
    addMetadata(this._sheet._ss, this._metaLocation(), key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    const env = this[ENV];
    const ss = this._sheet._ss;
    return env.array(ss._meta.filter((m) => metaOnRange(m, this, false)).map((m) => new DeveloperMetadata(env, ss, m)));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    const f = new DeveloperMetadataFinder(this[ENV], this._sheet._ss, (m, intersecting) => metaOnRange(m, this, intersecting));
    return f;
  }
}
instrument('Range', Range);

function overlaps(m: { r: number; c: number; nr: number; nc: number }, r: Range): boolean {
  return m.r < r._r + r._nr && r._r < m.r + m.nr && m.c < r._c + r._nc && r._c < m.c + m.nc;
}

function metaOnRange(m: MetaRecord, range: Range, intersecting: boolean): boolean {
  const loc = m.loc;
  if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return false;
  if (loc.sheet !== range._sheet) return false;
  const [start, count] = loc.type === 'ROW' ? [range._r, range._nr] : [range._c, range._nc];
  if (intersecting) return loc.start < start + count && start < loc.start + loc.count;
  const whole = loc.type === 'ROW' ? range._c === 1 && range._nc === range._sheet._maxCols : range._r === 1 && range._nr === range._sheet._maxRows;
  return whole && loc.start === start && loc.count === count;
}

// -----------------------------------------------------------------------------------------------
// Named ranges

export class NamedRange implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _ss: Spreadsheet,
    private _rec: NamedRecord,
  ) {
    setEnv(this, env);
  }
  getName(): string {
    return this._rec.name;
  }
  getRange(): Range {
    const n = this._rec;
    return new Range(this[ENV], n.sheet, n.r, n.c, n.nr, n.nc);
  }
  setName(name: string): NamedRange {
    const env = this[ENV];
    const nm = String(name);
    validateRangeName(env, nm);
    if (this._ss._named.has(nm.toLowerCase()) && nm.toLowerCase() !== this._rec.name.toLowerCase()) {
      throw env.error(`A named range with the name "${nm}" already exists.`);
    }
    this._ss._named.delete(this._rec.name.toLowerCase());
    this._rec = { ...this._rec, name: nm };
    this._ss._named.set(nm.toLowerCase(), this._rec);
    return this;
  }
  setRange(range: Range): NamedRange {
    const env = this[ENV];
    if (!(range instanceof Range) || range._sheet._ss !== this._ss) {
      throw env.error(`The parameters (${typeName(range)}) don't match the method signature for SpreadsheetApp.NamedRange.setRange.`);
    }
    range._sheet._checkAlive();
    const key = this._rec.name.toLowerCase();
    this._rec = { ...this._rec, sheet: range._sheet, r: range._r, c: range._c, nr: range._nr, nc: range._nc };
    this._ss._brokenNames.delete(key);
    this._ss._named.set(key, this._rec);
    return this;
  }
  remove(): void {
    this._ss._named.delete(this._rec.name.toLowerCase());
    this._ss._brokenNames.delete(this._rec.name.toLowerCase());
  }
}
instrument('NamedRange', NamedRange);

// -----------------------------------------------------------------------------------------------
// Developer metadata

function metaSize(ss: Spreadsheet, pred: (m: MetaRecord) => boolean): number {
  return ss._meta.filter(pred).reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
}

function addMetadata(ss: Spreadsheet, loc: MetaLocation, key: unknown, a: unknown, b: unknown): void {
  const env = ss[ENV];
  if (typeof key !== 'string' || key === '') {
    throw env.error(`The parameters (${typeName(key)}) don't match the method signature for addDeveloperMetadata.`);
  }
  let value: string | null = null;
  let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  if (a instanceof EnumValue) visibility = enumName(a) as 'DOCUMENT' | 'PROJECT';
  else if (a !== undefined && a !== null) {
    value = String(a);
    if (b !== undefined && b !== null) visibility = enumName(b) as 'DOCUMENT' | 'PROJECT';
  }
  if (visibility !== 'DOCUMENT' && visibility !== 'PROJECT') throw env.error('Invalid developer metadata visibility.');
  // Sheets limits developer metadata to 30,000 characters on the spreadsheet and on each sheet
  // (the sheet's own, its rows' and its columns').
  const sameScope =
    loc.type === 'SPREADSHEET' ? (m: MetaRecord) => m.loc.type === 'SPREADSHEET' : (m: MetaRecord) => 'sheet' in m.loc && m.loc.sheet === loc.sheet;
  if (metaSize(ss, sameScope) + key.length + (value?.length ?? 0) > MAX_METADATA_CHARS) {
    throw env.error(`Developer metadata storage limit exceeded: at most ${MAX_METADATA_CHARS} characters per ${loc.type === 'SPREADSHEET' ? 'spreadsheet' : 'sheet'}.`);
  }
  ss._meta.push({ id: ss._nextMetaId++, key, value, visibility, loc });
}

export class DeveloperMetadata implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _ss: Spreadsheet,
    readonly _m: MetaRecord,
  ) {
    setEnv(this, env);
  }
  _alive(): MetaRecord {
    if (!this._ss._meta.includes(this._m)) throw this[ENV].error('The developer metadata has been removed.');
    return this._m;
  }
  getId(): number {
    return this._m.id;
  }
  getKey(): string {
    return this._m.key;
  }
  getValue(): string | null {
    return this._m.value;
  }
  getVisibility(): EnumValue {
    return SpreadsheetEnums.DeveloperMetadataVisibility[this._m.visibility];
  }
  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this[ENV], this._ss, this._m.loc);
  }
  setKey(key: string): DeveloperMetadata {
    const m = this._alive();
    if (typeof key !== 'string' || key === '') throw this[ENV].error('Developer metadata key must not be empty.');
    m.key = key;
    return this;
  }
  setValue(value: string | null): DeveloperMetadata {
    const m = this._alive();
    m.value = value === null || value === undefined ? null : String(value);
    return this;
  }
  setVisibility(visibility: unknown): DeveloperMetadata {
    const m = this._alive();
    const v = enumName(visibility);
    if (v !== 'DOCUMENT' && v !== 'PROJECT') throw this[ENV].error('Invalid developer metadata visibility.');
    m.visibility = v;
    return this;
  }
  moveToSpreadsheet(): DeveloperMetadata {
    this._alive().loc = { type: 'SPREADSHEET' };
    return this;
  }
  moveToSheet(sheet: Sheet): DeveloperMetadata {
    this._alive().loc = { type: 'SHEET', sheet };
    return this;
  }
  moveToRow(row: Range): DeveloperMetadata {
    const loc = row._metaLocation();
    if (loc.type !== 'ROW') throw this[ENV].error('The range is not a row.');
    this._alive().loc = loc;
    return this;
  }
  moveToColumn(column: Range): DeveloperMetadata {
    const loc = column._metaLocation();
    if (loc.type !== 'COLUMN') throw this[ENV].error('The range is not a column.');
    this._alive().loc = loc;
    return this;
  }
  remove(): void {
    const i = this._ss._meta.indexOf(this._m);
    if (i >= 0) this._ss._meta.splice(i, 1);
  }
}
instrument('DeveloperMetadata', DeveloperMetadata);

export class DeveloperMetadataLocation implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _ss: Spreadsheet,
    private readonly _loc: MetaLocation,
  ) {
    setEnv(this, env);
  }
  getLocationType(): EnumValue {
    return SpreadsheetEnums.DeveloperMetadataLocationType[this._loc.type];
  }
  getSpreadsheet(): Spreadsheet | null {
    return this._loc.type === 'SPREADSHEET' ? this._ss : null;
  }
  getSheet(): Sheet | null {
    return this._loc.type === 'SHEET' ? this._loc.sheet : null;
  }
  getRow(): Range | null {
    const l = this._loc;
    return l.type === 'ROW' ? new Range(this[ENV], l.sheet, l.start, 1, l.count, l.sheet._maxCols) : null;
  }
  getColumn(): Range | null {
    const l = this._loc;
    return l.type === 'COLUMN' ? new Range(this[ENV], l.sheet, 1, l.start, l.sheet._maxRows, l.count) : null;
  }
}
instrument('DeveloperMetadataLocation', DeveloperMetadataLocation);

export class DeveloperMetadataFinder implements Carrier {
  declare [ENV]: Env;
  private _filters: ((m: MetaRecord) => boolean)[] = [];
  private _intersecting = false;
  constructor(
    env: Env,
    private readonly _ss: Spreadsheet,
    private readonly _scope: (m: MetaRecord, intersecting: boolean) => boolean,
  ) {
    setEnv(this, env);
  }
  withKey(key: string): DeveloperMetadataFinder {
    const k = String(key);
    this._filters.push((m) => m.key === k);
    return this;
  }
  withValue(value: string): DeveloperMetadataFinder {
    const v = value === null || value === undefined ? null : String(value);
    this._filters.push((m) => m.value === v);
    return this;
  }
  withId(id: number): DeveloperMetadataFinder {
    const n = Number(id);
    this._filters.push((m) => m.id === n);
    return this;
  }
  withLocationType(locationType: unknown): DeveloperMetadataFinder {
    const t = enumName(locationType);
    this._filters.push((m) => m.loc.type === t);
    return this;
  }
  withVisibility(visibility: unknown): DeveloperMetadataFinder {
    const v = enumName(visibility);
    this._filters.push((m) => m.visibility === v);
    return this;
  }
  onIntersectingLocations(): DeveloperMetadataFinder {
    this._intersecting = true;
    return this;
  }
  find(): DeveloperMetadata[] {
    const env = this[ENV];
    return env.array(
      this._ss._meta
        .filter((m) => this._scope(m, this._intersecting) && this._filters.every((f) => f(m)))
        .map((m) => new DeveloperMetadata(env, this._ss, m)),
    );
  }
}
instrument('DeveloperMetadataFinder', DeveloperMetadataFinder);

// -----------------------------------------------------------------------------------------------
// Conditional format rules

function cloneRule(d: CfRuleData): CfRuleData {
  return {
    ranges: [...d.ranges],
    gradient: d.gradient
      ? { min: d.gradient.min && { ...d.gradient.min }, mid: d.gradient.mid && { ...d.gradient.mid }, max: d.gradient.max && { ...d.gradient.max } }
      : undefined,
    boolean: d.boolean ? { ...d.boolean, values: [...d.boolean.values] } : undefined,
  };
}

export class ConditionalFormatRuleBuilder implements Carrier {
  declare [ENV]: Env;
  _d: CfRuleData;
  constructor(env: Env, d?: CfRuleData) {
    setEnv(this, env);
    this._d = d ? cloneRule(d) : { ranges: [] };
  }
  _grad(): NonNullable<CfRuleData['gradient']> {
    this._d.boolean = undefined;
    return (this._d.gradient ??= {});
  }
  _bool(criteria: string, values: unknown[]): ConditionalFormatRuleBuilder {
    const prev = this._d.boolean;
    this._d.gradient = undefined;
    this._d.boolean = { ...(prev ?? {}), criteria, values };
    return this;
  }
  _fmt(): NonNullable<CfRuleData['boolean']> {
    this._d.gradient = undefined;
    return (this._d.boolean ??= { criteria: '', values: [] });
  }
  _point(color: unknown, type: unknown, value: unknown): GradientPoint {
    const t = enumName(type);
    if (!['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX'].includes(t)) {
      throw this[ENV].error(`The parameters (String,${typeName(type)},String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.`);
    }
    return { color: normalizeColor(color) ?? '', type: t, value: value === undefined || value === null ? '' : String(value) };
  }
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilder {
    this._grad().max = { color: normalizeColor(color) ?? '', type: 'MAX', value: '' };
    return this;
  }
  setGradientMaxpointWithValue(color: string, type: unknown, value: string): ConditionalFormatRuleBuilder {
    this._grad().max = this._point(color, type, value);
    return this;
  }
  setGradientMidpointWithValue(color: string, type: unknown, value: string): ConditionalFormatRuleBuilder {
    this._grad().mid = this._point(color, type, value);
    return this;
  }
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilder {
    this._grad().min = { color: normalizeColor(color) ?? '', type: 'MIN', value: '' };
    return this;
  }
  setGradientMinpointWithValue(color: string, type: unknown, value: string): ConditionalFormatRuleBuilder {
    this._grad().min = this._point(color, type, value);
    return this;
  }
  whenNumberGreaterThan(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): ConditionalFormatRuleBuilder {
    return this._bool('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenTextContains(t: string): ConditionalFormatRuleBuilder {
    return this._bool('TEXT_CONTAINS', [String(t)]);
  }
  whenTextDoesNotContain(t: string): ConditionalFormatRuleBuilder {
    return this._bool('TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  whenTextEqualTo(t: string): ConditionalFormatRuleBuilder {
    return this._bool('TEXT_EQUAL_TO', [String(t)]);
  }
  whenTextStartsWith(t: string): ConditionalFormatRuleBuilder {
    return this._bool('TEXT_STARTS_WITH', [String(t)]);
  }
  whenTextEndsWith(t: string): ConditionalFormatRuleBuilder {
    return this._bool('TEXT_ENDS_WITH', [String(t)]);
  }
  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._bool('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._bool('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this._bool('CUSTOM_FORMULA', [String(formula)]);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this._fmt().background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this._fmt().fontColor = normalizeColor(color);
    return this;
  }
  setBold(bold: boolean): ConditionalFormatRuleBuilder {
    this._fmt().bold = !!bold;
    return this;
  }
  setItalic(italic: boolean): ConditionalFormatRuleBuilder {
    this._fmt().italic = !!italic;
    return this;
  }
  setStrikethrough(v: boolean): ConditionalFormatRuleBuilder {
    this._fmt().strikethrough = !!v;
    return this;
  }
  setUnderline(v: boolean): ConditionalFormatRuleBuilder {
    this._fmt().underline = !!v;
    return this;
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    const env = this[ENV];
    if (!Array.isArray(ranges) || ranges.some((r) => !(r instanceof Range))) {
      throw env.error(`The parameters (${typeName(ranges)}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.`);
    }
    this._d.ranges = [...ranges];
    return this;
  }
  getRanges(): Range[] {
    return this[ENV].array(this._d.ranges);
  }
  getGradientCondition(): GradientCondition | null {
    return this._d.gradient ? new GradientCondition(this[ENV], { ...this._d.gradient }) : null;
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._d.boolean ? new BooleanCondition(this[ENV], { ...this._d.boolean }) : null;
  }
  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this[ENV], cloneRule(this._d));
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this[ENV], this._d);
  }
}
instrument('ConditionalFormatRuleBuilder', ConditionalFormatRuleBuilder);

export class ConditionalFormatRule implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    readonly _d: CfRuleData,
  ) {
    setEnv(this, env);
  }
  getRanges(): Range[] {
    return this[ENV].array(this._d.ranges);
  }
  getGradientCondition(): GradientCondition | null {
    return this._d.gradient ? new GradientCondition(this[ENV], { ...this._d.gradient }) : null;
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._d.boolean ? new BooleanCondition(this[ENV], { ...this._d.boolean }) : null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this[ENV], this._d);
  }
}
instrument('ConditionalFormatRule', ConditionalFormatRule);

export class GradientCondition implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _g: NonNullable<CfRuleData['gradient']>,
  ) {
    setEnv(this, env);
  }
  _type(p: GradientPoint | undefined): EnumValue | null {
    return p ? SpreadsheetEnums.InterpolationType[p.type as 'NUMBER'] ?? null : null;
  }
  getMinColor(): string {
    return this._g.min?.color ?? '';
  }
  getMinType(): EnumValue | null {
    return this._type(this._g.min);
  }
  getMinValue(): string {
    return this._g.min?.value ?? '';
  }
  getMidColor(): string {
    return this._g.mid?.color ?? '';
  }
  getMidType(): EnumValue | null {
    return this._type(this._g.mid);
  }
  getMidValue(): string {
    return this._g.mid?.value ?? '';
  }
  getMaxColor(): string {
    return this._g.max?.color ?? '';
  }
  getMaxType(): EnumValue | null {
    return this._type(this._g.max);
  }
  getMaxValue(): string {
    return this._g.max?.value ?? '';
  }
}
instrument('GradientCondition', GradientCondition);

export class BooleanCondition implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _b: NonNullable<CfRuleData['boolean']>,
  ) {
    setEnv(this, env);
  }
  getCriteriaType(): EnumValue | null {
    return SpreadsheetEnums.BooleanCriteria[this._b.criteria as 'CELL_EMPTY'] ?? null;
  }
  getCriteriaValues(): unknown[] {
    return this[ENV].array(this._b.values);
  }
  getBackground(): string | null {
    return this._b.background ?? null;
  }
  getFontColor(): string | null {
    return this._b.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._b.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._b.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this._b.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this._b.underline ?? null;
  }
}
instrument('BooleanCondition', BooleanCondition);

// -----------------------------------------------------------------------------------------------
// Charts

function cloneChart(d: ChartData): ChartData {
  return { ...d, ranges: [...d.ranges], options: new Map(d.options) };
}

export class EmbeddedChartBuilder implements Carrier {
  declare [ENV]: Env;
  _d: ChartData;
  constructor(
    env: Env,
    private readonly _sheet: Sheet,
    from: ChartData | null,
  ) {
    setEnv(this, env);
    this._d = from
      ? cloneChart(from)
      : {
          id: null,
          type: 'LINE',
          ranges: [],
          options: new Map(),
          anchorRow: 1,
          anchorCol: 1,
          offsetX: 0,
          offsetY: 0,
          numHeaders: -1,
          transpose: false,
          mergeStrategy: 'MERGE_COLUMNS',
          hiddenStrategy: 'IGNORE_BOTH',
        };
  }
  addRange(range: Range): EmbeddedChartBuilder {
    if (!(range instanceof Range)) throw this[ENV].error(`The parameters (${typeName(range)}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.`);
    this._d.ranges.push(range);
    return this;
  }
  removeRange(range: Range): EmbeddedChartBuilder {
    this._d.ranges = this._d.ranges.filter(
      (r) => !(r._sheet === range._sheet && r._r === range._r && r._c === range._c && r._nr === range._nr && r._nc === range._nc),
    );
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this._d.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this[ENV].array(this._d.ranges);
  }
  setChartType(type: unknown): EmbeddedChartBuilder {
    const t = enumName(type);
    if (!(t in ChartsEnums.ChartType)) throw this[ENV].error(`The parameters (${typeName(type)}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.`);
    this._d.type = t;
    return this;
  }
  getChartType(): EnumValue {
    return ChartsEnums.ChartType[this._d.type as 'LINE'];
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    Object.assign(this._d, { anchorRow: Number(anchorRowPos), anchorCol: Number(anchorColPos), offsetX: Number(offsetX), offsetY: Number(offsetY) });
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo(this[ENV], { ...this._d });
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this._d.options.set(String(option), value);
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this._d.numHeaders = Number(headers);
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this._d.transpose = !!transpose;
    return this;
  }
  setMergeStrategy(s: unknown): EmbeddedChartBuilder {
    this._d.mergeStrategy = enumName(s);
    return this;
  }
  setHiddenDimensionStrategy(s: unknown): EmbeddedChartBuilder {
    this._d.hiddenStrategy = enumName(s);
    return this;
  }
  asLineChart(): EmbeddedChartBuilder {
    this._d.type = 'LINE';
    return this;
  }
  asColumnChart(): EmbeddedChartBuilder {
    this._d.type = 'COLUMN';
    return this;
  }
  asBarChart(): EmbeddedChartBuilder {
    this._d.type = 'BAR';
    return this;
  }
  asAreaChart(): EmbeddedChartBuilder {
    this._d.type = 'AREA';
    return this;
  }
  asPieChart(): EmbeddedChartBuilder {
    this._d.type = 'PIE';
    return this;
  }
  asScatterChart(): EmbeddedChartBuilder {
    this._d.type = 'SCATTER';
    return this;
  }
  asComboChart(): EmbeddedChartBuilder {
    this._d.type = 'COMBO';
    return this;
  }
  asTableChart(): EmbeddedChartBuilder {
    this._d.type = 'TABLE';
    return this;
  }
  asHistogramChart(): EmbeddedChartBuilder {
    this._d.type = 'HISTOGRAM';
    return this;
  }
  // the typed builders' common setters, kept as options
  setTitle(title: string): EmbeddedChartBuilder {
    return this.setOption('title', title);
  }
  setXAxisTitle(title: string): EmbeddedChartBuilder {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): EmbeddedChartBuilder {
    return this.setOption('vAxis.title', title);
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilder {
    return this.setOption('legend.position', enumName(position).toLowerCase());
  }
  setColors(colors: string[]): EmbeddedChartBuilder {
    return this.setOption('colors', Array.isArray(colors) ? [...colors] : colors);
  }
  setStacked(): EmbeddedChartBuilder {
    return this.setOption('isStacked', true);
  }
  setCurveStyle(style: unknown): EmbeddedChartBuilder {
    return this.setOption('curveType', enumName(style) === 'SMOOTH' ? 'function' : 'none');
  }
  setPointStyle(style: unknown): EmbeddedChartBuilder {
    return this.setOption('pointSize', { NONE: 0, TINY: 2, MEDIUM: 7, LARGE: 14, HUGE: 28 }[enumName(style)] ?? 7);
  }
  setRange(start: number, end: number): EmbeddedChartBuilder {
    this.setOption('vAxis.viewWindow.min', start);
    return this.setOption('vAxis.viewWindow.max', end);
  }
  useLogScale(): EmbeddedChartBuilder {
    return this.setOption('vAxis.logScale', true);
  }
  setBackgroundColor(color: string): EmbeddedChartBuilder {
    return this.setOption('backgroundColor', color);
  }
  setDimensions(width: number, height: number): EmbeddedChartBuilder {
    this.setOption('width', width);
    return this.setOption('height', height);
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this[ENV], this._sheet, cloneChart(this._d));
  }
}
instrument('EmbeddedChartBuilder', EmbeddedChartBuilder);

export class EmbeddedChart implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _sheet: Sheet,
    readonly _d: ChartData,
  ) {
    setEnv(this, env);
  }
  getChartId(): number | null {
    return this._d.id;
  }
  getRanges(): Range[] {
    return this[ENV].array(this._d.ranges);
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this[ENV], new Map(this._d.options));
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this[ENV], { ...this._d });
  }
  getNumHeaders(): number {
    return this._d.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._d.transpose;
  }
  getMergeStrategy(): EnumValue {
    return ChartsEnums.ChartMergeStrategy[this._d.mergeStrategy as 'MERGE_COLUMNS'];
  }
  getHiddenDimensionStrategy(): EnumValue {
    return ChartsEnums.ChartHiddenDimensionStrategy[this._d.hiddenStrategy as 'IGNORE_BOTH'];
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this[ENV], this._sheet, this._d);
  }
}
instrument('EmbeddedChart', EmbeddedChart);

export class ChartOptions implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _o: Map<string, unknown>,
  ) {
    setEnv(this, env);
  }
  get(option: string): unknown {
    return this._o.has(String(option)) ? this._o.get(String(option)) : null;
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}
instrument('ChartOptions', ChartOptions);

export class ContainerInfo implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _d: Pick<ChartData, 'anchorRow' | 'anchorCol' | 'offsetX' | 'offsetY'>,
  ) {
    setEnv(this, env);
  }
  getAnchorRow(): number {
    return this._d.anchorRow;
  }
  getAnchorColumn(): number {
    return this._d.anchorCol;
  }
  getOffsetX(): number {
    return this._d.offsetX;
  }
  getOffsetY(): number {
    return this._d.offsetY;
  }
}
instrument('ContainerInfo', ContainerInfo);

export { quoteSheetName, prepareValue, applyPrepared };
