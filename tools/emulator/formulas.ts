// The few formulas the emulator computes: references to cells and ranges (of any sheet, by name),
// named ranges, and INDEX, ROWS, COLUMNS, SUM over them. That is what a user's formulas pointing
// into the add-on's sheets look like (='Retention summary'!B7, =INDEX(RetentionPerPeriod, 2, 8)), so
// tests can see those formulas keep working across a refresh, and break when a sheet is deleted.
// Any other formula is not computed: it reads as "" as before.
//
// Sheets behaviour taken here:
// - A reference names a sheet; deleting that sheet rewrites the reference to #REF! for good, and
//   renaming the sheet rewrites it to the new name (references follow the sheet, not its name). See
//   rewriteSheetReferences; the spreadsheet calls it from deleteSheet and Sheet.setName.
// - A reference to a sheet that does not exist (typed, not left by a deletion) is #REF!
//   ("Unresolved sheet name"), and resolves once such a sheet exists. Sheet names match
//   case-insensitively, as sheet names are unique regardless of case.
// - A named range whose sheet was deleted stays in the document as #REF! (Data > Named ranges shows
//   it), so formulas using it show #REF!; an unknown name is #NAME?.
// - INDEX(range, row, [column]) is 1-based; a row or column of 0 or left empty means the whole
//   column or row; out of bounds is #REF!. Circular references are #REF!.
import { lettersToColumn, quoteSheetName } from './a1.js';
import type { Scalar } from './values.js';

/** What the evaluator needs of the spreadsheet (kept abstract so it has no import cycle). */
export interface FormulaHost {
  /** The sheet of that name, matched case-insensitively. */
  _sheetNamed(name: string): FormulaSheet | null;
  /** A valid named range, 'broken' for one left #REF! by a deleted sheet, or null when unknown. */
  _namedRangeFor(name: string): { sheet: FormulaSheet; r: number; c: number; nr: number; nc: number } | 'broken' | null;
}

/** What the evaluator needs of a sheet: its stored cells and its size. */
export interface FormulaSheet {
  _cell(r: number, c: number): { v?: Scalar; f?: string; err?: string; nf?: string } | undefined;
  readonly _maxRows: number;
  readonly _maxCols: number;
}

export interface Evaluated {
  value: Scalar;
  /** The number format of the cell the value came from, when it came from one (a date stays a date). */
  nf?: string;
}

type Val =
  | { kind: 'range'; sheet: FormulaSheet; r: number; c: number; nr: number; nc: number }
  | { kind: 'value'; value: Scalar; nf?: string }
  | { kind: 'error'; error: string };

class Unsupported extends Error {}

const MAX_DEPTH = 50;

