import { isBlank, isSheetsErrorText } from '../cells';
import { isMissingIdText } from '../placeholders';
import { holdHiddenClass } from './hiddenClass';

/** A customer id as the sheet holds it; kept as-is for output labels. */
export type CustomerId = number | string;

export const NEW_ID = -1;
export const NOT_AN_ID = -2;
/**
 * A parse may put off the lookups of ids that index flat tables (small whole numbers, text of the learnt
 * shape: IdIndex.deferred) and resolve them afterwards in one tight loop (resolveDeferred). A row's
 * customer slot holds the placeholder until then: −3 − 2n for the number n, −4 − 2s for text of table
 * slot s (shapeSlot).
 */
const DEFERRED_BASE = -3;

// Whole-number ids below this are looked up in a flat array (index + 1, 0 = not seen), grown to
// the largest such id seen: a Map lookup per row was most of the parse time on a million rows.
const DIRECT_LIMIT = 1 << 22;

// Text ids of one shape — a fixed prefix, then digits ("C123", "C000123", "CUST-0042", "17850") — are
// looked up the same way by the digits' value: a Map lookup would hash and compare every cell's string,
// as Sheets hands each cell over as a string of its own. The prefix is learnt from the first such id.
// Digits without a leading zero ("C123") and zero-padded ones of the first padded width seen ("C000123")
// have a table each, indexed by the digits' value: each string has one slot and each slot one string.
// Two tables rather than one of interleaved slots (2n, 2n + 1): a log of one form then probes a table as
// small as the numbers' one (100,000 customers: 400 kB), not one twice as large with every other slot
// unused, whose random probes missed the cache more often.
const MAX_PREFIX = 8;
const MAX_DIGITS = 9;

/**
 * Dense customer indexes 0, 1, 2… for ids compared the way Sheets shows them: text "00012" and the
 * number 12 are different customers, the numbers 12 and 12.0 the same. Numbers and text have tables
 * of their own, so a row costs one lookup and no allocation: small whole numbers and text of the
 * learnt shape index flat arrays; any other id goes to a Map.
 */
export interface IdIndex {
  /** How many customers have been added. */
  count(): number;
  /**
   * Every customer's id as the sheet holds it, in index order. Text ids of the learnt shape added by
   * resolveDeferred get their labels here, at the first call: a formula that only counts customers (half
   * a million new strings at five million rows, and the young-generation collections that copied them)
   * never needs them.
   */
  labels(): CustomerId[];
  /**
   * The index of a known id, NEW_ID for a usable id not seen yet, NOT_AN_ID for anything else (blank,
   * an error value, a placeholder for a missing id such as "nan" or "NULL", not text or a number).
   * Text of the learnt shape (digits after the prefix) is never a placeholder.
   */
  find(v: unknown): number;
  /** Adds an id that find() reported as NEW_ID. */
  add(v: CustomerId): number;
  /** Lookups of text with whitespace around it, read as the text without it (0: none, nothing to note). */
  readonly paddedLookups: number;
  /**
   * A placeholder for `v` to store instead of its index (a number ≤ −3), when its lookup can be put off,
   * else NEW_ID (look it up now). Resolving placeholders in slot order adds new ids in the order looking
   * each up in turn would, as long as no id is added in between: resolve the pending ones before any add.
   */
  deferred(v: unknown): number;
  /** Replaces each placeholder in `slots[from … to − 1]` by its index, adding the new ids in slot order. */
  resolveDeferred(slots: Int32Array, from: number, to: number): void;
}

interface IdTables extends IdIndex {
  readonly ids: CustomerId[];
  /** Pairs (customer index, table slot) whose label in `ids` is still UNBUILT_LABEL (labels()). */
  readonly unbuilt: number[];
  direct: Int32Array;
  readonly numeric: Map<number, number>;
  readonly text: Map<string, number>;
  // The learnt text shape: the prefix (null: none yet), its length (−1: none yet) and first character
  // code (−1: empty), read per row as numbers; the zero-padded width (−1: none yet).
  prefix: string | null;
  prefixLength: number;
  prefixHead: number;
  paddedWidth: number;
  // Shaped text ids by digits' value: without a leading zero, and zero-padded to the learnt width.
  plain: Int32Array;
  padded: Int32Array;
  // Logs are often grouped by customer: consecutive rows repeat the same id.
  lastId: unknown;
  lastIndex: number;
  paddedLookups: number;
}

/**
 * A new, empty index: an object literal with every field and its methods, not a class instance. V8
 * keeps a literal's hidden class alive with the code that creates it, whereas a class instance's
 * (built field by field in the constructor) dies with the last instance at a full collection, and
 * with it the optimized parse loop that checked for it ("weak objects"): every call after a full
 * collection would run the loop unoptimized and compile it again.
 */
