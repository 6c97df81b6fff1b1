/**
 * npm start's console catalogue (src/i18n/<lang>/start.ts): kept out of the add-on's catalogue (the
 * bundle does not carry it), checked here as test/i18n/catalogue.test.ts checks that one: the English
 * keys in every language, the same placeholders, CLDR's plural forms; every key used by scripts/ and
 * every start.* literal there a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START_CATALOGUES } from '../../src/i18n/startMessages';
import { placeholdersOf, type Entry } from '../../src/i18n/messages';

const ROOT = join(__dirname, '..', '..');
const SCRIPTS = readdirSync(join(ROOT, 'scripts')).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8')).join('\n');
// CLDR plural categories (plurals.xml), written here independently of src/i18n/plural.ts.
const CATEGORIES = { en: ['one', 'other'], cs: ['few', 'many', 'one', 'other'], pl: ['few', 'many', 'one', 'other'], hu: ['one', 'other'] };
const KEYS = Object.keys(START_CATALOGUES.en);
const forms = (e: Entry) => (typeof e === 'string' ? null : Object.keys(e).sort());

describe("npm start's catalogue", () => {
  for (const lang of ['en', 'cs', 'pl', 'hu'] as const) {
    it(`${lang}: the English keys, placeholders and plural forms`, () => {
      const catalogue = START_CATALOGUES[lang];
      expect(Object.keys(catalogue).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(placeholdersOf(catalogue[key]), `${lang} ${key}`).toEqual(placeholdersOf(START_CATALOGUES.en[key]));
        expect(forms(catalogue[key]) === null, `${lang} ${key}`).toBe(forms(START_CATALOGUES.en[key]) === null);
        if (forms(catalogue[key])) expect(forms(catalogue[key]), `${lang} ${key}`).toEqual(CATEGORIES[lang]);
        for (const text of typeof catalogue[key] === 'string' ? [catalogue[key] as string] : Object.values(catalogue[key])) expect(text.trim(), `${lang} ${key}`).toBe(text);
      }
    });
  }

  it('every key is used by scripts/, every start.* literal there is a key', () => {
    expect(KEYS.filter((k) => !SCRIPTS.includes(`'${k}'`))).toEqual([]);
    const literals = [...SCRIPTS.matchAll(/'(start\.[A-Za-z.]+)'/g)].map((m) => m[1]);
    expect(literals.length).toBeGreaterThan(10);
    expect(literals.filter((k) => !KEYS.includes(k))).toEqual([]);
  });
});
