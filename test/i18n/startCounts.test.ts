/**
 * npm start's console lines with counts (src/i18n/<lang>/start.ts): each noun agrees with its own number by the
 * language's plural rules. The expected sentences are written out here by hand (Czech: 1 řádek, 2–4 řádky, 5+
 * řádků; Polish: 1 wiersz, 2–4 and 22–24 wiersze, 5–21 and 25+ wierszy; Hungarian: a singular noun after every
 * number). The refusal of a file too large for a spreadsheet is built as scripts/start.ts builds it.
 */
import { describe, expect, it } from 'vitest';
import { integer, type Language } from '../../src/i18n';
import { startMsg, startText } from '../../src/i18n/startMessages';
import { tooLargeMessage } from '../../scripts/tooLarge';

const NBSP = '\u00a0';
const cellsRefusal = (language: Language, rows: number, columns: number, existing: number, maxCells: number) =>
  startText(tooLargeMessage('f.csv', { rows, columns, existing, maxCells, maxColumns: 18_278 }), language);
const columnsRefusal = (language: Language, columns: number) => startText(tooLargeMessage('f.csv', { rows: 1, columns, existing: 26_000, maxCells: 10_000_000, maxColumns: 18_278 }), language);

describe("npm start's too-large refusal: every count agrees with its noun", () => {
  it('Czech: 1 řádek, 3 sloupce, 5 řádků, 12/22 sloupců, buňku/buňky/buněk after "potřebuje"', () => {
    expect(cellsRefusal('cs', 1, 3, 4, 2)).toBe('„f.csv“ potřebuje 3 buňky (1 řádek × 3 sloupce) a tabulka už má 4: o 5 víc, než kolik Tabulky Google v jedné tabulce dovolí (nejvýše 2 buňky).');
    expect(cellsRefusal('cs', 5, 1, 1, 1)).toBe('„f.csv“ potřebuje 5 buněk (5 řádků × 1 sloupec) a tabulka už má 1: o 5 víc, než kolik Tabulky Google v jedné tabulce dovolí (nejvýše 1 buňku).');
    expect(cellsRefusal('cs', 22, 12, 26, 200)).toBe('„f.csv“ potřebuje 264 buněk (22 řádků × 12 sloupců) a tabulka už má 26: o 90 víc, než kolik Tabulky Google v jedné tabulce dovolí (nejvýše 200 buněk).');
    expect(cellsRefusal('cs', 2, 2, 26, 4)).toBe('„f.csv“ potřebuje 4 buňky (2 řádky × 2 sloupce) a tabulka už má 26: o 26 víc, než kolik Tabulky Google v jedné tabulce dovolí (nejvýše 4 buňky).');
    expect(columnsRefusal('cs', 18_282)).toBe(`„f.csv“ má 18${NBSP}282 sloupců: Tabulky Google dovolí v listu nejvýše 18${NBSP}278 sloupců (po ZZZ).`);
  });

  it('Polish: 1 wiersz, 2–4 and 22–24 wiersze/kolumny/komórki, 5+ and 12–14 wierszy/kolumn/komórek', () => {
    expect(cellsRefusal('pl', 1, 3, 4, 2)).toBe('„f.csv” potrzebuje 3 komórki (1 wiersz × 3 kolumny), a arkusz kalkulacyjny ma już 4: o 5 więcej niż limit Arkuszy Google wynoszący 2 komórki w jednym arkuszu kalkulacyjnym.');
    expect(cellsRefusal('pl', 5, 1, 1, 1)).toBe('„f.csv” potrzebuje 5 komórek (5 wierszy × 1 kolumna), a arkusz kalkulacyjny ma już 1: o 5 więcej niż limit Arkuszy Google wynoszący 1 komórkę w jednym arkuszu kalkulacyjnym.');
    // 22 × 12 = 264: 22 wiersze (22–24), 12 kolumn (12–14), 264 komórki (…4, not …14).
    expect(cellsRefusal('pl', 22, 12, 26, 200)).toBe('„f.csv” potrzebuje 264 komórki (22 wiersze × 12 kolumn), a arkusz kalkulacyjny ma już 26: o 90 więcej niż limit Arkuszy Google wynoszący 200 komórek w jednym arkuszu kalkulacyjnym.');
    expect(cellsRefusal('pl', 13, 24, 0, 100)).toBe('„f.csv” potrzebuje 312 komórek (13 wierszy × 24 kolumny), a arkusz kalkulacyjny ma już 0: o 212 więcej niż limit Arkuszy Google wynoszący 100 komórek w jednym arkuszu kalkulacyjnym.');
    expect(columnsRefusal('pl', 18_282)).toBe(`„f.csv”: 18${NBSP}282 kolumny, a Arkusze Google pozwalają w arkuszu na najwyżej 18${NBSP}278 kolumn (do ZZZ).`);
  });

  it('Hungarian: a singular noun after any number; English: one cell, two cells', () => {
    expect(cellsRefusal('hu', 1, 3, 4, 2)).toBe('„f.csv” 3 cellát igényel (1 sor × 3 oszlop), és a táblázatban már 4 van: ez 5 cellával több a megengedettnél, a Google Táblázatok egy táblázatban legfeljebb 2 cellát engednek.');
    expect(columnsRefusal('hu', 18_282)).toBe(`„f.csv”: a fájlban 18${NBSP}282 oszlop van, de a Google Táblázatokban egy lapon legfeljebb 18${NBSP}278 oszlop lehet (ZZZ-ig).`);
    expect(cellsRefusal('en', 1, 1, 26_000, 10_000)).toBe('"f.csv" needs 1 cell (1 row × 1 column) and the spreadsheet already has 26,000: 16,001 more than Google Sheets\' limit of 10,000 cells in a spreadsheet.');
    expect(cellsRefusal('en', 400_001, 26, 26_000, 10_000_000)).toBe('"f.csv" needs 10,400,026 cells (400,001 rows × 26 columns) and the spreadsheet already has 26,000: 426,026 more than Google Sheets\' limit of 10,000,000 cells in a spreadsheet.');
  });
});

