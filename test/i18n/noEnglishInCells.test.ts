/**
 * Nothing English in a Czech, Polish or Hungarian workbook: every text cell the built add-on writes
 * (dist/Code.js in the emulator), cell notes and chart titles included — the summary for a transaction log by ISO week, Sunday week, month
 * (by segment), quarter and year and for a customer table, the Customer value sheet, the spills of
 * =COHORTS, =RETENTION_BY_PERIOD and =CLV in both data shapes and their notes — and the sidebar's
 * result and error lines, the menu, what "Refresh summary" says, the sample sheet and the formulas' messages, scanned for a hand-written list of English words. What is
 * English by design is taken out first: text in quotes (the user's own headers and the option words
 * formulas accept), function and argument names (they are in formulas people share), and the
 * technical terms kept in every language (CLV, CRR, P(alive), BG/NBD…) and the add-on's name. The same scan of an en_US
 * workbook finds the words, so the list is one that would catch a leak.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueSettings, ReportSettings } from '../../src/addon/protocol';
import type { SheetsEmulator } from '../../tools/emulator/index';
import { addSheet, generate, settingsFor, workbook } from '../report/workbook';

/** English words a leak would show; none is a word of Czech, Polish or Hungarian. */
const ENGLISH = new Set(
  ('week weeks month months quarter quarters year years of the and or with from customer customers cohort cohorts ' +
    'retention churn revenue lost new returning start end period periods row rows skipped total average weighted value ' +
    'source generated version label partial blank chart first day days summary until active purchase purchases ' +
    'sheet written scored risk lapsed top past expected loss net cost horizon discount fitted warning note data until ' +
    'must be got than less more greater number date dates empty column columns')
    .split(' ').filter((w) => w && !['data'].includes(w)),
);

/** Argument names of the functions (English in every language, as in the formulas). */
const ARGUMENTS = new Set(['start', 'end', 'new', 'lost', 'period', 'show', 'mode', 'output', 'refunds', 'amounts', 'dates', 'value', 'churn']);

/** Words of a text that are English, after what is English by design is taken out. */
function englishWords(text: string, isMessage = false): string[] {
  const stripped = text
    .replace(/"[^"]*"|„[^“”]*[“”]|“[^”]*”|'[^']*'|«[^»]*»/g, ' ') // quoted: headers, sheet names, option words
    .replace(/\b[A-Z][A-Z0-9_]+\b(?:\([^)]*\))?/g, ' ') // function names, CLV, CRR, CLTV, ID
    .replace(/\b\w+_\w+\b/g, ' ') // argument names like churn_rate, lapse_after
    .replace(/P\(alive\)|BG\/NBD|Gamma-Gamma|Retention Analytics/g, ' '); // the add-on's name too
  const words = stripped.match(/\p{L}+/gu) ?? [];
  return words.filter((w) => ENGLISH.has(w.toLowerCase()) && !(isMessage && ARGUMENTS.has(w.toLowerCase())));
}

/** Every text cell and cell note of a sheet, and its charts' titles, that hold an English word. */
function leaksIn(emu: SheetsEmulator, sheetName: string, what: string): string[] {
  const out: string[] = [];
  const check = (text: unknown, where: string) => {
    const words = typeof text === 'string' ? englishWords(text) : [];
    if (words.length) out.push(`${what} ${where} ${JSON.stringify(text)}: ${words.join(', ')}`);
  };
  emu.values(sheetName).forEach((row, r) => row.forEach((v, c) => check(v, `${sheetName}!R${r + 1}C${c + 1}`)));
  const sheet = emu.spreadsheet.getSheetByName(sheetName)!;
  sheet.getDataRange().getNotes().forEach((row, r) => row.forEach((note, c) => check(note, `${sheetName}!R${r + 1}C${c + 1} note`)));
  for (const chart of sheet.getCharts()) check(chart.getOptions().get('title'), `${sheetName} chart title`);
  return out;
}

function leaksInGrid(grid: unknown, what: string): string[] {
  if (!Array.isArray(grid)) {
    const message = typeof grid === 'object' && grid !== null && 'message' in grid ? String((grid as { message: string }).message) : null;
    return message === null ? [] : leaksInMessage(message, what);
  }
  // Spill notes name the arguments ("(dates)"), as the formula does.
  return (grid as unknown[][]).flat().flatMap((v) => {
    const words = typeof v === 'string' ? englishWords(v, true) : [];
    return words.length ? [`${what} ${JSON.stringify(v)}: ${words.join(', ')}`] : [];
  });
}

