/**
 * No Czech, Polish or Hungarian text left in English: a translation identical to its English text is
 * allowed only for the entries listed here, each with its reason (brand names, notation, formats with
 * nothing but placeholders, words the language shares with English); and no translation holds English
 * words a reader of that language would not expect (placeholders aside).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { BIGQUERY_SERVER_CATALOGUES } from '../../src/i18n/bigqueryMessages';
import { bigquery as enBq } from '../../src/i18n/en/bigquery';
import { bigquery as csBq } from '../../src/i18n/cs/bigquery';
import { bigquery as plBq } from '../../src/i18n/pl/bigquery';
import { bigquery as huBq } from '../../src/i18n/hu/bigquery';
import { START_CATALOGUES } from '../../src/i18n/startMessages';
import type { Entry } from '../../src/i18n/messages';

type Lang = 'cs' | 'pl' | 'hu';
const PARTS = [
  { en: CATALOGUES.en, cs: CATALOGUES.cs, pl: CATALOGUES.pl, hu: CATALOGUES.hu },
  BIGQUERY_SERVER_CATALOGUES,
  { en: enBq, cs: csBq, pl: plBq, hu: huBq },
  START_CATALOGUES,
] as { en: Record<string, Entry>; cs: Record<string, Entry>; pl: Record<string, Entry>; hu: Record<string, Entry> }[];

/** The same in every language, and why. */
const EVERYWHERE: Record<string, string> = {
  'sidebar.brand': 'the product name',
  'sidebar.version': 'the product name and a version number',
  'sample.online': 'a segment name of the sample data, a loanword in cs, pl and hu',
  'sidebar.columns.option': 'placeholders and a dash only',
  'fn.size': 'placeholders and ×',
  'cv.cost.sum': 'placeholders and +',
  'model.fit.toZero': 'a formula: name → 0',
  'skipped.where': 'placeholders and brackets',
  'skipped.example': 'placeholders and brackets',
  'source.columnRefValue': 'placeholders and brackets: a column letter and a value named in the language',
  'bq.size': 'a number and its unit',
  'bigquery.queryExample': 'SQL, which has no language',
  'cv.col.alive': 'P(alive), the notation of the BG/NBD literature (Fader, Hardie and Lee)',
  'start.valueDone': 'placeholders and a unit (ms)',
  'start.step': 'placeholders and units (s, MB)',
  'start.sqlSourceName': 'a file name and the engine\'s name',
};

/** The same in one language: a word it shares with English, or a term its glossary keeps. */
const IN_LANGUAGE: Record<Lang, Record<string, string>> = {
  cs: {
    'sidebar.columns.segment': 'Segment is Czech (glossary: segment)',
    'cv.col.segment': 'Segment is Czech',
    'sidebar.role.segment': 'segment is Czech',
    'source.role.segment': 'segment is Czech',
    'bq.role.segment': 'segment is Czech',
    'summary.segment': 'Segment is Czech',
    'sidebar.kind.text': 'text is Czech',
    'bq.type.string': 'text is Czech',
    'cv.data': 'Data is Czech',
    'summary.data': 'Data is Czech',
    'cv.col.clv': 'CLV (glossary: celoživotní hodnota zákazníka (CLV))',
    'start.step.import': 'import is Czech',
    'start.step.export': 'export is Czech',
  },
  pl: {
    'start.step.import': 'import is Polish',
    'source.role.segment': 'segment is Polish (glossary: segment klientów)',
    'bq.role.segment': 'segment is Polish',
    'spill.crr': 'CRR (glossary: wskaźnik retencji klientów (CRR))',
  },
  hu: {
    'cv.col.clv': 'CLV (glossary: ügyfél élettartam-értéke (CLV))',
  },
};

/** English words no cs, pl or hu text should hold outside its placeholders. */
// Lower case only: "by" is Czech and Polish, "is" Hungarian, CHURN a function's name and churn its argument.
const ENGLISH_WORDS = /(?<![\p{L}_-])(log-likelihood|the|of|and|customers?|rows?|columns?|sheets?|are|not|from|months?|weeks?|years?|rate)(?![\p{L}_-])/u;

/** Entries that quote English on purpose. */
const QUOTES_ENGLISH: Record<string, string> = {
  'start.usage': "npm start's command line: its option values are English words (week, month…)",
  'start.engine': 'the --engine values "sheet" and "duckdb"',
};

const texts = (e: Entry) => (typeof e === 'string' ? [e] : Object.values(e));

describe('translations are translated', () => {
  for (const lang of ['cs', 'pl', 'hu'] as const) {
    it(`${lang}: identical to English only where listed`, () => {
      const identical: string[] = [];
      for (const part of PARTS) {
        for (const [key, en] of Object.entries(part.en)) {
          const enTexts = texts(en);
          if (texts(part[lang][key]).some((t) => enTexts.includes(t))) identical.push(key);
        }
      }
      const allowed = { ...EVERYWHERE, ...IN_LANGUAGE[lang] };
      expect(identical.filter((k) => !(k in allowed)).sort()).toEqual([]);
      // The list stays true: an entry translated since is taken off it.
      expect(Object.keys(allowed).filter((k) => !identical.includes(k)).sort()).toEqual([]);
    });

    it(`${lang}: no English words outside placeholders`, () => {
      const found: string[] = [];
      for (const part of PARTS) {
        for (const [key, entry] of Object.entries(part[lang])) {
          if (key in QUOTES_ENGLISH) continue;
          for (const t of texts(entry)) {
            const m = t.replace(/\{[^}]*\}/g, ' ').match(ENGLISH_WORDS);
            if (m) found.push(`${key}: ${m[0]}`);
          }
        }
      }
      expect(found).toEqual([]);
    });
  }
});