describe("npm start's other lines with counts", () => {
  const firstOf = (language: Language, shown: number, total: number) => startText(startMsg('start.firstOf', { title: 'T', count: integer(shown), total: integer(total) }), language);
  it('"first N of M" agrees with N: první 3 / prvních 5, pierwszy 1 / pierwsze 22 / pierwszych 12', () => {
    expect(firstOf('cs', 3, 3)).toBe('T (první 3 z 3)');
    expect(firstOf('cs', 1, 1)).toBe('T (první 1 z 1)');
    expect(firstOf('cs', 10, 52)).toBe('T (prvních 10 z 52)');
    expect(firstOf('pl', 1, 1)).toBe('T (pierwszy 1 z 1)');
    expect(firstOf('pl', 22, 40)).toBe('T (pierwsze 22 z 40)');
    expect(firstOf('pl', 12, 40)).toBe('T (pierwszych 12 z 40)');
    expect(firstOf('pl', 10, 40)).toBe('T (pierwszych 10 z 40)');
    expect(firstOf('en', 10, 40)).toBe('T (first 10 of 40)');
  });

  it('the DuckDB model line: "od 1 zákazníka", "od 1 klienta", "of 1 customer"', () => {
    const model = (language: Language, customers: number) =>
      startText(startMsg('start.sqlModel', { histories: integer(7), groups: integer(3), count: integer(customers), ms: integer(5) }), language);
    expect(model('cs', 1)).toMatch(/ od 1 zákazníka \(5 ms\)$/);
    expect(model('cs', 3)).toMatch(/ od 3 zákazníků \(5 ms\)$/);
    expect(model('pl', 1)).toMatch(/ od 1 klienta \(5 ms\)$/);
    expect(model('pl', 22)).toMatch(/ od 22 klientów \(5 ms\)$/);
    expect(model('en', 1)).toMatch(/ of 1 customer \(5 ms\)$/);
    expect(model('en', 2)).toMatch(/ of 2 customers \(5 ms\)$/);
  });
});