function leaksInMessage(message: string, what: string): string[] {
  const words = englishWords(message, true);
  return words.length ? [`${what} ${JSON.stringify(message)}: ${words.join(', ')}`] : [];
}

const utc = (y: number, m: number, d: number, h = 10) => new Date(Date.UTC(y, m - 1, d, h));

/** A log over 2023–2024 with segments, amounts, a refund and one row without a date (sheet row 5). */
function logRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < 80; i++) {
    for (let k = 0; k <= i % 5; k++) rows.push([`z${i}`, utc(2023, 1 + ((i + k * 3) % 12), 1 + ((i * 7) % 27)), 20 + (i % 9) * 5, i % 3 ? 'A' : 'B']);
    if (i % 4 === 0) rows.push([`z${i}`, utc(2024, 1 + (i % 9), 2 + (i % 20)), 15 + i, i % 3 ? 'A' : 'B']);
  }
  rows.push(['z1', utc(2024, 10, 3), -10, 'A']);
  rows.splice(3, 0, ['z-bez-data', '', 10, 'A']);
  return rows;
}

/** A customer table: signup, cancel (blank = active), revenue per period, segment. */
function tableRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < 60; i++) {
    const signup = utc(2023, 1 + (i % 12), 1 + (i % 25), 0);
    const cancel = i % 3 === 0 ? utc(2024, 1 + (i % 6), 10, 0) : '';
    rows.push([`k${i}`, signup, cancel, 30 + (i % 4) * 10, i % 2 ? 'A' : 'B']);
  }
  return rows;
}

