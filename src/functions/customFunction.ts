import type { CellValue } from '../core/cells';
import { UserError, userMessage } from '../core/errors';
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
      // A message from the catalogue, in the spreadsheet's language: everyone reads the same cell.
      throw forSheets(name, e instanceof UserError && e.text ? new UserError(userMessage(e, languageOf(env.locale()))) : e);
    }
  };
}
