/**
 * Only the owned-sheet writer changes sheets: the calls that write cells, create, hide, rename or
 * delete sheets, or set named ranges, charts, rules and tags appear in src/report's writer files and
 * nowhere else on the Apps Script side. The one exception is the sidebar's sample sheet, which
 * inserts a brand-new sheet of the user's and fills it once.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles as files } from '../support/sourceFiles';

const SRC = join(__dirname, '..', '..', 'src');
const WRITES =
  /\.(setValues?|setFormulas?|setNumberFormats?|setBackgrounds?|setFontWeights?|setFontColors?|setWraps?|setNotes?|clearNotes|clearContents?|clearFormats?|copyTo|insertSheet|deleteSheet|hideSheet|showSheet|setName|setNamedRange|removeNamedRange|setRange|insertChart|updateChart|removeChart|setConditionalFormatRules|addDeveloperMetadata|setFrozenRows|setFrozenColumns|setColumnWidths?|insertRowsAfter|insertColumnsAfter|merge|breakApart)\(/;

const WRITERS = new Map<string, RegExp | null>([
  ['report/writeSheet.ts', null],
  ['report/fillSheet.ts', null],
  ['report/namedAreas.ts', null],
  ['report/ownedSheets.ts', null],
  // A new sheet of the user's, never an existing one (see its comment).
  ['addon/sampleSheet.ts', /\.(insertSheet|setValues|setNumberFormats|setFontWeight|setFrozenRows|insertRowsAfter)\(/],
]);


describe('writes to sheets', () => {
  it('happen only in the owned-sheet writer (and the sample sheet)', () => {
    // The core has no Apps Script at all (its purity test); the sidebar runs in the browser.
    const appsScript = files(SRC).filter((f) => !/[\\/](core|sidebar)[\\/]/.test(f));
    expect(appsScript.length).toBeGreaterThan(20);
    const offenders = appsScript.flatMap((f) => {
      const name = relative(SRC, f).replace(/\\/g, '/');
      if (WRITERS.has(name) && WRITERS.get(name) === null) return [];
      const allowed = WRITERS.get(name);
      return readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), at: `${name}:${i + 1}` }))
        .filter(({ line }) => WRITES.test(line) && !(allowed && line.match(new RegExp(WRITES, 'g'))!.every((m) => allowed.test(m))))
        .map(({ at, line }) => `${at}: ${line.trim()}`);
    });
    expect(offenders).toEqual([]);
  });
});
