/**
 * The worked examples of docs/functions*.md, run through the built dist/Code.js: each "`=F(args)` → r"
 * with plain numbers as arguments, read the way its language writes them (`;` and decimal commas in
 * cs, pl and hu), must give r to the digits shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

const DOCS = join(__dirname, '..', '..', 'docs');
const FILES = [
  ['functions.md', 'en_US', ','],
  ['functions.cs.md', 'cs_CZ', ';'],
  ['functions.pl.md', 'pl_PL', ';'],
  ['functions.hu.md', 'hu_HU', ';'],
] as const;

describe('documented examples', () => {
  for (const [file, locale, separator] of FILES) {
    it(`${file}: every numeric example gives what it says`, () => {
      const text = readFileSync(join(DOCS, file), 'utf8');
      const b = loadBundle({ locale });
      const decimal = separator === ';' ? ',' : '.';
      const number = (s: string) => Number(s.replace(/[\s\u00a0]/g, '').replace(decimal === ',' ? /\./g : /,/g, '').replace(',', '.'));
      const examples = [...text.matchAll(/`=([A-Z_]+)\(([^`()]*)\)` → ([\d\s\u00a0.,]*\d)/g)];
      expect(examples.length, file).toBeGreaterThanOrEqual(4);
      for (const [, fn, args, shown] of examples) {
        const values = args.split(separator).map((a) => number(a.trim()));
        if (values.some((v) => !Number.isFinite(v))) continue;
        const expected = number(shown);
        const decimals = shown.includes(decimal) ? shown.split(decimal)[1].length : 0;
        const got = b.call(fn, ...values) as number;
        expect(Number(got.toFixed(decimals)), `${file}: =${fn}(${args})`).toBe(expected);
      }
    });
  }
});
