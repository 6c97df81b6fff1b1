/**
 * Which sheets the add-on owns: those it tagged with developer metadata when it created them. The
 * add-on never overwrites, clears, renames or deletes any other sheet, whatever its name (a title
 * may be translated, and a user may have a sheet of the same name in any case).
 *
 * The tag names the sheet's own id: a copy a user makes of our sheet (which may carry the tag along)
 * has another id, so it is theirs, never deleted or replaced by a later run. The tag also lists the
 * named ranges the add-on set on the sheet, so a later run can drop the ones its tables no longer
 * have without touching names a user added.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const OWNER_KEY = 'retentionAnalytics.sheet';

/** 'building': a hidden staging sheet a run fills before copying it into place (or one a crash left). */
export type OwnedKind = 'summary' | 'customerValue' | 'building';

const KINDS: readonly OwnedKind[] = ['summary', 'customerValue', 'building'];

export interface OwnedSheet {
  kind: OwnedKind;
  sheet: Sheet;
  sheetId: number;
  /** The named ranges the add-on set on this sheet last time. */
  names: string[];
  /** The ownership tag itself, to update it without another search. */
  tag: DeveloperMetadata;
}

export function tagValue(sheetId: number, kind: OwnedKind, names: readonly string[] = []): string {
  return JSON.stringify({ kind, sheetId, names });
}

/** The tag's fields; also reads the first format, "summary@123456". */
export function parseTag(value: string | null): { kind: OwnedKind; sheetId: number; names: string[] } | null {
  if (!value) return null;
  let kind: unknown;
  let sheetId: unknown;
  let names: unknown = [];
  if (value.startsWith('{')) {
    try {
      ({ kind, sheetId, names } = JSON.parse(value) as Record<string, unknown>);
    } catch {
      return null;
    }
  } else {
    [kind, sheetId] = value.split('@');
    sheetId = Number(sheetId);
  }
  if (!KINDS.includes(kind as OwnedKind) || typeof sheetId !== 'number' || !Number.isInteger(sheetId)) return null;
  const list = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  return { kind: kind as OwnedKind, sheetId, names: list };
}

export function tagSheet(sheet: Sheet, sheetId: number, kind: OwnedKind, names: readonly string[] = []): void {
  sheet.addDeveloperMetadata(OWNER_KEY, tagValue(sheetId, kind, names), SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** Rewrites the tag of a sheet tagged in this run (its tag object is not at hand). */
export function retagSheet(sheet: Sheet, sheetId: number, kind: OwnedKind, names: readonly string[] = []): void {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.setValue(tagValue(sheetId, kind, names));
}

/** Owned sheets by kind, in one metadata search (its cost does not grow with the data). */
export function ownedSheets(ss: Spreadsheet): OwnedSheet[] {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const out: OwnedSheet[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    const tag = parseTag(m.getValue());
    if (sheet && tag && tag.sheetId === sheet.getSheetId()) out.push({ kind: tag.kind, sheet, sheetId: tag.sheetId, names: tag.names, tag: m });
  }
  return out;
}

/**
 * `base`, or `base 2`, `base 3`… — the first name no sheet has. Sheet names are unique regardless of
 * case, so a user's "retention SUMMARY" takes "Retention summary" too.
 */
export function freeSheetName(taken: readonly string[], base: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}
