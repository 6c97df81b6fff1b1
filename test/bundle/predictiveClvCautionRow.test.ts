/**
 * =CLV's Caution rows are one catalogue sentence (cv.cautionRow, "Caution: {reason}"), not a word and a reason
 * joined in code, so a translator sees and orders the whole row. Read here from the catalogue's source text (as
 * data, not imported), filled with the reasons the "model" output's Warning rows give, and compared with what the
 * built dist/Code.js spills. And a log with no customers to list spills no stray Caution row and does not crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';

const ROOT = join(__dirname, '..', '..');

/** The text of cv.cautionRow in a language's catalogue file, or null when it has none. */
function cautionRowEntry(language: string): string | null {
  const source = readFileSync(join(ROOT, 'src', 'i18n', language, 'value.ts'), 'utf8');
  const m = source.match(/'cv\.cautionRow':\s*'([^']*)'/);
  return m ? m[1] : null;
}

/** 40 customers: the first 30 buy three times, the last 10 once (the model warns that only 30 bought twice). */
function log(b: Bundle) {
  const ids: unknown[][] = [], dates: unknown[][] = [], amounts: unknown[][] = [];
  for (let c = 1; c <= 40; c++) {
    for (let k = 0; k < (c <= 30 ? 3 : 1); k++) {
      ids.push([`K${c}`]);
      dates.push([b.date(2024, 1 + ((c + 4 * k) % 12), 1 + (c % 27))]);
      amounts.push([10 + c + 3 * k]);
    }
  }
  return { ids, dates, amounts };
}

const CASES = [
  { locale: 'en_US', language: 'en', word: 'Caution', warning: 'Warning' },
  { locale: 'cs_CZ', language: 'cs', word: 'Pozor', warning: 'Upozornění' },
  { locale: 'pl_PL', language: 'pl', word: 'Uwaga', warning: 'Ostrzeżenie' },
  { locale: 'hu_HU', language: 'hu', word: 'Figyelem', warning: 'Figyelmeztetés' },
];

describe('=CLV Caution rows: one catalogue sentence', () => {
  for (const c of CASES) {
    it(`${c.locale}: each row is cv.cautionRow with the model's reason, the same word as the sheet's`, () => {
      const entry = cautionRowEntry(c.language);
      expect(entry, 'cv.cautionRow in the catalogue').not.toBeNull();
      expect(entry!.startsWith(c.word), entry!).toBe(true);
      expect(entry).toContain('{reason}');
      const b = loadBundle({ locale: c.locale });
      const { ids, dates, amounts } = log(b);
      const reasons = (b.call('CLV', ids, dates, amounts, 12, 0.01, 'model') as unknown[][]).filter((r) => r[0] === c.warning).map((r) => String(r[1]));
      expect(reasons.length).toBeGreaterThan(0);
      const grid = b.call('CLV', ids, dates, amounts) as unknown[][];
      const tail = grid.slice(grid.length - reasons.length).map((r) => r[0]);
      expect(tail).toEqual(reasons.map((reason) => entry!.replace('{reason}', reason)));
    });
  }

  it('a log with no customers spills no Caution row and no crash: blank ranges stay blank, too few buyers is a message', () => {
    const b = loadBundle({ locale: 'en_US' });
    const blank = b.call('CLV', [[''], ['']], [[''], ['']], [[''], ['']]) as unknown[][];
    expect(JSON.stringify(blank)).not.toMatch(/Caution/);
    // Refunds only: nobody bought, so there is no model; said, not thrown as a stack trace or a stray row.
    expect(() => b.call('CLV', [['A'], ['B']], [[b.date(2024, 1, 1)], [b.date(2024, 2, 1)]], [[-5], [-3]])).toThrow(
      /^CLV: The purchase model needs at least 10 customers with a purchase in the observation period; got 0$/,
    );
  });
});