/** The value of `formula` (with its "="), or undefined for a formula the emulator does not compute. */
export function evaluateFormula(host: FormulaHost, home: FormulaSheet, formula: string, depth = 0): Evaluated | undefined {
  if (depth > MAX_DEPTH) return { value: '#REF!' };
  let tokens: Token[];
  try {
    tokens = tokenize(formula.replace(/^=/, ''));
  } catch {
    return undefined;
  }
  const p = { tokens, i: 0 };
  try {
    const v = parseExpr(p, host, home, depth);
    if (p.i !== tokens.length) return undefined;
    const scalar = toScalar(v, host, depth);
    return scalar;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// tokens

type Token =
  | { t: 'ref'; sheet?: string; text: string }
  | { t: 'refError' }
  | { t: 'name'; text: string }
  | { t: 'number'; value: number }
  | { t: 'string'; value: string }
  | { t: 'punct'; text: '(' | ')' | ',' };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+`;
const RANGE_PART = String.raw`(?:${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]+:\$?[0-9]+)`;
const REF = new RegExp(`^${RANGE_PART}`);

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: 'punct', text: ch });
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else value += s[j++];
      }
      if (j >= s.length) throw new Unsupported();
      out.push({ t: 'string', value });
      i = j + 1;
      continue;
    }
    if (s.startsWith('#REF!', i)) {
      // "#REF!" alone, or what a deletion left of "Sheet!A1" (also "#REF!A1").
      i += 5;
      const rest = REF.exec(s.slice(i));
      if (rest) i += rest[0].length;
      out.push({ t: 'refError' });
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < s.length) {
        if (s[j] === "'" && s[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (s[j] === "'") break;
        else name += s[j++];
      }
      if (s[j] !== "'" || s[j + 1] !== '!') throw new Unsupported();
      const rest = REF.exec(s.slice(j + 2));
      if (!rest) throw new Unsupported();
      out.push({ t: 'ref', sheet: name, text: rest[0] });
      i = j + 2 + rest[0].length;
      continue;
    }
    const num = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(s.slice(i));
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
    if (word) {
      const after = s.slice(i + word[0].length);
      if (after.startsWith('!')) {
        const rest = REF.exec(after.slice(1));
        if (!rest) throw new Unsupported();
        out.push({ t: 'ref', sheet: word[0], text: rest[0] });
        i += word[0].length + 1 + rest[0].length;
        continue;
      }
      const ref = REF.exec(s.slice(i));
      if (ref && (ref[0].length >= word[0].length || !/^[A-Za-z0-9_.]/.test(s.slice(i + ref[0].length)))) {
        out.push({ t: 'ref', text: ref[0] });
        i += ref[0].length;
        continue;
      }
      out.push({ t: 'name', text: word[0] });
      i += word[0].length;
      continue;
    }
    if (num) {
      const ref = REF.exec(s.slice(i)); // whole rows "2:5"
      if (ref && ref[0].includes(':')) {
        out.push({ t: 'ref', text: ref[0] });
        i += ref[0].length;
        continue;
      }
      out.push({ t: 'number', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    throw new Unsupported();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// parsing and evaluation (one pass: the grammar is tiny)

interface Parser {
  tokens: Token[];
  i: number;
}

function peek(p: Parser): Token | undefined {
  return p.tokens[p.i];
}

function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.t === 'punct' && t.text === text;
}

function parseExpr(p: Parser, host: FormulaHost, home: FormulaSheet, depth: number): Val {
  const t = p.tokens[p.i++];
  if (!t) throw new Unsupported();
  switch (t.t) {
    case 'number':
      return { kind: 'value', value: t.value };
    case 'string':
      return { kind: 'value', value: t.value };
    case 'refError':
      return { kind: 'error', error: '#REF!' };
    case 'ref':
      return resolveRef(host, home, t.sheet, t.text);
    case 'name': {
      if (isPunct(peek(p), '(')) return parseCall(p, t.text.toUpperCase(), host, home, depth);
      const upper = t.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
      const named = host._namedRangeFor(t.text);
      if (named === 'broken') return { kind: 'error', error: '#REF!' };
      if (!named) return { kind: 'error', error: '#NAME?' };
      return { kind: 'range', ...named };
    }
    default:
      throw new Unsupported();
  }
}

function parseCall(p: Parser, fn: string, host: FormulaHost, home: FormulaSheet, depth: number): Val {
  p.i++; // (
  const args: (Val | null)[] = [];
  if (isPunct(peek(p), ')')) p.i++;
  else {
    for (;;) {
      if (isPunct(peek(p), ',') || isPunct(peek(p), ')')) args.push(null);
      else args.push(parseExpr(p, host, home, depth));
      const sep = p.tokens[p.i++];
      if (isPunct(sep, ')')) break;
      if (!isPunct(sep, ',')) throw new Unsupported();
    }
  }
  const err = args.find((a): a is { kind: 'error'; error: string } => a?.kind === 'error');
  switch (fn) {
    case 'INDEX': {
      if (err) return err;
      const [range, row, col] = args;
      if (!range || range.kind !== 'range') throw new Unsupported();
      const r = row ? toNumber(row, host, depth) : 0;
      const c = col ? toNumber(col, host, depth) : 0;
      if (typeof r === 'string') return { kind: 'error', error: r };
      if (typeof c === 'string') return { kind: 'error', error: c };
      if (r < 0 || c < 0 || r > range.nr || c > range.nc) return { kind: 'error', error: '#REF!' };
      // One row or one column: INDEX(column, k) is its k-th cell.
      if (args.length === 2 && range.nr === 1 && r > 0) return { ...range, c: range.c + r - 1, nc: 1 };
      return {
        kind: 'range',
        sheet: range.sheet,
        r: r === 0 ? range.r : range.r + r - 1,
        c: c === 0 ? range.c : range.c + c - 1,
        nr: r === 0 ? range.nr : 1,
        nc: c === 0 ? range.nc : 1,
      };
    }
    case 'ROWS':
    case 'COLUMNS': {
      if (err) return err;
      const [range] = args;
      if (!range || range.kind !== 'range' || args.length !== 1) throw new Unsupported();
      return { kind: 'value', value: fn === 'ROWS' ? range.nr : range.nc };
    }
    case 'SUM': {
      if (err) return err;
      let sum = 0;
      for (const a of args) {
        if (!a) continue;
        if (a.kind === 'value') {
          if (typeof a.value === 'number') sum += a.value;
          continue;
        }
        if (a.kind !== 'range') continue;
        for (let i = 0; i < a.nr; i++) {
          for (let j = 0; j < a.nc; j++) {
            const v = cellValue(host, a.sheet, a.r + i, a.c + j, depth);
            if (typeof v.value === 'string' && v.value.startsWith('#')) return { kind: 'error', error: v.value };
            if (typeof v.value === 'number') sum += v.value;
          }
        }
      }
      return { kind: 'value', value: sum };
    }
    default:
      throw new Unsupported();
  }
}

function resolveRef(host: FormulaHost, home: FormulaSheet, sheetName: string | undefined, text: string): Val {
  const sheet = sheetName === undefined ? home : host._sheetNamed(sheetName);
  if (!sheet) return { kind: 'error', error: '#REF!' };
  const [a, b] = text.replace(/\$/g, '').split(':');
  const part = (s: string) => {
    const m = /^([A-Za-z]{0,3})([0-9]*)$/.exec(s)!;
    return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const x = part(a);
  const y = b === undefined ? x : part(b);
  const r1 = x.row ?? 1;
  const c1 = x.col ?? 1;
  const r2 = y.row ?? sheet._maxRows;
  const c2 = y.col ?? sheet._maxCols;
  const [top, bottom] = r1 <= r2 ? [r1, r2] : [r2, r1];
  const [left, right] = c1 <= c2 ? [c1, c2] : [c2, c1];
  if (top < 1 || left < 1 || bottom > sheet._maxRows || right > sheet._maxCols) return { kind: 'error', error: '#REF!' };
  return { kind: 'range', sheet, r: top, c: left, nr: bottom - top + 1, nc: right - left + 1 };
}

function cellValue(host: FormulaHost, sheet: FormulaSheet, r: number, c: number, depth: number): Evaluated {
  const cell = sheet._cell(r, c);
  if (!cell) return { value: '' };
  if (cell.f !== undefined) {
    if (cell.err !== undefined) return { value: cell.err };
    return evaluateFormula(host, sheet, cell.f, depth + 1) ?? { value: '' };
  }
  return { value: cell.v ?? '', nf: cell.nf };
}

function toScalar(v: Val, host: FormulaHost, depth: number): Evaluated | undefined {
  if (v.kind === 'error') return { value: v.error };
  if (v.kind === 'value') return { value: v.value, nf: v.nf };
  // A range of more than one cell would spill in Sheets; the emulator does not spill.
  if (v.nr !== 1 || v.nc !== 1) return undefined;
  return cellValue(host, v.sheet, v.r, v.c, depth);
}

function toNumber(v: Val, host: FormulaHost, depth: number): number | string {
  const s = toScalar(v, host, depth);
  if (!s) throw new Unsupported();
  if (typeof s.value === 'number') return Math.trunc(s.value);
  if (typeof s.value === 'string' && s.value.startsWith('#')) return s.value;
  if (s.value === '') return 0;
  return '#VALUE!';
}

// ---------------------------------------------------------------------------------------------
// rewriting references when a sheet goes away or is renamed

const QUOTED_REF = new RegExp(`'((?:[^']|'')+)'!(${RANGE_PART})`, 'y');
const PLAIN_REF = new RegExp(`([A-Za-z_][A-Za-z0-9_.]*)!(${RANGE_PART})`, 'y');

