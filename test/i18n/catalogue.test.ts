/**
 * The catalogues: every language has exactly English's keys, the same placeholders in every form,
 * the plural forms CLDR gives the language; every key is used somewhere in the source, and every
 * key-shaped literal in the source is a key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { placeholdersOf, type Entry } from '../../src/i18n/messages';

const ROOT = join(__dirname, '..', '..');
const LANGS = ['en', 'cs', 'pl', 'hu'] as const;
// CLDR plural categories (plurals.xml), written here independently of src/i18n/plural.ts.
const CATEGORIES: Record<(typeof LANGS)[number], string[]> = {
  en: ['one', 'other'],
  cs: ['few', 'many', 'one', 'other'],
  pl: ['few', 'many', 'one', 'other'],
  hu: ['one', 'other'],
};

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

/** Source that uses keys: everything under src/ but the catalogues themselves. */
const SOURCES = files(join(ROOT, 'src'), (f) => /\.(ts|html)$/.test(f) && !/src[\\/]i18n[\\/](en|cs|pl|hu)[\\/]/.test(f));
const SOURCE_TEXT = SOURCES.map((f) => readFileSync(f, 'utf8')).join('\n');
const KEYS = Object.keys(CATALOGUES.en);
const AREAS = new Set(KEYS.map((k) => k.split('.')[0]));

const forms = (e: Entry) => (typeof e === 'string' ? null : Object.keys(e).sort());

describe('catalogues', () => {
  it('have keys', () => {
    expect(KEYS.length).toBeGreaterThan(0);
  });

  for (const lang of LANGS) {
    it(`${lang}: exactly the English keys, the same placeholders, CLDR's plural forms, no blank text`, () => {
      const catalogue = CATALOGUES[lang];
      expect(Object.keys(catalogue).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const entry = catalogue[key];
        const english = CATALOGUES.en[key];
        expect(placeholdersOf(entry), `${lang} ${key}`).toEqual(placeholdersOf(english));
        expect(forms(entry) === null, `${lang} ${key} plural or not`).toBe(forms(english) === null);
        if (forms(entry)) expect(forms(entry), `${lang} ${key} plural forms`).toEqual(CATEGORIES[lang]);
        for (const text of typeof entry === 'string' ? [entry] : Object.values(entry)) {
          expect(text.trim(), `${lang} ${key}`).not.toBe('');
          expect(text, `${lang} ${key} has no stray spaces`).toBe(text.trim());
          expect(/\{[^}]*$|^[^{]*\}/.test(text), `${lang} ${key} braces`).toBe(false);
        }
      }
    });
  }

  it('every key is used in the source', () => {
    const unused = KEYS.filter((k) => !SOURCE_TEXT.includes(`'${k}'`) && !SOURCE_TEXT.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });

  it('every key-shaped literal in the source is a key', () => {
    const literal = /['"]([a-z][A-Za-z]*(?:\.[A-Za-z][A-Za-z0-9]*)+)['"]/g;
    const missing = new Set<string>();
    for (const m of SOURCE_TEXT.matchAll(literal)) {
      const candidate = m[1];
      if (AREAS.has(candidate.split('.')[0]) && !(candidate in CATALOGUES.en)) missing.add(candidate);
    }
    expect([...missing]).toEqual([]);
  });
});