function scanWorkbook(locale: string): string[] {
  const emu = workbook('Europe/Prague', locale);
  addSheet(emu, 'Nakupy', ['Customer', 'Date', 'Amount', 'Plan'], logRows());
  addSheet(emu, 'Clenove', ['Customer', 'Signup date', 'Cancel date', 'Revenue', 'Plan'], tableRows());
  const leaks: string[] = [];

  // The summary, for every period a log can be cut into, and for the customer table.
  const base = settingsFor(emu, 'Nakupy', { lapseAfter: 2 });
  const log: ReportSettings = { ...base, columns: { ...base.columns, segment: 4 } };
  const runs: [string, ReportSettings][] = [
    ['month by segment', { ...log, breakdown: true }],
    ['ISO week', { ...log, period: 'week', weekStart: 'monday', lapseAfter: 4 }],
    ['Sunday week', { ...log, period: 'week', weekStart: 'sunday', lapseAfter: 1 }],
    ['quarter', { ...log, period: 'quarter', lapseAfter: 1 }],
    ['year', { ...log, period: 'year', lapseAfter: 1, refundsAreActivity: true }],
    ['customer table', settingsFor(emu, 'Clenove', { breakdown: true })],
  ];
  expect(runs[runs.length - 1][1].shape).toBe('table');
  for (const [what, settings] of runs) {
    const outcome = generate(emu, settings);
    expect(outcome.summarySheetName, what).toBeTruthy();
    leaks.push(...leaksIn(emu, outcome.summarySheetName, `summary (${what})`), ...leaksInMessage(outcome.message, `result line (${what})`));
  }

  // The Customer value sheet.
  const cv: CustomerValueSettings = {
    sheetName: 'Nakupy', headerRow: log.headerRow, shape: 'log', columns: log.columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01,
    topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1, costs: { column: 0, all: { revenueShare: 0.1, perCustomerMonth: 1 }, segments: [] },
  };
  const value = emu.callFromClient('sidebarCustomerValue', cv) as { sheetName: string; message: string };
  leaks.push(...leaksIn(emu, value.sheetName, 'customer value'), ...leaksInMessage(value.message, 'customer value result line'));

  // The spills and their notes (the log has a row without a date: a skipped-row note).
  const [ids, dates, amounts] = ['A', 'B', 'C'].map((c) => emu.ref(`Nakupy!${c}2:${c}`));
  const [signups, cancels, revenue] = ['B', 'C', 'D'].map((c) => emu.ref(`Clenove!${c}2:${c}`));
  const spills: [string, unknown[]][] = [
    ['COHORTS', [ids, dates, 'month', 'retention', amounts]],
    ['COHORTS', [ids, dates, 'week sunday', 'customers']],
    ['COHORTS', [ids, dates, 'quarter', 'revenue', amounts, 'in or after']],
    ['COHORTS', [signups, cancels, 'year', 'revenue', revenue]],
    ['RETENTION_BY_PERIOD', [ids, dates, 'month', amounts, 2]],
    ['RETENTION_BY_PERIOD', [ids, dates, 'week sunday', amounts]],
    ['RETENTION_BY_PERIOD', [ids, dates, 'week']],
    ['RETENTION_BY_PERIOD', [ids, dates, 'quarter', amounts, 1, 'activity']],
    ['RETENTION_BY_PERIOD', [ids, dates, 'year']],
    ['RETENTION_BY_PERIOD', [signups, cancels, 'week sunday', revenue]],
    ['RETENTION_BY_PERIOD', [signups, cancels, 'quarter', revenue]],
    ['CLV', [ids, dates, amounts, 12, 0.01, 'model']],
    ['CLV', [ids, dates, amounts, 12, 0.01, 'at risk']],
    ['CLV', [ids, dates, amounts]],
  ];
  for (const [fn, args] of spills) {
    const grid = emu.runCustomFunction(fn, ...args);
    expect(Array.isArray(grid), `${fn}: ${JSON.stringify(grid)}`).toBe(true);
    leaks.push(...leaksInGrid(grid, `=${fn}(${args.filter((a) => typeof a === 'string').join(', ')})`));
  }

  // The sidebar's error lines for settings that cannot work (in the user's language: here the spreadsheet's).
  const refused: [string, string, unknown][] = [
    ['sidebarGenerate', 'no such sheet', { ...log, sheetName: 'Chybi' }],
    ['sidebarGenerate', 'column past the end', { ...log, columns: { ...log.columns, date: 9 } }],
    ['sidebarGenerate', 'no id column', { ...log, columns: { ...log.columns, id: 0 } }],
    ['sidebarGenerate', 'amounts as dates', { ...log, columns: { ...log.columns, date: 3 } }],
    ['sidebarGenerate', 'lapse window too long', { ...log, lapseAfter: 601 }],
    ['sidebarCustomerValue', 'horizon 0', { ...cv, horizonMonths: 0 }],
    ['sidebarCustomerValue', 'cost share over 100 %', { ...cv, costs: { ...cv.costs, all: { revenueShare: 2, perCustomerMonth: 0 } } }],
  ];
  for (const [fn, what, settings] of refused) {
    let message: string | null = null;
    try {
      emu.callFromClient(fn, settings);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message, `${fn}: ${what} should be refused`).not.toBeNull();
    leaks.push(...leaksInMessage(message!, `${fn} (${what})`));
  }

  // The menu, and what "Refresh summary" says (toasts, alerts) after the runs above saved their settings.
  emu.call('onOpen', { authMode: 'FULL' });
  const items = emu.ui.menuItems();
  expect(items.length).toBeGreaterThanOrEqual(2);
  for (const item of items) leaks.push(...leaksInMessage(item.caption, 'menu item'));
  generate(emu, log);
  emu.runMenuItem(items[items.length - 1].caption);
  for (const toast of emu.ui.toasts) leaks.push(...leaksInMessage(`${toast.title} ${toast.message}`, 'toast'));
  for (const alert of emu.ui.alerts) leaks.push(...leaksInMessage(`${alert.title} ${alert.prompt}`, 'alert'));
  expect(emu.ui.toasts.length + emu.ui.alerts.length, 'Refresh summary says something').toBeGreaterThan(0);

  // The sample sheet the sidebar offers.
  const before = new Set(emu.spreadsheet.getSheets().map((sh) => sh.getName()));
  emu.callFromClient('sidebarInsertSample');
  const inserted = emu.spreadsheet.getSheets().map((sh) => sh.getName()).filter((n) => !before.has(n));
  expect(inserted).toHaveLength(1);
  leaks.push(...leaksIn(emu, inserted[0], 'sample sheet'));

  // Messages of formulas given something wrong.
  const wrong: [string, unknown[]][] = [
    ['RETENTION', [0, 5, 1]], ['RETENTION', [100, 5, 10]], ['CHURN', [100, 105, 10, 5, 6]], ['CLV', [100, 1.5]], ['CLV', [50, 0]],
    ['COHORTS', [ids, dates, 'fortnight']], ['COHORTS', [ids, amounts]], ['RETENTION_BY_PERIOD', [ids, dates, 'month', amounts, 0]],
    ['RETENTION_BY_PERIOD', [signups, ids, 'month']], ['CLV', [ids, dates, amounts, 0]],
  ];
  for (const [fn, args] of wrong) {
    const result = emu.runCustomFunction(fn, ...args) as { error?: string; message?: string };
    expect(result.error, `${fn} should fail`).toBe('#ERROR!');
    leaks.push(...leaksInMessage(result.message!, `=${fn} message`));
  }
  return leaks;
}

