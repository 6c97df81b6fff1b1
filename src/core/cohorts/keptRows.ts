/**
 * Sheet row numbers of the rows a parser kept, without a number per row: kept row k sits on sheet row
 * first + k + shift, and the shift only changes where rows were skipped, so a parse records the (k,
 * shift) pairs where it changes — one pair for a clean million-row column. The full column is built
 * on first use (messages, rows after an as-of day), never on the way to a result.
 */
export class KeptRows {
  /** Pairs k, shift: from kept row k on, the shift is `shift`. */
  readonly shifts: number[] = [];

  constructor(private readonly firstRowNumber: number) {}

  /** The sheet row numbers of kept rows 0 … kept−1. */
  rowNumbers(kept: number): Int32Array {
    const out = new Int32Array(kept);
    const s = this.shifts;
    for (let j = 0; j < s.length; j += 2) {
      const from = s[j];
      const to = j + 2 < s.length ? s[j + 2] : kept;
      const base = this.firstRowNumber + s[j + 1];
      for (let k = from; k < to; k++) out[k] = base + k;
    }
    return out;
  }
}
