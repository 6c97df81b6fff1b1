import type { CellValue } from '../core/cells';
import { activeSheetEnv, type SheetEnv } from '../addon/sheetEnv';
import { forSheets } from './args';

/**
 * Wraps a custom function's implementation: gives it the active spreadsheet's environment and turns
 * every failure into a one-line message for the cell's #ERROR! tooltip (no stack traces).
 */
export function asCustomFunction<T>(name: string, impl: (env: SheetEnv, args: CellValue[]) => T) {
  return (...args: CellValue[]): T => {
    try {
      return impl(activeSheetEnv(), args);
    } catch (e) {
      throw forSheets(name, e);
    }
  };
}
