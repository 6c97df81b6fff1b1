/**
 * The short Czech, Polish and Hungarian guides (docs/functions.{cs,pl,hu}.md) against the English
 * reference: every argument the formulas take is in their table, and every option word that works
 * (the predictive =CLV's "at risk" and "lapsed" outputs, =COHORTS' refunds) is written there in the
 * language of the guide. The words are typed here from the guides' languages, not read from the code;
 * test/bundle/predictiveClv.test.ts and cohortOptionMessages.test.ts show the bundle accepts them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = join(__dirname, '..', '..', 'docs');
const GUIDES = {
  cs: { file: 'functions.cs.md', words: ['ohrožení', 'ztracení', 'tržby', 'nákupy'], paragraphs: ['jeden zákazník', 'naformátovat buňky jako data', 'S = 0', 'je jeho buňka prázdná', 'jen s vratkami', 'nákupy 0'] },
  pl: { file: 'functions.pl.md', words: ['zagrożeni', 'utraceni', 'przychód', 'zakupy'], paragraphs: ['to jeden klient', 'sformatować komórki jako daty', 'S = 0', 'jego komórka jest pusta', 'z samymi zwrotami', 'zakupy 0'] },
  hu: { file: 'functions.hu.md', words: ['veszélyeztetett', 'elvesztett', 'bevétel', 'vásárlás'], paragraphs: ['egy ügyfél', 'formázza a cellákat dátumként', 'CS = 0', 'a cellája üres', 'csak visszatérítéssel', 'vásárlások 0'] },
};

/** A catalogue entry's text, read from src/i18n/<lang>/value.ts as data (the word the sheet and =CLV show). */
const catalogueWord = (language: string, key: string) =>
  readFileSync(join(__dirname, '..', '..', 'src', 'i18n', language, 'value.ts'), 'utf8').match(new RegExp(`'${key.replace('.', '\\.')}':\\s*'([^']*)'`))![1];

/** The argument lists of a guide's table rows for one function, as "(a; b; [c])" counts. */
const argumentCounts = (text: string, fn: string) =>
  [...text.matchAll(new RegExp('^\\| `=' + fn + '\\(([^`]*)\\)`', 'gm'))].map((m) => m[1].split(';').length);

describe('localized function guides', () => {
  for (const [language, { file, words }] of Object.entries(GUIDES)) {
    const text = readFileSync(join(DOCS, file), 'utf8');
    it(`${file}: names every option word of its language`, () => {
      for (const word of words) expect(text, `${language}: "${word}"`).toContain(`"${word}"`);
    });
    it(`${file}: the English reference's reading rules and =CLV's extra rows, with the catalogue's Caution word`, () => {
      // docs/functions.md: padded ids are one customer, a serial number is no date ("format the cells as dates"),
      // S = 0 is a blank cell over ranges, refund-only customers listed with purchases 0, Caution rows.
      for (const phrase of GUIDES[language as keyof typeof GUIDES].paragraphs) expect(text, `${language}: "${phrase}"`).toContain(phrase);
      expect(text).toContain('`"A1 "`');
      expect(text).toContain('`45296`');
      const caution = catalogueWord(language, 'cv.caution');
      expect(['Pozor', 'Uwaga', 'Figyelem']).toContain(caution);
      expect(text).toContain(`\`${caution}: …\``);
      expect(text).toContain(`\`${catalogueWord(language, 'cv.warning')}\``);
    });
    it(`${file}: the log forms of =COHORTS and =RETENTION_BY_PERIOD list lapse_after and refunds`, () => {
      // docs/functions.md: COHORTS(customer_ids, dates, [period], [show], [amounts], [mode], [lapse_after], [refunds]) — 8;
      // RETENTION_BY_PERIOD(customer_ids, dates, [period], [amounts], [lapse_after], [refunds]) — 6.
      expect(Math.max(...argumentCounts(text, 'COHORTS'))).toBe(8);
      expect(Math.max(...argumentCounts(text, 'RETENTION_BY_PERIOD'))).toBe(6);
    });
  }
});
