/**
 * The BigQuery section's catalogue (src/i18n/<lang>/bigquery.ts). It stays out of the add-on's
 * catalogue (src/i18n/catalogue.ts) so the default build never carries it; the same checks as
 * test/i18n/catalogue.test.ts apply to it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigquery as en } from '../../src/i18n/en/bigquery';
import { bigquery as cs } from '../../src/i18n/cs/bigquery';
import { bigquery as pl } from '../../src/i18n/pl/bigquery';
import { bigquery as hu } from '../../src/i18n/hu/bigquery';
import { bigqueryServer as enServer } from '../../src/i18n/en/bigqueryServer';
import { bigqueryServer as csServer } from '../../src/i18n/cs/bigqueryServer';
import { bigqueryServer as plServer } from '../../src/i18n/pl/bigqueryServer';
import { bigqueryServer as huServer } from '../../src/i18n/hu/bigqueryServer';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { placeholdersOf, type Entry } from '../../src/i18n/messages';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'src', 'sidebar', 'bigquery');
const SOURCE = readdirSync(DIR).map((f) => readFileSync(join(DIR, f), 'utf8')).join('\n');
const CATEGORIES = { en: ['one', 'other'], cs: ['few', 'many', 'one', 'other'], pl: ['few', 'many', 'one', 'other'], hu: ['one', 'other'] };
const KEYS = Object.keys(en) as (keyof typeof en)[];
const forms = (e: Entry) => (typeof e === 'string' ? null : Object.keys(e).sort());

describe('the BigQuery catalogue', () => {
  for (const [lang, catalogue] of Object.entries({ cs, pl, hu, en })) {
    it(`${lang}: the English keys, placeholders and CLDR plural forms`, () => {
      expect(Object.keys(catalogue).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const entry = (catalogue as Record<string, Entry>)[key];
        expect(placeholdersOf(entry), `${lang} ${key}`).toEqual(placeholdersOf(en[key] as Entry));
        if (forms(entry)) expect(forms(entry), `${lang} ${key}`).toEqual(CATEGORIES[lang as keyof typeof CATEGORIES]);
        for (const text of typeof entry === 'string' ? [entry] : Object.values(entry)) expect(text.trim(), `${lang} ${key}`).toBe(text);
      }
    });
  }

  it('every key is used by the section, every bigquery.* literal there is a key', () => {
    expect(KEYS.filter((k) => !SOURCE.includes(`'${k}'`) && !SOURCE.includes(`"${k}"`))).toEqual([]);
    const used = [...SOURCE.matchAll(/['"](bigquery\.[A-Za-z0-9.]+)['"]/g)].map((m) => m[1]);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });

  it('the markup says each text in English as the catalogue has it', () => {
    const html = readFileSync(join(DIR, 'BigQuerySource.html'), 'utf8');
    for (const m of html.matchAll(/data-i18n="(bigquery\.[^"]+)"[^>]*>([^<]*)</g)) expect(m[2].trim(), m[1]).toBe(en[m[1] as keyof typeof en]);
  });
});

/** The BigQuery build's server messages (src/i18n/<lang>/bigqueryServer.ts), joined to the catalogue by src/i18n/bigqueryMessages.ts. */
describe('the BigQuery server catalogue', () => {
  const SERVER_KEYS = Object.keys(enServer) as (keyof typeof enServer)[];
  const serverSource = [join(ROOT, 'src', 'addon', 'bigquery'), join(ROOT, 'src', 'core', 'sql')]
    .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')))
    .join('\n');

  for (const [lang, catalogue] of Object.entries({ cs: csServer, pl: plServer, hu: huServer, en: enServer })) {
    it(`${lang}: the English keys, placeholders and CLDR plural forms`, () => {
      expect(Object.keys(catalogue).sort()).toEqual([...SERVER_KEYS].sort());
      for (const key of SERVER_KEYS) {
        const entry = (catalogue as Record<string, Entry>)[key];
        expect(placeholdersOf(entry), `${lang} ${key}`).toEqual(placeholdersOf(enServer[key] as Entry));
        if (forms(entry)) expect(forms(entry), `${lang} ${key}`).toEqual(CATEGORIES[lang as keyof typeof CATEGORIES]);
        for (const text of typeof entry === 'string' ? [entry] : Object.values(entry)) expect(text.trim(), `${lang} ${key}`).toBe(text);
      }
    });
  }

  it('shares no key with the add-on catalogue, which the default build carries', () => {
    // Imported here without src/i18n/bigqueryMessages.ts: the add-on's own catalogue has none of them.
    expect(SERVER_KEYS.filter((k) => k in CATALOGUES.en)).toEqual([]);
  });

  it('every key is used by the BigQuery server code, and every bq.* key there exists', () => {
    // Role and type words are named through a template (`bq.role.${role}`) or a table of keys.
    const unused = SERVER_KEYS.filter((k) => !serverSource.includes(`'${k}'`) && !/^bq\.role\./.test(k));
    expect(unused).toEqual([]);
    const used = [...serverSource.matchAll(/['"](bq\.[A-Za-z0-9.]+)['"]/g)].map((m) => m[1]);
    expect(used.filter((k) => !(k in enServer))).toEqual([]);
    expect(serverSource).toContain('bq.role.${role}');
  });
});
