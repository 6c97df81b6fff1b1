/**
 * The summary sheet in the spreadsheet's language, through dist/Code.js in the emulator: sheet name,
 * header block, table titles and headers, notes and the skipped-row sentence written by hand here for
 * en, cs, pl and hu; date cells in the language's form; the sidebar's result line in the user's language.
 * And the summary's look: first column frozen, a heatmap on every retention matrix (segments too), the
 * chart beside the matrix it draws and starting at +1, grey text readable on the darkest heatmap cell.
 */
import { describe, expect, it } from 'vitest';
import type { ReportSettings } from '../../src/addon/protocol';
import { createEmulator } from '../../tools/emulator/index';
import { addSheet, DIST_CODE, generate, settingsFor, workbook } from './workbook';

/** A small log: 60 customers over 2024, a plan each, and one row (sheet row 5) without a date. */
function orders(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < 60; i++) {
    for (let k = 0; k <= i % 4; k++) rows.push([`c${i}`, new Date(Date.UTC(2024, (i % 6) + k * 2, 1 + (i % 20), 10)), 10 + i, i % 2 ? 'pro' : 'basic']);
  }
  rows.splice(3, 0, ['c-blank-date', '', 10, 'pro']);
  return rows;
}

function summaryOn(locale: string, extra: Partial<ReportSettings> = {}) {
  const emu = workbook('Europe/Prague', locale);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], orders());
  const base = settingsFor(emu, 'Orders', { lapseAfter: 2, ...extra });
  const settings = { ...base, columns: { ...base.columns, segment: 4 } };
  const outcome = generate(emu, settings);
  const values = emu.values(outcome.summarySheetName) as unknown[][];
  const texts = values.flat().filter((v): v is string => typeof v === 'string');
  return { emu, settings, outcome, values, texts };
}

