import type { Area } from './grid';
import { rangeOf } from './fillSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Points the add-on's named ranges at the tables of `sheet`. A name already on the sheet is
 * re-pointed (NamedRange.setRange), never removed and added again: formulas, charts and pivot tables
 * that use it follow it to the new table. Names the last run set (`previous`) that the new tables no
 * longer have are removed, so none is left pointing at stale cells; names a user set are left alone,
 * as is a name of ours that someone pointed at another sheet. Returns the names now set. Safe to repeat.
 */
export function pointNamedAreas(ss: Spreadsheet, sheet: Sheet, areas: readonly { name: string; area: Area }[], previous: readonly string[]): string[] {
  const onSheet = new Map(sheet.getNamedRanges().map((nr) => [nr.getName().toLowerCase(), nr]));
  const wanted = new Set(areas.map((a) => a.name.toLowerCase()));
  const set: string[] = [];
  for (const { name, area } of areas) {
    const range = rangeOf(sheet, area);
    const existing = onSheet.get(name.toLowerCase());
    if (existing) existing.setRange(range);
    else if (ss.getRangeByName(name)) continue; // it names cells of another sheet: not ours to move
    else nameRange(ss, name, range);
    set.push(name);
  }
  for (const name of previous) {
    if (!wanted.has(name.toLowerCase())) onSheet.get(name.toLowerCase())?.remove();
  }
  return set;
}

function nameRange(ss: Spreadsheet, name: string, range: Range): void {
  try {
    ss.setNamedRange(name, range);
  } catch {
    // A name left #REF! by a deleted sheet is not listed by getNamedRanges but its name stays taken
    // (github.com/burnash/gspread/issues/1530): free it, then name the range again.
    ss.removeNamedRange(name);
    ss.setNamedRange(name, range);
  }
}
