import { isBlank, isSheetsErrorText } from '../cells';
import { isMissingIdText } from '../placeholders';

/** A customer id as the sheet holds it; kept as-is for output labels. */
export type CustomerId = number | string;

export const NEW_ID = -1;
export const NOT_AN_ID = -2;

// Whole-number ids below this are looked up in a flat array (index + 1, 0 = not seen), grown to
// the largest such id seen: a Map lookup per row was most of the parse time on a million rows.
const DIRECT_LIMIT = 1 << 22;

/**
 * Dense customer indexes 0, 1, 2… for ids compared the way Sheets shows them: text "00012" and the
 * number 12 are different customers, the numbers 12 and 12.0 the same. Two maps rather than one
 * keyed by a built string, so a row costs one map lookup and no allocation.
 */
export class IdIndex {
  private readonly numeric = new Map<number, number>();
  private direct = new Int32Array(1024);
  private readonly text = new Map<string, number>();
  readonly labels: CustomerId[] = [];
  // Logs are often grouped by customer: consecutive rows repeat the same id.
  private lastId: unknown = undefined;
  private lastIndex = NOT_AN_ID;

  get size(): number {
    return this.labels.length;
  }

  /**
   * The index of a known id, NEW_ID for a usable id not seen yet, NOT_AN_ID for anything else (blank,
   * an error value, a placeholder for a missing id such as "nan" or "NULL", not text or a number).
   */
  find(v: unknown): number {
    if (typeof v === 'number' && v >= 0 && v < DIRECT_LIMIT && (v | 0) === v) {
      return v < this.direct.length ? this.direct[v] - 1 : NEW_ID;
    }
    if (v === this.lastId) return this.lastIndex;
    let found: number | undefined;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return NOT_AN_ID;
      found = this.numeric.get(v);
    } else if (typeof v === 'string') {
      if (!isUsableIdText(v)) return NOT_AN_ID;
      found = this.text.get(v);
      // Checked only for text not seen as an id yet: "nan", "NULL"… never become a customer.
      if (found === undefined && isMissingIdText(v)) return NOT_AN_ID;
    } else {
      return NOT_AN_ID;
    }
    if (found === undefined) return NEW_ID;
    this.lastId = v;
    this.lastIndex = found;
    return found;
  }

  /** Adds an id that find() reported as NEW_ID. */
  add(v: CustomerId): number {
    const index = this.labels.length;
    if (typeof v === 'number' && v >= 0 && v < DIRECT_LIMIT && (v | 0) === v) {
      if (v >= this.direct.length) this.growDirect(v);
      this.direct[v] = index + 1;
    } else if (typeof v === 'number') this.numeric.set(v, index);
    else this.text.set(v, index);
    this.labels.push(v);
    this.lastId = v;
    this.lastIndex = index;
    return index;
  }

  private growDirect(v: number): void {
    let n = this.direct.length;
    while (n <= v) n *= 2;
    const grown = new Int32Array(Math.min(n, DIRECT_LIMIT));
    grown.set(this.direct);
    this.direct = grown;
  }
}

// Most ids start with a printable ASCII character other than '#', which settles it without a regex.
function isUsableIdText(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 > 32 && c0 < 127 && c0 !== 35) return true;
  return s.length > 0 && !isBlank(s) && !isSheetsErrorText(s);
}
