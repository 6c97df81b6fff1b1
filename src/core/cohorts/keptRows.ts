/**
 * Sheet row numbers of the rows a parser kept, without a number per row: kept row k sits on sheet row
 * first + k + shift, and the shift only changes where rows were skipped, so a parse records the (k,
 * shift) pairs where it changes — one pair for a clean million-row column. The full column is built
 * on first use (messages, rows after an as-of day), never on the way to a result.
 *
 * The pairs are a plain array the parse loop pushes to (no object of its own: see idIndex.ts on why
 * the loop touches no class instance).
 */

/** The sheet row numbers of kept rows 0 … kept−1, from pairs k, shift (from kept row k on, the shift is `shift`). */
export function keptRowNumbers(shifts: readonly number[], firstRowNumber: number, kept: number): Int32Array {
  const out = new Int32Array(kept);
  for (let j = 0; j < shifts.length; j += 2) {
    const from = shifts[j];
    const to = j + 2 < shifts.length ? shifts[j + 2] : kept;
    const base = firstRowNumber + shifts[j + 1];
    for (let k = from; k < to; k++) out[k] = base + k;
  }
  return out;
}
