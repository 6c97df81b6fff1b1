/**
 * The SQL path speaks the workbook's languages (issue 10): through the built bundle, the summary and the
 * Customer value sheet written from DuckDB's result rows carry their labels, skipped-row lines and sheet
 * names in the spreadsheet's language, the outcome lines in the user's, and "no data rows" is said in the
 * user's language too — Czech, Polish and Hungarian as in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortQuery, customerQuery, duckDb, rfmQuery } from '../../src/core/sql';
import type { SqlSummaryRequest } from '../../src/addon/sqlSummary';
import type { SqlCustomerValueRequest } from '../../src/addon/sqlCustomerValue';
import type { CustomerValueOutcome, ReportOutcome } from '../../src/addon/protocol';
import { createEmulator } from '../../tools/emulator/index';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { DIST_CODE } from '../report/workbook';
import { LOG_COLUMNS, LOG_DUCKDB_TYPES, loadLogTable, sqlSettings } from './fixtures';
import { BAD_ROWS, simulate } from './simulatedLog';

const ZONE = 'Europe/Prague';
const ROWS = [...simulate(5150, 300), ...BAD_ROWS];
let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
  await loadLogTable(db, 'orders', ROWS);
  await db.loadRows('unusable', LOG_DUCKDB_TYPES, BAD_ROWS.map((r) => [r.id === '' ? '' : String(r.id), r.date ?? null, r.amount, r.segment]));
});
afterAll(() => db?.close());

const plain = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
const columns = { ...LOG_COLUMNS, order: null };

// Written out from the catalogues' wording in each language (what a reader of that language sees).
const EXPECTED = {
  cs_CZ: { summary: 'Přehled retence', value: 'Hodnota zákazníků', done: /zapsáno do listu „Přehled retence“\.$/, valueDone: /Zapsáno do listu „Hodnota zákazníků“\./, noData: /^žádné řádky s daty: všechny řádky byly vynechány\. Vynechány 2 řádky: /, skipped: /^Vynechány 2 řádky: / },
  pl_PL: { summary: 'Podsumowanie retencji', value: 'Wartość klientów', done: /„Podsumowanie retencji”/, valueDone: /„Wartość klientów”/, noData: /^brak wierszy z danymi/, skipped: /^Pominięto 2 wiersze: / },
  hu_HU: { summary: 'Megtartási összesítő', value: 'Ügyfélérték', done: /„Megtartási összesítő” lapra írva\.$/, valueDone: /„Ügyfélérték”/, noData: /^nincsenek adatsorok: minden sort kihagytunk\./, skipped: /^2 sor kihagyva: / },
  en_US: { summary: 'Retention summary', value: 'Customer value', done: /"Retention summary"|Retention summary/, valueDone: /Customer value/, noData: /^no data rows: every row was skipped\. Skipped 2 rows: /, skipped: /^Skipped 2 rows: / },
} as const;

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('the SQL path in a %s workbook', (locale) => {
  const e = EXPECTED[locale];
  const emulator = () => {
    const emu = createEmulator({ spreadsheetTimeZone: ZONE, locale });
    emu.load(DIST_CODE);
    return emu;
  };
  const summaryRequest = async (table: string): Promise<SqlSummaryRequest> => {
    const settings = sqlSettings(ZONE, { period: 'month' });
    return {
      settings, columns: { id: 'customer', date: 'ordered_at', amount: 'amount', segment: null }, rows: plain(await db.query(cohortQuery(duckDb, { table: [table] }, columns, settings))),
      sourceDescription: `${table} (DuckDB)`, detailLines: [],
    };
  };

  it('summary and Customer value: sheet names, skipped rows and outcome lines in the language; no data rows too', async () => {
    const emu = emulator();
    const outcome = emu.call('writeSqlSummary_', await summaryRequest('orders')) as ReportOutcome;
    expect(outcome.summarySheetName).toBe(e.summary);
    expect(outcome.message).toMatch(e.done);
    const s = { timeZone: ZONE, endDay: null, refundsAreActivity: false };
    const request: SqlCustomerValueRequest = {
      modelRows: plain(await db.query(rfmQuery(duckDb, { table: ['orders'] }, columns, s))),
      customerRows: plain(await db.query(customerQuery(duckDb, { table: ['orders'] }, columns, s))),
      horizonMonths: 12, monthlyDiscountRate: 0.01, asOfChosen: false, sourceDescription: 'orders (DuckDB)', columnLines: [], segmentColumn: '',
      names: { id: 'customer', date: 'ordered_at', amount: 'amount' },
    };
    const value = emu.call('writeSqlCustomerValue_', request) as CustomerValueOutcome;
    expect(value.sheetName).toBe(e.value);
    expect(value.message).toMatch(e.valueDone);
    const skippedLine = emu.spreadsheet.getSheetByName(e.value)!.getRange(1, 2, 20, 1).getValues().flat().map(String).find((v) => e.skipped.test(v));
    expect(skippedLine, 'the skipped rows in the sheet').toBeDefined();
    const unusable = await summaryRequest('unusable');
    expect(() => emu.call('writeSqlSummary_', unusable)).toThrow(e.noData);
  });
});
