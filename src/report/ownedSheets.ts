/**
 * Which sheets the add-on owns: those it tagged with developer metadata when it created them. The
 * add-on never overwrites, clears, renames or deletes any other sheet, whatever its name.
 *
 * The tag names the sheet's own id ("summary@123456"): a copy a user makes of our sheet (which may
 * carry the tag along) has another id, so it is theirs, never deleted or replaced by a later run.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OWNER_KEY = 'retentionAnalytics.sheet';

export type OwnedKind = 'summary' | 'customerValue' | 'building';

function tagValue(sheet: Sheet, kind: OwnedKind): string {
  return `${kind}@${sheet.getSheetId()}`;
}

export function tagSheet(sheet: Sheet, kind: OwnedKind): void {
  sheet.addDeveloperMetadata(OWNER_KEY, tagValue(sheet, kind), SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

export function retagSheet(sheet: Sheet, kind: OwnedKind): void {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.setValue(tagValue(sheet, kind));
}

/** Owned sheets by kind, in one metadata search (its cost does not grow with the data). */
export function ownedSheets(ss: Spreadsheet): { kind: OwnedKind; sheet: Sheet }[] {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const out: { kind: OwnedKind; sheet: Sheet }[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    const [kind, id] = String(m.getValue()).split('@');
    if (sheet && Number(id) === sheet.getSheetId()) out.push({ kind: kind as OwnedKind, sheet });
  }
  return out;
}

/** `base`, or `base 2`, `base 3`… — the first name no sheet has. */
export function freeSheetName(ss: Spreadsheet, base: string, except?: Sheet): string {
  const taken = new Set(ss.getSheets().filter((s) => s !== except).map((s) => s.getName()));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}