export function createIdIndex(): IdIndex {
  const index: IdTables = {
    ids: [],
    unbuilt: [],
    count,
    labels,
    find,
    add,
    direct: new Int32Array(1024),
    numeric: new Map<number, number>(),
    text: new Map<string, number>(),
    prefix: null,
    prefixLength: -1,
    prefixHead: -1,
    paddedWidth: -1,
    plain: new Int32Array(0),
    padded: new Int32Array(0),
    lastId: undefined,
    lastIndex: NOT_AN_ID,
    paddedLookups: 0,
    deferred,
    resolveDeferred,
  };
  return index;
}

holdHiddenClass(createIdIndex());

/** What `ids` holds for a text id whose label is built later: a string of the old generation, shared. */
const UNBUILT_LABEL = '';

function count(this: IdTables): number {
  return this.ids.length;
}

function labels(this: IdTables): CustomerId[] {
  const { ids, unbuilt } = this;
  for (let j = 0; j < unbuilt.length; j += 2) ids[unbuilt[j]] = shapedText(this, unbuilt[j + 1]);
  unbuilt.length = 0;
  return ids;
}

function find(this: IdTables, v: unknown): number {
  if (typeof v === 'number') {
    if (v >= 0 && (v | 0) === v) return v < this.direct.length ? this.direct[v] - 1 : v < DIRECT_LIMIT ? NEW_ID : findOther(this, v);
    return findOther(this, v);
  }
  if (typeof v === 'string') {
    const slot = shapeSlot(this, v);
    if (slot >= 0) {
      const table = (slot & 1) === 0 ? this.plain : this.padded;
      const at = slot >> 1;
      return at < table.length ? table[at] - 1 : NEW_ID;
    }
    return findOther(this, v);
  }
  return NOT_AN_ID;
}

function deferred(this: IdTables, v: unknown): number {
  // −0 is looked up now: its label would come back as 0.
  if (typeof v === 'number') return (v > 0 || (v === 0 && 1 / v > 0)) && (v | 0) === v && v < DIRECT_LIMIT ? DEFERRED_BASE - 2 * v : NEW_ID;
  if (typeof v === 'string') {
    const slot = shapeSlot(this, v);
    return slot >= 0 ? DEFERRED_BASE - 1 - 2 * slot : NEW_ID;
  }
  return NEW_ID;
}

// The lookups a parse put off, in a loop of their own: in the row loop each lookup into a per-id table
// was a cache miss the long loop body could not overlap with the next rows' (at 333,333 customers the
// table is 1.3 MB and misses the core's cache: 23 ns a row against 6 at 100,000 customers); here many
// misses are under way at once. New ids are added inline; a new text id's label is rebuilt from its slot
// (prefix and digits) only when the labels are asked for (labels()).
function resolveDeferred(this: IdTables, slots: Int32Array, from: number, to: number): void {
  let direct = this.direct;
  const ids = this.ids;
  for (let k = from; k < to; k++) {
    const x = slots[k];
    if (x > DEFERRED_BASE) continue;
    const y = DEFERRED_BASE - x;
    let c: number;
    if ((y & 1) === 0) {
      const v = y >> 1;
      c = v < direct.length ? direct[v] - 1 : -1;
      if (c < 0) {
        // add(v) for a small whole number, inline: half a million new customers in a call were worth it.
        if (v >= direct.length) this.direct = direct = grown(direct, v);
        c = ids.length;
        ids.push(v);
        direct[v] = c + 1;
      }
    } else {
      const slot = y >> 1;
      const padded = (slot & 1) === 1;
      let table = padded ? this.padded : this.plain;
      const at = slot >> 1;
      c = at < table.length ? table[at] - 1 : -1;
      if (c < 0) {
        // add() for text of the learnt shape, inline as for numbers; its label is rebuilt from the slot
        // when asked for (labels()).
        if (at >= table.length) {
          table = grown(table, at);
          if (padded) this.padded = table;
          else this.plain = table;
        }
        c = ids.length;
        ids.push(UNBUILT_LABEL);
        this.unbuilt.push(c, slot);
        table[at] = c + 1;
      }
    }
    slots[k] = c;
  }
}

/** The text of the learnt shape in table slot `slot` (shapeSlot's inverse). */
function shapedText(ix: IdTables, slot: number): string {
  const digits = String(slot >> 1);
  return ix.prefix! + ((slot & 1) === 0 ? digits : digits.padStart(ix.paddedWidth - ix.prefixLength, '0'));
}

function add(this: IdTables, v: CustomerId): number {
  const index = this.ids.length;
  if (typeof v === 'number' && v >= 0 && (v | 0) === v && v < DIRECT_LIMIT) {
    if (v >= this.direct.length) this.direct = grown(this.direct, v);
    this.direct[v] = index + 1;
  } else if (typeof v === 'number') {
    this.numeric.set(v, index);
  } else {
    if (!isTrimmed(v)) v = v.trim(); // "A1 " is customer "A1" (findPadded)
    learnShape(this, v);
    const slot = shapeSlot(this, v);
    if (slot >= 0 && (slot & 1) === 0) {
      if (slot >> 1 >= this.plain.length) this.plain = grown(this.plain, slot >> 1);
      this.plain[slot >> 1] = index + 1;
    } else if (slot >= 0) {
      if (slot >> 1 >= this.padded.length) this.padded = grown(this.padded, slot >> 1);
      this.padded[slot >> 1] = index + 1;
    } else {
      this.text.set(v, index);
    }
  }
  this.ids.push(v);
  this.lastId = v;
  this.lastIndex = index;
  return index;
}

