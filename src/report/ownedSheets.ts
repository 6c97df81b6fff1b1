/**
 * Which sheets the add-on owns: those it tagged with developer metadata when it created them. The
 * add-on never overwrites, clears, renames or deletes any other sheet, whatever its name.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OWNER_KEY = 'retentionAnalytics.sheet';

export type OwnedKind = 'summary' | 'customerValue' | 'building';

export function tagSheet(sheet: Sheet, kind: OwnedKind): void {
  sheet.addDeveloperMetadata(OWNER_KEY, kind, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

export function retagSheet(sheet: Sheet, kind: OwnedKind): void {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.setValue(kind);
}

/** Owned sheets by kind, in one metadata search (its cost does not grow with the data). */
export function ownedSheets(ss: Spreadsheet): { kind: OwnedKind; sheet: Sheet }[] {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const out: { kind: OwnedKind; sheet: Sheet }[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet) out.push({ kind: m.getValue() as OwnedKind, sheet });
  }
  return out;
}

/** `base`, or `base 2`, `base 3`… — the first name no sheet has. */
export function freeSheetName(ss: Spreadsheet, base: string, except?: Sheet): string {
  const taken = new Set(ss.getSheets().filter((s) => s !== except).map((s) => s.getName()));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}