/**
 * Rewrites the references to sheet `name` in a formula: to `#REF!` when the sheet was deleted
 * (replacement null), or to the sheet's new name. Text inside string literals is left alone.
 * Returns the formula unchanged when it has no such reference.
 */
export function rewriteSheetReferences(formula: string, name: string, replacement: string | null): string {
  const lower = name.toLowerCase();
  let out = '';
  let i = 0;
  let changed = false;
  while (i < formula.length) {
    if (formula[i] === '"') {
      const end = formula.indexOf('"', i + 1);
      const j = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const match = referenceAt(formula, i);
    if (match && match.sheet.toLowerCase() === lower) {
      out += replacement === null ? '#REF!' : `${quoteSheetName(replacement)}!${match.range}`;
      i += match.length;
      changed = true;
      continue;
    }
    const step = match ? match.length : 1;
    out += formula.slice(i, i + step);
    i += step;
  }
  return changed ? out : formula;
}

/** A sheet-qualified reference starting at position i ('My sheet'!A1:B2 or Sheet1!A1), or null. */
function referenceAt(formula: string, i: number): { sheet: string; range: string; length: number } | null {
  if (formula[i] === "'") {
    QUOTED_REF.lastIndex = i;
    const m = QUOTED_REF.exec(formula);
    return m ? { sheet: m[1].replace(/''/g, "'"), range: m[2], length: m[0].length } : null;
  }
  if (i > 0 && /[A-Za-z0-9_.]/.test(formula[i - 1])) return null;
  PLAIN_REF.lastIndex = i;
  const m = PLAIN_REF.exec(formula);
  return m ? { sheet: m[1], range: m[2], length: m[0].length } : null;
}
