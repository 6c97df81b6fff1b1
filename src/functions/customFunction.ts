import type { CellValue } from '../core/cells';
import { languageOf } from '../i18n';
import { activeSheetEnv, type SheetEnv } from '../addon/sheetEnv';
import { forSheets } from './args';

/**
 * Wraps a custom function's implementation: gives it the active spreadsheet's environment and turns
 * every failure into a one-line message for the cell's #ERROR! tooltip (no stack traces).
 */
export function asCustomFunction<T>(name: string, impl: (env: SheetEnv, args: CellValue[]) => T) {
  return (...args: CellValue[]): T => {
    const env = activeSheetEnv();
    try {
      return impl(env, args);
    } catch (e) {
      // In the spreadsheet's language: everyone reads the same cell.
      throw forSheets(name, e, languageOf(localeOf(env)));
    }
  };
}

/** The spreadsheet's locale, or "" if even that cannot be read: the message must get out either way. */
function localeOf(env: SheetEnv): string {
  try {
    return env.locale();
  } catch {
    return '';
  }
}
