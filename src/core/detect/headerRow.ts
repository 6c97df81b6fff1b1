import { isBlank, isDateValue } from '../cells';

/**
 * The 0-based index of the header row within the first rows of a sheet: the first row made of text
 * labels that is followed by a row holding data (a date or a number). Title rows above the header
 * ("Customer export, March") and blank rows are skipped. Falls back to the first non-blank row.
 */
export function findHeaderRow(rows: unknown[][]): number {
  const limit = Math.min(rows.length - 1, 30);
  for (let r = 0; r < limit; r++) {
    const cells = rows[r].filter((v) => !isBlank(v));
    if (cells.length < 2 || !cells.every((v) => typeof v === 'string')) continue;
    const next = rows[r + 1];
    const holdsData = next.some((v) => isDateValue(v) || typeof v === 'number');
    const labelsCoverData = next.filter((v) => !isBlank(v)).length <= rows[r].filter((v) => !isBlank(v)).length + 1;
    if (holdsData && labelsCoverData) return r;
  }
  const firstFilled = rows.findIndex((row) => row.some((v) => !isBlank(v)));
  return firstFilled < 0 ? 0 : firstFilled;
}