describe('nothing English in a non-English workbook', () => {
  for (const locale of ['cs_CZ', 'pl_PL', 'hu_HU']) {
    it(`${locale}: summaries (week, Sunday week, month, quarter, year, customer table), Customer value, spills, notes and messages`, () => {
      expect(scanWorkbook(locale)).toEqual([]);
    });
  }

  it('en_US: the same scan finds English everywhere (the word list catches a leak)', () => {
    const leaks = scanWorkbook('en_US');
    expect(leaks.some((l) => l.includes('chart title'))).toBe(true);
    expect(leaks.some((l) => l.startsWith('sidebarGenerate (no such sheet)'))).toBe(true);
    for (const where of ['menu item', 'toast', 'sample sheet']) expect(leaks.some((l) => l.startsWith(where)), where).toBe(true);
    for (const where of ['summary (Sunday week)', 'summary (customer table)', 'customer value', '=COHORTS', '=RETENTION_BY_PERIOD(week sunday', '=CLV', '=RETENTION message', 'result line']) {
      expect(leaks.some((l) => l.startsWith(where)), where).toBe(true);
    }
    expect(leaks.some((l) => /week of/.test(l))).toBe(true);
  });

  // 2023-01-01, the log's first day, was a Sunday; 2023-01-08 the next one.
  for (const [locale, first, second] of [
    ['en_US', 'week of Jan 1, 2023', 'week of Jan 8, 2023'],
    ['cs_CZ', 'týden od 1. 1. 2023', 'týden od 8. 1. 2023'],
    ['pl_PL', 'tydzień od 1.01.2023', 'tydzień od 8.01.2023'],
    ['hu_HU', '2023. 01. 01. kezdetű hét', '2023. 01. 08. kezdetű hét'],
  ] as const) {
    it(`${locale}: Sunday weeks are labelled "${first}" in the summary's tables, the chart's series and =RETENTION_BY_PERIOD`, () => {
      const emu = workbook('Europe/Prague', locale);
      addSheet(emu, 'Nakupy', ['Customer', 'Date', 'Amount', 'Plan'], logRows());
      const outcome = generate(emu, settingsFor(emu, 'Nakupy', { period: 'week', weekStart: 'sunday' }));
      const perPeriod = emu.spreadsheet.getRangeByName('RetentionPerPeriod')!.getValues();
      expect(perPeriod.slice(1, 3).map((r) => r[0])).toEqual([first, second]);
      for (const name of ['CohortCustomers', 'CohortRetention', 'CohortValue']) {
        expect(emu.spreadsheet.getRangeByName(name)!.getValues()[1][0], name).toBe(first);
      }
      const texts = emu.values(outcome.summarySheetName).flat();
      expect(texts.filter((v) => v === first).length).toBeGreaterThanOrEqual(4);
      const spill = emu.runCustomFunction('RETENTION_BY_PERIOD', emu.ref('Nakupy!A2:A'), emu.ref('Nakupy!B2:B'), 'week sunday') as unknown[][];
      expect([spill[1][1], spill[2][1]]).toEqual([first, second]);
    });
  }

  it('cs_CZ: a lapse window over the limit is said in Czech, not wrapped as settings the add-on cannot read', () => {
    const emu = workbook('Europe/Prague', 'cs_CZ');
    addSheet(emu, 'Nakupy', ['Customer', 'Date', 'Amount', 'Plan'], logRows());
    expect(() => generate(emu, settingsFor(emu, 'Nakupy', { lapseAfter: 601 }))).toThrow(
      /^Zákazník je ztracen nejpozději po 600 obdobích bez nákupu \(zadáno 601\)\.$/,
    );
  });

  it('takes out only what is English by design', () => {
    expect(englishWords('Sloupec B ("Customer") je prázdný')).toEqual([]);
    expect(englishWords('COHORTS: period musí být "week" nebo "month" (zadáno "fortnight")', true)).toEqual([]);
    expect(englishWords('týden od 28. 1. 2024')).toEqual([]);
    expect(englishWords('week of 28. 1. 2024')).toEqual(['week', 'of']);
    expect(englishWords('P(alive) a CLV: Customers at risk')).toEqual(['Customers', 'risk']);
  });
});
