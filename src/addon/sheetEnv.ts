/**
 * What the adapters need to know about the spreadsheet they run in. Read lazily and once per call:
 * a formula of plain counts never pays for a service call.
 */
export interface SheetEnv {
  /** The spreadsheet's IANA time zone: the zone its dates are midnights of. */
  timeZone(): string;
  /** The spreadsheet's locale, e.g. "en_US", "cs_CZ". */
  locale(): string;
}

export function activeSheetEnv(): SheetEnv {
  let zone: string | undefined;
  let locale: string | undefined;
  return {
    timeZone: () => (zone ??= SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()),
    locale: () => (locale ??= SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()),
  };
}

/** A fixed environment, for tests and the local run. */
export function fixedSheetEnv(timeZone: string, locale = 'en_US'): SheetEnv {
  return { timeZone: () => timeZone, locale: () => locale };
}