const CASES = [
  {
    locale: 'en_US', name: 'Retention summary', dateFormat: 'mmm d, yyyy',
    labels: ['Source', 'Rows read', 'Rows skipped', 'Period', 'A customer is lost after', 'Refunds', 'Data until', 'Generated', 'Add-on version'],
    texts: ['Retention and churn per period', 'Customers per cohort', 'Retention per cohort (%)', 'Weighted average', 'Value per cohort',
      'Skipped 1 row: 1 row with a blank cell in column B ("Date") (row 5).', '2 months without a purchase (active in a month: bought in it or in the 1 month before)'],
    header: ['Period', 'First day', 'Customers at start (S)', 'New', 'Returning', 'Lost', 'Customers at end (E)', 'Retention (kept of S)', 'Churn (lost of S)'],
    spill: ['Period', 'Label', 'Start', 'New', 'Returning', 'End', 'Lost', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial'],
    message: /^\d+ cohorts by month from [\d,]+ rows \(1 skipped\) written to "Retention summary"\.$/,
  },
  {
    locale: 'cs_CZ', name: 'Přehled retence', dateFormat: 'd. m. yyyy',
    labels: ['Zdroj', 'Načtené řádky', 'Vynechané řádky', 'Období', 'Ztráta zákazníka', 'Vratky', 'Data do', 'Vytvořeno', 'Verze doplňku'],
    texts: ['Míra udržení a odchodu zákazníků po obdobích', 'Zákazníci v kohortách', 'Míra udržení v kohortách (%)', 'Vážený průměr', 'Hodnota kohort',
      'Vynechán 1 řádek: 1 řádek s prázdnou hodnotou (sloupec B („Date“)) (řádek 5).'],
    header: ['Období', 'První den', 'Zákazníci na začátku období (S)', 'Noví', 'Vracející se', 'Ztracení', 'Zákazníci na konci období (E)', 'Míra udržení (udržení z S)', 'Míra odchodu (ztracení z S)'],
    spill: ['Období', 'Popisek', 'Začátek', 'Noví', 'Vracející se', 'Konec', 'Ztracení', 'Míra udržení', 'Míra odchodu', 'Tržby', 'Udržení tržeb', 'Neúplné'],
    message: /^\d+ kohort[ay]? po měsících z [\d\u00a0]+ řádků \(1 vynechán\) zapsán[oay] do listu „Přehled retence“\.$/,
  },
  {
    locale: 'pl_PL', name: 'Podsumowanie retencji', dateFormat: 'd.mm.yyyy',
    labels: ['Źródło', 'Wczytane wiersze', 'Dane do', 'Utworzono'],
    texts: ['Retencja i odpływ klientów według okresów', 'Retencja w kohortach (%)', 'Średnia ważona',
      'Pominięto 1 wiersz: 1 wiersz z pustą wartością (kolumna B („Date”)) (wiersz 5).'],
    header: ['Okres'],
    spill: ['Okres', 'Etykieta', 'Początek', 'Nowi', 'Powracający', 'Koniec', 'Utraceni', 'CRR', 'Odpływ', 'Przychód', 'Retencja przychodu', 'Niepełny'],
    message: /^Zapisano \d+ kohort[ęy]? według miesięcy z [\d\u00a0]+ wierszy \(1 pominięty\) w arkuszu „Podsumowanie retencji”\.$/,
  },
  {
    locale: 'hu_HU', name: 'Megtartási összesítő', dateFormat: 'yyyy. mm. dd.',
    labels: ['Forrás', 'Beolvasott sorok', 'Adatok eddig', 'Készült'],
    texts: ['Megtartás és lemorzsolódás időszakonként', 'Megtartási arány kohorszonként (%)', 'Súlyozott átlag',
      '1 sor kihagyva: 1 sor, ahol üres: B („Date”) oszlop (5. sor).'],
    header: ['Időszak'],
    spill: ['Időszak', 'Címke', 'Kezdet', 'Új', 'Visszatérő', 'Vég', 'Elvesztett', 'Megtartási arány', 'Lemorzsolódás', 'Bevétel', 'Bevételmegtartás', 'Részleges'],
    message: /^\d+ kohorsz havonta, [\d\u00a0]+ sorból \(1 kihagyva\), a\(z\) „Megtartási összesítő” lapra írva\.$/,
  },
] as const;

describe('the summary sheet in the spreadsheet’s language', () => {
  for (const c of CASES) {
    it(`${c.locale}: "${c.name}", its labels, headers, notes and date cells; =RETENTION_BY_PERIOD's header`, () => {
      const { emu, outcome, values, texts } = summaryOn(c.locale);
      expect(outcome.summarySheetName).toBe(c.name);
      expect(values[0][0]).toBe(c.name);
      const column = values.map((r) => r[0]);
      for (const label of c.labels) expect(column, label).toContain(label);
      for (const text of c.texts) expect(texts, text).toContain(text);
      if (c.locale !== 'en_US') expect(column).not.toContain('Source');
      const header = (emu.spreadsheet.getRangeByName('RetentionPerPeriod')!.getValues()[0] as string[]).map((h) => h.split('\n')[0]);
      expect(header.slice(0, c.header.length)).toEqual(c.header);
      const table = emu.spreadsheet.getRangeByName('RetentionPerPeriod')!;
      expect(emu.cellAt(c.name, table.getRow() + 1, 2).numberFormat).toBe(c.dateFormat);
      const generatedRow = column.indexOf(c.labels.find((l) => ['Generated', 'Vytvořeno', 'Utworzono', 'Készült'].includes(l))!) + 1;
      expect(emu.cellAt(c.name, generatedRow, 2).numberFormat).toBe(`${c.dateFormat} hh:mm`);
      // The spill speaks the same language.
      const spill = emu.runCustomFunction('RETENTION_BY_PERIOD', emu.ref('Orders!A2:A'), emu.ref('Orders!B2:B'), 'month', emu.ref('Orders!C2:C')) as unknown[][];
      expect(spill[0]).toEqual(c.spill);
    });

    it(`${c.locale}: the result line in the user’s language`, () => {
      expect(summaryOn(c.locale).outcome.message).toMatch(c.message);
    });
  }

  it('follows the user’s locale for the result line and the spreadsheet’s for the cells', () => {
    const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'hu_HU', userLocale: 'cs' });
    emu.load(DIST_CODE);
    addSheet(emu, 'Orders', ['Customer', 'Date'], orders().filter((r) => r[1] !== '').map((r) => r.slice(0, 2)));
    const outcome = generate(emu, settingsFor(emu, 'Orders'));
    expect(outcome.summarySheetName).toBe('Megtartási összesítő');
    expect(emu.cellAt(outcome.summarySheetName, 2, 1).value).toBe('Forrás');
    expect(outcome.message).toMatch(/^\d+ kohort[ay]? po měsících z [\d\u00a0]+ řádků zapsán[oay] do listu „Megtartási összesítő“\.$/);
  });

  it('names a column by its header as the language quotes it, a header cell that is a date in the language too', () => {
    const rows = [['a', new Date(Date.UTC(2024, 0, 5, 10)), 10], ['b', new Date(Date.UTC(2024, 1, 5, 10)), 'n/a'], ['a', new Date(Date.UTC(2024, 1, 9, 10)), 5]];
    const expected = {
      en_US: ['column C (the date Jan 1, 2024)', 'column B ("Date")'],
      cs_CZ: ['sloupec C (datum 1. 1. 2024)', 'sloupec B („Date“)'],
      pl_PL: ['kolumna C (data 1.01.2024)', 'kolumna B („Date”)'],
      hu_HU: ['C (2024. 01. 01. dátum) oszlop', 'B („Date”) oszlop'],
    };
    for (const [locale, [amountColumn, dateColumn]] of Object.entries(expected)) {
      const emu = workbook('Europe/Prague', locale);
      // The amount column's header cell holds a date (a sheet whose header row was typed as dates).
      addSheet(emu, 'Orders', ['Customer', 'Date', emu.date(2024, 1, 1)], [...rows, ['c', '', 7]]);
      const settings: ReportSettings = {
        sheetName: 'Orders', headerRow: 1, shape: 'log', columns: { id: 1, date: 2, amount: 3, signup: 0, cancel: 0, segment: 0 },
        period: 'month', weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: false, lapseAfter: 1, refundsAreActivity: false,
      };
      const outcome = generate(emu, settings);
      const texts = (emu.values(outcome.summarySheetName) as unknown[][]).flat().filter((v): v is string => typeof v === 'string');
      const skipped = texts.find((t) => t.includes(amountColumn));
      expect(skipped, `${locale}: ${texts.join(' | ')}`).toBeDefined();
      expect(texts.some((t) => t.includes(dateColumn)), `${locale}: ${texts.join(' | ')}`).toBe(true);
      if (locale !== 'en_US') expect(texts.join(' '), locale).not.toMatch(/the date|"Date"/);
    }
  });

  it('keeps the name of the sheet it made when the locale changes', () => {
    const { emu, settings } = summaryOn('en_US');
    emu.spreadsheet.setSpreadsheetLocale('pl_PL');
    const again = generate(emu, settings);
    expect(again.summarySheetName).toBe('Retention summary');
    expect(emu.spreadsheet.getSheetByName('Podsumowanie retencji')).toBeNull();
    expect(emu.cellAt('Retention summary', 2, 1).value).toBe('Źródło');
  });
});

