/**
 * Wording the review found: Hungarian's model rows said "likelihood" in English (now "log-valószínűség", the
 * logarithm of the valószínűségi függvény), and the Czech summary line must agree with its count (1 kohorta …
 * zapsána, 3 kohorty … zapsány, 5 kohort … zapsáno). The expected texts are written out here; and no cs/pl/hu
 * entry of the add-on's or npm start's catalogue may still hold one of the English domain words below.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, t } from '../../src/i18n';
import { START_CATALOGUES } from '../../src/i18n/startMessages';
import type { Entry } from '../../src/i18n/messages';

const texts = (e: Entry) => (typeof e === 'string' ? [e] : Object.values(e));
// Lower-case English domain words: the product's name ("Retention Analytics"), formula names (=COHORTS) and option
// values a formula takes ("revenue", "churn") are written as they are and are not matched.
const ENGLISH = /\b(likelihood|customers?|cohorts?|retention|purchases?|caution|warning|skipped|rows?|column)\b/;

describe('review wording', () => {
  it('Hungarian model rows: log-valószínűség, not the English log-likelihood', () => {
    expect(t('hu', 'cv.model.bgLikelihood')).toBe('BG/NBD log-valószínűség');
    expect(t('hu', 'cv.model.ggLikelihood')).toBe('Gamma-Gamma log-valószínűség');
    expect(t('hu', 'model.stop.runaway')).toBe('egy paraméter 0 vagy végtelen felé tart (a valószínűségi függvénynek nincs véges maximuma)');
  });

  it('the Czech summary line: the participle agrees with the cohorts', () => {
    const line = (count: number) => t('cs', 'server.summary.done', { count, by: 'po měsících', rows: '9 řádků', sheet: 'Přehled' });
    expect(line(1)).toBe('1 kohorta po měsících z 9 řádků zapsána do listu „Přehled“.');
    expect(line(3)).toBe('3 kohorty po měsících z 9 řádků zapsány do listu „Přehled“.');
    expect(line(5)).toBe('5 kohort po měsících z 9 řádků zapsáno do listu „Přehled“.');
    expect(line(12)).toBe('12 kohort po měsících z 9 řádků zapsáno do listu „Přehled“.');
  });

  for (const lang of ['cs', 'pl', 'hu'] as const) {
    it(`${lang}: no English domain word left in the catalogues`, () => {
      const left: string[] = [];
      for (const catalogue of [CATALOGUES[lang], START_CATALOGUES[lang]]) {
        for (const [key, entry] of Object.entries(catalogue)) {
          for (const text of texts(entry)) {
            const plain = text.replace(/\{[A-Za-z0-9]+\}/g, '').replace(/--[a-z-]+/g, '');
            if (ENGLISH.test(plain)) left.push(`${key}: ${text}`);
          }
        }
      }
      expect(left).toEqual([]);
    });
  }
});
