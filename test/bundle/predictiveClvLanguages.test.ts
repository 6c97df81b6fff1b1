/**
 * The predictive =CLV's headers, model rows and list sentences in the spreadsheet's language, through
 * the built bundle: every expected word is written out here by hand (en_US keeps the English headers
 * exactly). The log is the CDNOW sample histories (cdnowHistories.ts), as in predictiveClv.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';
import { cdnowHistories } from './cdnowHistories';

function cdnowLog(locale: string) {
  const b = loadBundle({ timeZone: 'Europe/Prague', locale });
  const { ids, dates, amounts } = cdnowHistories(b);
  return { clv: (output: string) => b.call('CLV', ids, dates, amounts, 12, 0.01, output) as unknown[][] };
}

const CASES = [
  {
    locale: 'en_US',
    customers: ['Customer', 'Purchases', 'P(alive)', 'Expected purchases, next 12 months', 'Expected average value', 'CLV', 'Past value', 'Last purchase'],
    list: ['Customer', 'P(alive)', 'Past value', 'Expected loss of value', 'CLV', 'CLV if still active', 'Purchases', 'Last purchase',
      'Days since last purchase', 'Usual days between purchases', 'Last purchase vs usual'],
    model: ['BG/NBD log-likelihood', 'Gamma-Gamma converged', 'Time unit', 'Customers', 'Observation end', 'Monthly discount rate'],
    weeks: 'weeks',
    recency: /^(last|only) purchase (\d+ days? ago|on the last day observed); (usually every (\d+ days|day)|no usual gap yet)$/,
  },
  {
    locale: 'cs_CZ',
    customers: ['Zákazník', 'Nákupy', 'P(alive)', 'Očekávané nákupy, příštích 12 měsíců', 'Očekávaná průměrná hodnota', 'CLV', 'Dosavadní hodnota', 'Poslední nákup'],
    list: ['Zákazník', 'P(alive)', 'Dosavadní hodnota', 'Očekávaná ztráta hodnoty', 'CLV', 'CLV, pokud je stále aktivní', 'Nákupy', 'Poslední nákup',
      'Dní od posledního nákupu', 'Obvyklý počet dní mezi nákupy', 'Poslední nákup oproti obvyklému'],
    model: ['BG/NBD log-věrohodnost', 'Gamma-Gamma konvergoval', 'Časová jednotka', 'Zákazníci', 'Konec pozorování', 'Měsíční diskontní sazba'],
    weeks: 'týdny',
    recency: /^(poslední|jediný) nákup (před \d+ (dnem|dny)|v poslední pozorovaný den); (obvykle (každý den|každé [234] dny|každých \d+ dní)|obvyklá mezera zatím není)$/,
  },
  {
    locale: 'pl_PL',
    customers: ['Klient', 'Zakupy', 'P(alive)', 'Oczekiwane zakupy, najbliższe 12 miesięcy', 'Oczekiwana średnia wartość', 'CLTV', 'Dotychczasowa wartość', 'Ostatni zakup'],
    list: ['Klient', 'P(alive)', 'Dotychczasowa wartość', 'Oczekiwana utrata wartości', 'CLTV', 'CLTV, jeśli nadal aktywny', 'Zakupy', 'Ostatni zakup',
      'Dni od ostatniego zakupu', 'Zwykła liczba dni między zakupami', 'Ostatni zakup na tle zwykłego rytmu'],
    model: ['BG/NBD log-wiarygodność', 'Gamma-Gamma zbieżny', 'Jednostka czasu', 'Klienci', 'Koniec obserwacji', 'Miesięczna stopa dyskontowa'],
    weeks: 'tygodnie',
    recency: /^(ostatni|jedyny) zakup (\d+ (dzień|dni) temu|w ostatnim obserwowanym dniu); (zwykle (codziennie|co \d+ dni)|brak jeszcze zwykłej przerwy)$/,
  },
  {
    locale: 'hu_HU',
    customers: ['Ügyfél', 'Vásárlások', 'P(alive)', 'Várható vásárlások, következő 12 hónap', 'Várható átlagos érték', 'CLV', 'Eddigi érték', 'Utolsó vásárlás'],
    list: ['Ügyfél', 'P(alive)', 'Eddigi érték', 'Várható értékveszteség', 'CLV', 'CLV, ha még aktív', 'Vásárlások', 'Utolsó vásárlás',
      'Napok az utolsó vásárlás óta', 'Szokásos napok két vásárlás között', 'Utolsó vásárlás a szokásoshoz képest'],
    model: ['BG/NBD log-valószínűség', 'Gamma-Gamma konvergált', 'Időegység', 'Ügyfelek', 'Megfigyelés vége', 'Havi diszkontráta'],
    weeks: 'hét',
    recency: /^(utolsó|egyetlen) vásárlás (\d+ napja|az utolsó megfigyelt napon); (általában (naponta|\d+ naponta)|szokásos szünet még nincs)$/,
  },
];

describe('the predictive =CLV speaks the spreadsheet’s language', () => {
  for (const c of CASES) {
    it(`${c.locale}: headers, model rows and the recency sentence`, () => {
      const { clv } = cdnowLog(c.locale);
      expect(clv('customers')[0]).toEqual(c.customers);
      const atRisk = clv('at risk');
      expect(atRisk[0]).toEqual(c.list);
      expect(atRisk.length).toBeGreaterThan(20);
      for (const r of atRisk.slice(1)) expect(r[10] as string).toMatch(c.recency);
      const model = clv('model');
      const labels = model.map((r) => r[0]);
      for (const label of c.model) expect(labels, label).toContain(label);
      expect(model.find((r) => r[0] === c.model[2])![1]).toBe(c.weeks);
      // The parameters keep their names in every language.
      expect(labels.slice(0, 7)).toEqual(['r', 'alpha', 'a', 'b', 'p', 'q', 'v']);
    });
  }
});