// WCAG 2 relative luminance and contrast ratio (w3.org/TR/WCAG21/#dfn-relative-luminance), written here.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('the summary’s look', () => {
  it('freezes the title row and the label column, and gives the "Generated" time room to show', () => {
    const { emu, outcome } = summaryOn('hu_HU');
    const sheet = emu.spreadsheet.getSheetByName(outcome.summarySheetName)!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFrozenColumns()).toBe(1);
    // "2026. 12. 02. 01:23" in 10 pt Arial is about 115 px; a 100 px column shows "###".
    expect(sheet.getColumnWidth(2)).toBeGreaterThanOrEqual(125);
  });

  it('puts a heatmap on every retention matrix, the segments’ too, each on its own scale', () => {
    const { emu, outcome, values } = summaryOn('en_US', { breakdown: true });
    const sheet = emu.spreadsheet.getSheetByName(outcome.summarySheetName)!;
    const segments = values.filter((r) => typeof r[0] === 'string' && (r[0] as string).startsWith('Segment: ')).length;
    expect(segments).toBeGreaterThanOrEqual(2);
    const matrices = values.filter((r) => typeof r[0] === 'string' && (r[0] as string).startsWith('Retention per cohort (%)')).map((r) => values.indexOf(r) + 1);
    expect(matrices.length).toBe(segments + 1);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.length).toBe(matrices.length);
    rules.forEach((rule, i) => {
      const range = rule.getRanges()[0];
      // Below the matrix title and its header row, from +1 (column E) on.
      expect(range.getRow(), `rule ${i}`).toBe(matrices[i] + 2);
      expect(range.getColumn(), `rule ${i}`).toBe(5);
      expect(values[matrices[i]][4], `rule ${i}`).toBe('+1');
    });
  });

  it('keeps grey (partial-period) and black text readable on the darkest heatmap colour', () => {
    const { emu, outcome } = summaryOn('en_US');
    const sheet = emu.spreadsheet.getSheetByName(outcome.summarySheetName)!;
    const gradient = sheet.getConditionalFormatRules()[0].getGradientCondition()!;
    const darkest = gradient.getMaxColor();
    const area = sheet.getConditionalFormatRules()[0].getRanges()[0];
    const colours = new Set<string>();
    for (let r = 0; r < area.getNumRows(); r++) for (let k = 0; k < area.getNumColumns(); k++) colours.add(emu.cellAt(outcome.summarySheetName, area.getRow() + r, area.getColumn() + k).fontColor);
    expect(colours.size).toBeGreaterThanOrEqual(2); // black, and the partial period's grey
    for (const colour of colours) expect(contrast(colour, darkest), colour).toBeGreaterThanOrEqual(4);
  });

  it('draws the chart beside the retention matrix, from +1', () => {
    const { emu, outcome } = summaryOn('en_US');
    const sheet = emu.spreadsheet.getSheetByName(outcome.summarySheetName)!;
    const matrix = emu.spreadsheet.getRangeByName('CohortRetention')!;
    const [chart] = sheet.getCharts();
    const info = chart.getContainerInfo();
    expect(info.getAnchorColumn()).toBe(matrix.getColumn() + matrix.getNumColumns() + 1);
    expect(info.getAnchorRow()).toBe(matrix.getRow() - 1);
    const data = chart.getRanges()[0].getValues();
    expect(data[1][0]).toBe('+1');
  });
});
