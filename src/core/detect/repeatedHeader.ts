import { isBlank } from '../cells';
import { normalizeHeader } from './roles';

/**
 * Whether a row below the header repeats it, as exports glued one after another do ("Customer",
 * "Date", "Amount" again halfway down): every non-blank cell is text equal to the header cell above
 * it (spaces, case and accents aside), and at least two are. Detection leaves such rows out of the
 * column profiles, so that one of them in a small sample does not make the date column look mixed;
 * the report skips them, counted and named (src/core/cohorts/parseInput.ts).
 */
export function repeatsHeader(row: readonly unknown[], headers: readonly string[]): boolean {
  let same = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || !headers[c] || normalizeHeader(v) !== normalizeHeader(headers[c])) return false;
    same++;
  }
  return same >= 2;
}
