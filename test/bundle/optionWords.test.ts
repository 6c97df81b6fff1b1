/**
 * Option words through the built dist/Code.js: the English spellings everywhere, each language's own
 * too, without case or accents; a wrong word's message, in the spreadsheet's language, lists what is
 * accepted in English and in that language.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

function sample(b: ReturnType<typeof loadBundle>) {
  const ids = [['a'], ['b'], ['a'], ['c'], ['b'], ['a']];
  const dates = [[b.date(2024, 1, 7)], [b.date(2024, 1, 21)], [b.date(2024, 2, 4)], [b.date(2024, 2, 18)], [b.date(2024, 4, 1)], [b.date(2024, 4, 14)]];
  const amounts = [[10], [20], [30], [40], [50], [60]];
  return { ids, dates, amounts };
}

describe('option words', () => {
  const b = loadBundle({ timeZone: 'Europe/Prague', locale: 'cs_CZ' });
  const { ids, dates, amounts } = sample(b);
  const cohorts = (...rest: unknown[]) => JSON.stringify(b.call('COHORTS', ids, dates, ...rest));
  const byPeriod = (period: string) => JSON.stringify(b.call('RETENTION_BY_PERIOD', ids, dates, period));

  it('periods in four languages, any case, with or without accents', () => {
    for (const [english, words] of [
      ['week', ['týden', 'TYDEN', 'tydzień', 'tydzien', 'hét', 'Het', 'týdně', 'tygodniowo', 'heti']],
      ['month', ['měsíc', 'Mesic', 'miesiąc', 'MIESIAC', 'hónap', 'honap', 'havi', 'měsíčně']],
      ['quarter', ['čtvrtletí', 'ctvrtleti', 'kwartał', 'Kwartal', 'negyedév', 'negyedeves']],
      ['year', ['rok', 'ROK', 'év', 'ev', 'ročně', 'rocznie', 'éves']],
    ] as const) {
      const reference = cohorts(english);
      for (const word of words) expect(cohorts(word), word).toBe(reference);
      expect(byPeriod(words[0])).toBe(byPeriod(english));
    }
    expect(cohorts('week sunday')).not.toBe(cohorts('week'));
    for (const phrase of ['týden neděle', 'tydzien od niedzieli', 'hét vasárnap', 'Week Sunday']) expect(cohorts(phrase), phrase).toBe(cohorts('week sunday'));
    for (const phrase of ['týden pondělí', 'hét hétfő', 'week iso']) expect(cohorts(phrase), phrase).toBe(cohorts('week'));
  });

  it('what to show and the retention mode', () => {
    for (const word of ['zákazníci', 'ZAKAZNICI', 'klienci', 'ügyfelek', 'ugyfelek']) expect(cohorts('month', word), word).toBe(cohorts('month', 'customers'));
    for (const word of ['tržby', 'przychód', 'bevétel', 'Bevetel']) expect(cohorts('month', word, amounts), word).toBe(cohorts('month', 'revenue', amounts));
    for (const word of ['nebo později', 'v období nebo později', 'lub później', 'w okresie lub pozniej', 'vagy később', 'in_or-after']) {
      expect(cohorts('month', 'retention', '', word), word).toBe(cohorts('month', 'retention', '', 'in or after'));
    }
    expect(cohorts('month', 'retention', '', 'v období')).toBe(cohorts('month', 'retention', '', 'in'));
    expect(cohorts('month', 'retention', '', 'v období nebo později')).not.toBe(cohorts('month', 'retention', '', 'in'));
  });

  it('a wrong word: the message lists the English words and the spreadsheet language’s own', () => {
    expect(() => b.call('COHORTS', ids, dates, 'fortnight')).toThrow(
      'COHORTS: period musí být "week", "week sunday", "month", "quarter", "year", "týden", "měsíc", "čtvrtletí" nebo "rok" (zadáno "fortnight")',
    );
    const polish = loadBundle({ locale: 'pl_PL' });
    const p = sample(polish);
    expect(() => polish.call('COHORTS', p.ids, p.dates, 'month', 'pie')).toThrow(
      'COHORTS: show musi mieć wartość "retention", "customers", "revenue", "retencja", "klienci" lub "przychód" (podano: "pie")',
    );
    const hungarian = loadBundle({ locale: 'hu_HU' });
    const h = sample(hungarian);
    expect(() => hungarian.call('COHORTS', h.ids, h.dates, 'month', '', '', 'sometimes')).toThrow(
      'COHORTS: A(z) mode értéke "in", "in or after", "az időszakban" vagy "az időszakban vagy később" lehet (a megadott érték: "sometimes")',
    );
    const english = loadBundle({ locale: 'en_US' });
    const e = sample(english);
    expect(() => english.call('COHORTS', e.ids, e.dates, 'month sunday')).toThrow(
      'COHORTS: period must be "week", "week sunday", "month", "quarter", or "year" (got "month sunday")',
    );
    expect(() => english.call('CLV', e.ids, e.dates, e.amounts, 12, 0.01, 'everything')).toThrow(
      'CLV: output must be "customers", "model", "at risk", or "lapsed" (got "everything")',
    );
  });
});