// Numbers that are not small whole numbers, and text of any other shape.
function findOther(ix: IdTables, v: number | string): number {
  if (v === ix.lastId) return ix.lastIndex;
  let found: number | undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return NOT_AN_ID;
    found = ix.numeric.get(v);
  } else {
    if (!isUsableIdText(v)) return NOT_AN_ID;
    found = ix.text.get(v);
    if (found === undefined && !isTrimmed(v)) return findPadded(ix, v);
    // Checked only for text not seen as an id yet: "nan", "NULL"… never become a customer.
    if (found === undefined && isMissingIdText(v)) return NOT_AN_ID;
  }
  if (found === undefined) return NEW_ID;
  ix.lastId = v;
  ix.lastIndex = found;
  return found;
}

// Whitespace around an id (fixed-width CHAR exports pad with spaces; copied web text has non-breaking
// spaces) is not part of it: "A1 ", " A1" and "A1" are one customer, labelled "A1". Such text never
// has the learnt shape (a space is no digit or prefix), so it lands here, off the fast paths, and is
// looked up as its trimmed text, which finds the customer the fast path gives "A1" whichever came first
// (add() stores ids trimmed). Text stays text: "123 " is the text "123", not the number 123, as "123" is.
function findPadded(ix: IdTables, v: string): number {
  const found = ix.find(v.trim());
  ix.paddedLookups++;
  if (found >= 0) {
    ix.lastId = v;
    ix.lastIndex = found;
  }
  return found;
}

// No whitespace at either end: a printable ASCII character at both settles it without trimming.
function isTrimmed(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return true;
  return s.trim().length === s.length;
}

/**
 * The slot of `s` when it has the learnt shape and its digits' value fits a table, else −1: 2n for digits
 * of value n without a leading zero (or a single "0"), 2n + 1 for digits zero-padded to the learnt width.
 */
function shapeSlot(ix: IdTables, s: string): number {
  const p = ix.prefixLength;
  const length = s.length;
  if (p < 0 || length <= p || length > p + MAX_DIGITS) return -1;
  if (p > 0) {
    // Most prefixes are one letter: one compare of numbers; longer ones compare the rest too.
    if (s.charCodeAt(0) !== ix.prefixHead) return -1;
    if (p > 1 && !hasPrefix(s, ix.prefix!, p)) return -1;
  }
  const first = s.charCodeAt(p) - 48;
  if (first === 0 && length !== p + 1 && length !== ix.paddedWidth) return -1;
  let n = 0;
  for (let j = p; j < length; j++) {
    const digit = s.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  if (n >= DIRECT_LIMIT) return -1;
  return first === 0 && length !== p + 1 ? 2 * n + 1 : 2 * n;
}

function hasPrefix(s: string, prefix: string, p: number): boolean {
  for (let j = 1; j < p; j++) if (s.charCodeAt(j) !== prefix.charCodeAt(j)) return false;
  return true;
}

// The prefix from the first text id that is a prefix of non-digits followed by digits; the padded width
// from the first zero-padded one. Text ids seen before are not of the shape (or they would have taught
// it), so none of them is in the map and the table at once.
function learnShape(ix: IdTables, s: string): void {
  if (ix.prefix !== null) {
    const p = ix.prefix.length;
    if (ix.paddedWidth < 0 && s.length > p + 1 && s.length <= p + MAX_DIGITS && s.charCodeAt(p) === 48 && s.startsWith(ix.prefix) && allDigits(s, p)) ix.paddedWidth = s.length;
    return;
  }
  let p = 0;
  while (p < s.length && p <= MAX_PREFIX && !isDigit(s.charCodeAt(p))) p++;
  const digits = s.length - p;
  if (p > MAX_PREFIX || digits < 1 || digits > MAX_DIGITS || !allDigits(s, p) || !isUsableIdText(s)) return;
  ix.prefix = s.slice(0, p);
  ix.prefixLength = p;
  ix.prefixHead = p > 0 ? s.charCodeAt(0) : -1;
  if (digits > 1 && s.charCodeAt(p) === 48) ix.paddedWidth = s.length;
}

function allDigits(s: string, from: number): boolean {
  for (let j = from; j < s.length; j++) if (!isDigit(s.charCodeAt(j))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A copy of `table` long enough for index `v` (doubling), at most DIRECT_LIMIT long. */
function grown(table: Int32Array, v: number): Int32Array {
  let n = Math.max(table.length, 1024);
  while (n <= v) n *= 2;
  const out = new Int32Array(Math.min(n, DIRECT_LIMIT));
  out.set(table);
  return out;
}

// Most ids start with a printable ASCII character other than '#', which settles it without a regex.
function isUsableIdText(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 > 32 && c0 < 127 && c0 !== 35) return true;
  return s.length > 0 && !isBlank(s) && !isSheetsErrorText(s);
}
