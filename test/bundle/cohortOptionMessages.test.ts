/**
 * =COHORTS' and =RETENTION_BY_PERIOD's lapse_after and refunds through the built dist/Code.js: a wrong
 * value is named as the cell shows it, in the spreadsheet's language, with what is accepted; each
 * language's own words work. Every expectation is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

const log = (b: ReturnType<typeof loadBundle>) => ({
  ids: [['a'], ['b'], ['a']],
  dates: [[b.date(2024, 1, 5)], [b.date(2024, 2, 5)], [b.date(2024, 3, 9)]],
  amounts: [[10], [-4], [12]],
});

describe('lapse_after and refunds messages', () => {
  it('English: the value as the cell shows it, never a JavaScript value', () => {
    const b = loadBundle({ locale: 'en_US', timeZone: 'Europe/Prague' });
    const { ids, dates, amounts } = log(b);
    const lapse = (k: unknown) => () => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', amounts, k);
    const must = 'RETENTION_BY_PERIOD: lapse_after must be a whole number of periods from 1 to 600, such as 3';
    expect(lapse(0)).toThrow(`${must} (got 0)`);
    expect(lapse(2.5)).toThrow(`${must} (got 2.5)`);
    expect(lapse(601)).toThrow(`${must} (got 601)`);
    expect(lapse('three')).toThrow(`${must} (got "three")`);
    expect(lapse(b.date(2024, 1, 3))).toThrow(`${must} (got the date Jan 3, 2024)`);
    expect(lapse(true)).toThrow(`${must} (got TRUE)`);
    expect(() => b.call('COHORTS', ids, dates, 'month', 'customers', amounts, 'in', 1, 7)).toThrow(
      'COHORTS: refunds must be "revenue" or "activity" (got 7): "revenue" (the default) counts negative amounts in revenue only, "activity" also as purchases',
    );
    expect(() => b.call('COHORTS', ids, dates, 'month', 'customers', amounts, 'in', 1, b.date(2024, 1, 3))).toThrow(/\(got the date Jan 3, 2024\)/);
  });

  it('Czech, Polish and Hungarian, with their number and date forms', () => {
    const cases = [
      ['cs_CZ', 'RETENTION_BY_PERIOD: lapse_after musí být celý počet období od 1 do 600, například 3 (zadáno 2,5)',
        'COHORTS: refunds musí být "revenue", "activity", "tržby" nebo "nákupy" (zadáno "někdy"): "revenue" nebo "tržby" (výchozí) počítá záporné částky jen do tržeb, "activity" nebo "nákupy" i jako nákupy'],
      ['pl_PL', 'RETENTION_BY_PERIOD: lapse_after musi być całkowitą liczbą okresów od 1 do 600, na przykład 3 (podano: 2,5)',
        'COHORTS: refunds musi mieć wartość "revenue", "activity", "przychód" lub "zakupy" (podano: "někdy"): "revenue" lub "przychód" (domyślnie) liczy ujemne kwoty tylko do przychodu, "activity" lub "zakupy" także jako zakupy'],
      ['hu_HU', 'RETENTION_BY_PERIOD: a(z) lapse_after értéke 1 és 600 közötti egész számú időszak, például 3 kell legyen (megadva: 2,5)',
        'COHORTS: A(z) refunds értéke "revenue", "activity", "bevétel" vagy "vásárlás" lehet (a megadott érték: "někdy"): a(z) "revenue" vagy "bevétel" (alapértelmezés) a negatív összegeket csak a bevételbe számítja, a(z) "activity" vagy "vásárlás" vásárlásként is'],
    ] as const;
    for (const [locale, lapseMessage, refundsMessage] of cases) {
      const b = loadBundle({ locale, timeZone: 'Europe/Prague' });
      const { ids, dates, amounts } = log(b);
      expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', amounts, 2.5)).toThrow(lapseMessage);
      expect(() => b.call('COHORTS', ids, dates, 'month', 'customers', amounts, 'in', 1, 'někdy')).toThrow(refundsMessage);
    }
  });

  it('refunds in any language, TRUE/FALSE and case aside, mean the same', () => {
    const b = loadBundle({ locale: 'en_US', timeZone: 'Europe/Prague' });
    const { ids, dates, amounts } = log(b);
    // New customers in January, February and March: b's only row is a refund, a purchase only when refunds count as activity
    // (otherwise it is dated before b's first purchase, left out and said in a note row).
    const newIn = (refunds: unknown) => (b.call('RETENTION_BY_PERIOD', ids, dates, 'month', amounts, 1, refunds) as unknown[][]).slice(1, 4).map((r) => r[3]);
    for (const w of ['activity', 'Nákupy', 'zakupy', 'VÁSÁRLÁS', 'as purchases', true]) expect(newIn(w), String(w)).toEqual([1, 1, 0]);
    for (const w of ['', 'revenue', 'tržby', 'przychod', 'Bevétel', false]) expect(newIn(w), String(w)).toEqual([1, 0, 0]);
  });
});
