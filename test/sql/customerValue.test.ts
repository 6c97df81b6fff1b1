/**
 * The Customer value sheet from SQL: customerQuery's per-customer rows against an RFM summary written
 * out here from the raw rows (both dialects: DuckDB, and BigQuery's on ZetaSQL), then the whole sheet —
 * model, top customers, at-risk and lapsed lists, CLV by segment — written by the built bundle from the
 * SQL rows (writeSqlCustomerValue_) against the same log read from a sheet by the sidebar, on a seeded log
 * with segments, refunds, missing amounts and an as-of day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, customerQuery, duckDb, rfmQuery, CUSTOMER_COLUMNS, type SqlLogColumns } from '../../src/core/sql';
import { narrowedValueQueries } from '../../src/core/sql/narrowedQueries';
import type { SqlCustomerValueRequest } from '../../src/addon/sqlCustomerValue';
import type { CustomerValueOutcome } from '../../src/addon/protocol';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql } from '../../tools/zetasql/zetasql';
import { BAD_ROWS, simulate } from './simulatedLog';
import type { RefLogRow } from '../core/cohorts/reference';
import { dayOf } from '../support/days';
import { namedTable, sheetCustomerValue, workbook } from '../report/workbook';
import { LOG_COLUMNS, LOG_DUCKDB_TYPES, loadLogTable, logTableRows, zetaOrders } from './fixtures';

const ZONE = 'Europe/Prague';

const ROWS: RefLogRow[] = [...simulate(1618, 900), ...BAD_ROWS];
const COLUMNS: SqlLogColumns = LOG_COLUMNS;

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  [db, zeta] = await Promise.all([DuckDb.open(), ZetaSql.start()]);
  await loadLogTable(db, 'orders', ROWS);
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

// ---- The reference, from the raw rows (no production code): docs/models.md's RFM summary per customer. ----

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayInZone = (d: Date) => {
  const [y, m, day] = ymd.format(d).split('-').map(Number);
  return dayOf(y, m, day);
};
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

interface RefCustomer { id: string; x: number; tx: number; age: number; spendCount: number; spendSum: number; pastValue: number; firstDay: number; lastDay: number; segment: string }

function referenceCustomers(rows: RefLogRow[], endDay: number | null): RefCustomer[] {
  const usable = rows.map((r, i) => ({ r, i })).filter(({ r }) => !isBlank(r.id) && r.date instanceof Date && !Number.isNaN(r.date.getTime()));
  const end = endDay ?? Math.max(...usable.map(({ r }) => dayInZone(r.date)));
  const byId = new Map<string, { i: number; day: number; amount: number | null; segment: unknown }[]>();
  for (const { r, i } of usable) {
    const id = String(r.id);
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id)!.push({ i, day: dayInZone(r.date), amount: typeof r.amount === 'number' ? r.amount : null, segment: r.segment });
  }
  const out: RefCustomer[] = [];
  for (const [id, list] of byId) {
    const upToEnd = list.filter((e) => e.day <= end);
    const days = new Map<number, { net: number; known: boolean; purchase: boolean }>();
    for (const e of upToEnd) {
      const d = days.get(e.day) ?? { net: 0, known: false, purchase: false };
      if (e.amount !== null) {
        d.net += e.amount;
        d.known = true;
      }
      if (e.amount === null || e.amount >= 0) d.purchase = true;
      days.set(e.day, d);
    }
    const purchaseDays = [...days.entries()].filter(([, d]) => d.purchase).sort((a, b) => a[0] - b[0]);
    if (purchaseDays.length === 0) continue;
    const first = purchaseDays[0][0];
    const last = purchaseDays[purchaseDays.length - 1][0];
    const spend = purchaseDays.slice(1).filter(([, d]) => d.known && d.net > 0);
    const firstPurchaseRow = [...list].filter((e) => e.amount === null || e.amount >= 0).sort((a, b) => a.day - b.day || a.i - b.i)[0];
    out.push({
      id, x: purchaseDays.length - 1, tx: last - first, age: end - first,
      spendCount: spend.length, spendSum: spend.reduce((s, [, d]) => s + d.net, 0),
      pastValue: upToEnd.reduce((s, e) => s + (e.amount ?? 0), 0), firstDay: first, lastDay: last,
      segment: isBlank(firstPurchaseRow.segment) ? '(blank)' : String(firstPurchaseRow.segment),
      // Sheet order: first appearance among the usable rows.
      ...({ order: list[0].i } as object),
    } as RefCustomer);
  }
  return out.sort((a, b) => (a as unknown as { order: number }).order - (b as unknown as { order: number }).order).map(({ order: _o, ...c }: RefCustomer & { order?: number }) => c);
}

function asCustomers(rows: unknown[][]): RefCustomer[] {
  const at = (name: string) => (CUSTOMER_COLUMNS as readonly string[]).indexOf(name);
  return rows.map((r) => ({
    id: String(r[at('id')]), x: Number(r[at('x')]), tx: Number(r[at('tx')]), age: Number(r[at('age')]),
    spendCount: Number(r[at('spend_count')]), spendSum: Number(Number(r[at('spend_sum')]).toFixed(6)), pastValue: Number(Number(r[at('past_value')]).toFixed(6)),
    firstDay: Number(r[at('first_day')]), lastDay: Number(r[at('last_day')]), segment: String(r[at('segment')]),
  }));
}
const rounded = (cs: RefCustomer[]) => cs.map((c) => ({ ...c, spendSum: Number(c.spendSum.toFixed(6)), pastValue: Number(c.pastValue.toFixed(6)) }));
const plain = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

describe('customerQuery: one row per customer, the RFM summary of docs/models.md', () => {
  for (const endDay of [null, dayOf(2023, 3, 31)]) {
    const label = endDay === null ? 'to the last day' : 'as of 2023-03-31';
    it(`DuckDB, ${label}: every customer with a purchase, in the sheet's order`, async () => {
      const expected = referenceCustomers(ROWS, endDay);
      expect(expected.length).toBeGreaterThan(200);
      expect(expected.some((c) => c.spendCount < c.x)).toBe(true); // refunds and missing amounts left out of the spend
      const rows = plain(await db.query(customerQuery(duckDb, { table: ['orders'] }, COLUMNS, { timeZone: ZONE, endDay, refundsAreActivity: false })));
      expect(asCustomers(rows)).toEqual(rounded(expected));
    });
  }

  it("BigQuery's dialect on ZetaSQL: the same customers (ordered by id: a table has no row order)", async () => {
    const table = zetaOrders(ROWS);
    const columns: SqlLogColumns = { ...COLUMNS, order: null };
    const result = await zeta.evaluate(customerQuery(bigQuery, { table: ['orders'] }, columns, { timeZone: ZONE, endDay: null, refundsAreActivity: false }), [table]);
    const byId = (cs: RefCustomer[]) => [...cs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Without a row order, ties between a customer's first-day rows go to the smallest segment name.
    const ref = byId(rounded(referenceCustomers(ROWS, null)));
    const got = byId(asCustomers(result.rows));
    expect(got.map(({ segment: _s, ...c }) => c)).toEqual(ref.map(({ segment: _s, ...c }) => c));
    expect(got.filter((c, i) => c.segment !== ref[i].segment).length).toBeLessThan(ref.length / 20);
  });
});

// ---- The whole Customer value sheet: SQL rows through the bundle = the sidebar on the same log in a sheet. ----

const VALUE_TABLES = ['CustomerValueTop', 'CustomerValueAtRisk', 'CustomerValueLapsed', 'CustomerValueBySegment'];
// Floating point: the models are fitted on grouped rows (rfmModel.test.ts: parameters within 1e-5).
/**
 * Cells that differ: numbers beyond `tol` relative (the models are fitted on grouped rows, parameters
 * within 1e-5 of the sheet's: rfmModel.test.ts), anything else as text. The first column holds ids: a
 * text column's ids are text in SQL, where the sheet keeps 1873 a number.
 */
function differences(name: string, a: unknown[][], b: unknown[][], tol = 1e-4): string[] {
  const out: string[] = [];
  if (a.length !== b.length) return [`${name}: ${a.length} rows, expected ${b.length}`];
  a.forEach((row, r) => row.forEach((v, c) => {
    const w = b[r][c];
    const same = typeof v === 'number' && typeof w === 'number'
      ? Math.abs(v - w) <= tol * Math.max(1, Math.abs(w))
      : v instanceof Date && w instanceof Date ? v.getTime() === w.getTime() : String(v) === String(w);
    if (!same) out.push(`${name} row ${r + 1} column ${c + 1}: ${String(v)}, expected ${String(w)}`);
  }));
  return out;
}

describe('the Customer value sheet from SQL = from the sheet', () => {
  for (const [asOf, endDay] of [['', null], ['2023-03-31', dayOf(2023, 3, 31)]] as const) {
    it(`with segments, refunds and missing amounts${asOf ? `, as of ${asOf}` : ''}`, async () => {
      const lists = { topShare: 0.3, aliveBelow: 0.5, aliveFloor: 0.1 };
      const { sheet, outcome: fromSheet } = sheetCustomerValue(ZONE, ROWS, asOf, lists);

      const s = { timeZone: ZONE, endDay, refundsAreActivity: false };
      const request: SqlCustomerValueRequest = {
        modelRows: plain(await db.query(rfmQuery(duckDb, { table: ['orders'] }, COLUMNS, s))),
        customerRows: plain(await db.query(customerQuery(duckDb, { table: ['orders'] }, COLUMNS, s))),
        horizonMonths: 12, monthlyDiscountRate: 0.01, lists, asOfChosen: asOf !== '', sourceDescription: 'orders (DuckDB)',
        columnLines: [['id', 'customer'], ['date', 'ordered_at'], ['amount', 'amount'], ['segment', 'segment']], segmentColumn: 'segment',
        names: { id: 'customer', date: 'ordered_at', amount: 'amount' },
      };
      const emu = workbook(ZONE);
      const fromSql = emu.call('writeSqlCustomerValue_', request) as CustomerValueOutcome;

      expect(fromSql.customers).toBe(fromSheet.customers);
      // Every row read is counted, the unusable ones named by reason.
      expect([fromSql.rowsRead, fromSql.rowsSkipped]).toEqual([fromSheet.rowsRead, fromSheet.rowsSkipped]);
      expect(fromSheet.rowsSkipped).toBe(BAD_ROWS.length);
      const info = namedTable(emu, 'CustomerValueInfo').flat().map(String).join('\n');
      expect(info).toContain('Skipped 2 rows: 1 row with a blank cell in customer; 1 row with a blank cell in ordered_at.');
      expect([fromSql.atRisk, fromSql.lapsed]).toEqual([fromSheet.atRisk, fromSheet.lapsed]);
      expect(fromSheet.atRisk).toBeGreaterThan(5);
      expect(fromSheet.lapsed).toBeGreaterThan(5);
      expect(fromSql.totalClv / fromSheet.totalClv).toBeCloseTo(1, 8);
      expect(fromSql.warnings).toEqual(fromSheet.warnings);
      for (const name of VALUE_TABLES) expect(differences(name, namedTable(emu, name), namedTable(sheet, name))).toEqual([]);
      // Past value to the cent (amounts summed exactly in SQL, in floating point in the sheet).
      const pastValues = (e: typeof emu) => namedTable(e, 'CustomerValueAtRisk').map((r) => r[2]);
      expect(differences('past value', [pastValues(emu)], [pastValues(sheet)], 1e-12)).toEqual([]);
      // The same customers in the same order, to the cent.
      for (const name of ['CustomerValueAtRisk', 'CustomerValueLapsed']) {
        const ids = (t: unknown[][]) => t.slice(1).map((r) => String(r[0]));
        expect(ids(namedTable(emu, name)), name).toEqual(ids(namedTable(sheet, name)));
      }
      expect(differences('model', namedTable(emu, 'CustomerValueModel'), namedTable(sheet, 'CustomerValueModel'))).toEqual([]);
    });
  }
});

// ---- With a cost to serve: the SQL path's sheet = the sidebar's, per customer and narrowed (groups, then candidates). ----

describe('the Customer value sheet from SQL with a cost to serve = from the sheet', () => {
  // For all customers 15 % of revenue and 0.02 a month; VIP customers 5 % and 4 a month (enough that serving
  // some costs more than they bring); blank segments and A their own share, the month as for all; Gold is no segment of the data.
  const costs = {
    column: 0,
    all: { revenueShare: 0.15, perCustomerMonth: 0.02 },
    segments: [
      { name: 'VIP', revenueShare: 0.05, perCustomerMonth: 4 },
      { name: 'A', revenueShare: 0.6, perCustomerMonth: null },
      { name: '(blank)', revenueShare: 0.3, perCustomerMonth: null },
      { name: 'Gold', revenueShare: 0.5, perCustomerMonth: null },
    ],
  };
  const lists = { topShare: 0.3, aliveBelow: 0.5, aliveFloor: 0.1 };
  const horizon = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const base = {
    ...horizon, lists, asOfChosen: false, sourceDescription: 'orders (DuckDB)', costs: { all: costs.all, segments: costs.segments },
    columnLines: [['id', 'customer'], ['date', 'ordered_at'], ['amount', 'amount'], ['segment', 'segment']] as [string, string][], segmentColumn: 'column D ("segment")',
    names: { id: 'customer', date: 'ordered_at', amount: 'amount' },
  };
  const s = { timeZone: ZONE, endDay: null, refundsAreActivity: false };
  // The same request twice: rows per customer (rfmQuery, customerQuery) and the narrowed group and candidate rows.
  const perCustomerAndNarrowed = async (table: string, columns: SqlLogColumns, request: Omit<SqlCustomerValueRequest, 'modelRows' | 'customerRows'>): Promise<[string, SqlCustomerValueRequest][]> => {
    const queries = narrowedValueQueries(duckDb, { table: [table] }, columns, { ...s, topShare: lists.topShare }, horizon, lists, { topRows: 100, listRows: 5000 }, request.costs);
    const groupRows = plain(await db.query(queries.groupsSql));
    const fitted = queries.fit(groupRows);
    return [
      ['per customer', {
        ...request,
        modelRows: plain(await db.query(rfmQuery(duckDb, { table: [table] }, columns, s))),
        customerRows: plain(await db.query(customerQuery(duckDb, { table: [table] }, columns, s))),
      }],
      ['narrowed', { ...request, modelRows: groupRows, customerRows: plain(await db.query(queries.candidatesSql(groupRows, fitted))), narrowed: true, fitted }],
    ];
  };
  const wholeSheet = (e: ReturnType<typeof workbook>) => {
    const rows = e.spreadsheet.getSheetByName('Customer value')!.getDataRange().getValues() as unknown[][];
    return rows.slice(rows.findIndex((r) => String(r[0]).startsWith('Total CLV'))).filter((r) => r[0] !== 'Generated');
  };

  it('per customer and narrowed: header totals and cost lines, top customers, both lists (net columns), net value by segment', async () => {
    const { sheet, outcome: fromSheet } = sheetCustomerValue(ZONE, ROWS, '', lists, costs);
    const requests = await perCustomerAndNarrowed('orders', COLUMNS, base);
    // The header block from the total CLV to the total past value: totals, cost and net value, the cost to serve in words.
    const info = (e: ReturnType<typeof workbook>) => {
      const rows = namedTable(e, 'CustomerValueInfo');
      const from = rows.findIndex((r) => String(r[0]).startsWith('Total CLV'));
      return rows.slice(from, rows.findIndex((r) => String(r[0]).startsWith('Total past value')));
    };
    expect(wholeSheet(sheet).flat().join('\n')).toMatch(/cost more to serve than they are forecast to bring/);
    const sheetInfo = info(sheet);
    expect(sheetInfo.map((r) => String(r[0]))).toEqual(['Total CLV, next 12 months', 'Total cost to serve, next 12 months', 'Total net value, next 12 months', 'Cost to serve', '', '', '', '']);
    expect(sheetInfo.slice(3).map((r) => String(r[1])).join('\n')).toMatch(/VIP.*\n.*A.*\n.*blank.*\n.*\n.*Gold/);
    for (const [label, request] of requests) {
      const emu = workbook(ZONE);
      const fromSql = emu.call('writeSqlCustomerValue_', request) as CustomerValueOutcome;
      expect([fromSql.customers, fromSql.atRisk, fromSql.lapsed], label).toEqual([fromSheet.customers, fromSheet.atRisk, fromSheet.lapsed]);
      expect(fromSql.totalClv / fromSheet.totalClv, label).toBeCloseTo(1, 8);
      // "… net of the cost to serve 12,345, …" as the sheet's result line says it.
      expect(fromSql.message.replace(/ Written to .*$/, ''), label).toBe(fromSheet.message.replace(/ Written to .*$/, ''));
      expect(fromSql.message).toMatch(/net of the cost to serve -?[\d,]+/);
      expect(differences(`${label} header`, info(emu), sheetInfo, 1e-6), label).toEqual([]);
      for (const name of VALUE_TABLES) expect(differences(`${label} ${name}`, namedTable(emu, name), namedTable(sheet, name), 1e-6)).toEqual([]);
      // The whole sheet from the totals down (the notes under the lists too: "… cost more to serve than they bring"), but the time it was written.
      expect(differences(`${label} sheet`, wholeSheet(emu), wholeSheet(sheet), 1e-6)).toEqual([]);
      for (const name of ['CustomerValueAtRisk', 'CustomerValueLapsed', 'CustomerValueTop', 'CustomerValueBySegment']) {
        const ids = (t: unknown[][]) => t.slice(1).map((r) => String(r[0]));
        expect(ids(namedTable(emu, name)), `${label} ${name}`).toEqual(ids(namedTable(sheet, name)));
      }
    }
    // What the comparison rests on: the at-risk list has the net columns, and some VIP customers cost more than they bring.
    const atRisk = namedTable(sheet, 'CustomerValueAtRisk');
    expect(atRisk[0]).toEqual(expect.arrayContaining(['Expected loss of net value', 'Cost to serve if still active', 'Net value if still active']));
    const net = atRisk[0].indexOf('Net value if still active');
    expect(atRisk.slice(1).some((r) => (r[net] as number) < 0)).toBe(true);
    expect(atRisk.slice(1).some((r) => (r[net] as number) > 0)).toBe(true);
    const bySegment = namedTable(sheet, 'CustomerValueBySegment');
    expect(bySegment[0]).toEqual(expect.arrayContaining(['Cost to serve (sum)', 'Net value (sum)']));
    // Ordered by net value, which is not the order by CLV here (A keeps 40 % of its revenue).
    const [clvSum, netSum] = ['CLV (sum)', 'Net value (sum)'].map((h) => bySegment[0].indexOf(h));
    const byNet = bySegment.slice(1).map((r) => r[netSum] as number);
    expect(byNet).toEqual([...byNet].sort((x, y) => y - x));
    const byClv = bySegment.slice(1).map((r) => r[clvSum] as number);
    expect(byClv).not.toEqual([...byClv].sort((x, y) => y - x));
  });

  it('with a cost column (a cost per row, some blank) and the rates: per customer and narrowed, every cell from the totals down', async () => {
    // A cost per row: 0.40 to 2.80, blank on every 13th row (counted as 0 and said so).
    const withCosts = ROWS.map((r, i) => ({ ...r, cost: i % 13 === 5 ? '' : 0.4 + (i % 7) * 0.4 }));
    await db.loadRows('orders_cost', [...LOG_DUCKDB_TYPES, { name: 'cost', type: 'DOUBLE' }],
      logTableRows(withCosts).map((r, i) => [...r.slice(0, 4), withCosts[i].cost === '' ? null : withCosts[i].cost]));
    const columns: SqlLogColumns = { ...COLUMNS, cost: { name: 'cost', type: 'float' } };
    const rates = { all: { revenueShare: 0.1, perCustomerMonth: 0.02 }, segments: [{ name: 'VIP', revenueShare: null, perCustomerMonth: 1 }] };
    const { sheet, outcome: fromSheet } = sheetCustomerValue(ZONE, withCosts, '', lists, { column: 5, ...rates });
    const requests = await perCustomerAndNarrowed('orders_cost', columns, { ...base, costs: rates, costColumn: 'column E ("cost")' });
    const text = wholeSheet(sheet).flat().join('\n');
    expect(text).toMatch(/Plus column E \("cost"\): each customer’s average cost per purchase day × their expected purchases \(\d+ rows with a blank cost counted as 0\)/);
    for (const [label, req] of requests) {
      const emu = workbook(ZONE);
      const fromSql = emu.call('writeSqlCustomerValue_', req) as CustomerValueOutcome;
      expect([fromSql.customers, fromSql.atRisk, fromSql.lapsed], label).toEqual([fromSheet.customers, fromSheet.atRisk, fromSheet.lapsed]);
      expect(fromSql.message.replace(/ Written to .*$/, ''), label).toBe(fromSheet.message.replace(/ Written to .*$/, ''));
      expect(differences(`${label} sheet`, wholeSheet(emu), wholeSheet(sheet), 1e-6)).toEqual([]);
    }
    // A cost that is not a number refuses the column, as a sheet does, and no sheet is written.
    await db.run(`UPDATE orders_cost SET cost = NULL WHERE __row = 3`);
    await db.run(`ALTER TABLE orders_cost ALTER cost TYPE VARCHAR`);
    await db.run(`UPDATE orders_cost SET cost = 'n/a' WHERE __row = 3`);
    const textColumns: SqlLogColumns = { ...columns, cost: { name: 'cost', type: 'string' } };
    const emu = workbook(ZONE);
    const bad = { ...requests[0][1], modelRows: plain(await db.query(rfmQuery(duckDb, { table: ['orders_cost'] }, textColumns, s))) };
    expect(() => emu.call('writeSqlCustomerValue_', bad)).toThrow(/The costs in column E \("cost"\) must be numbers \(the cost of each row, blank for none\): 1 row\./);
    expect(emu.spreadsheet.getSheetByName('Customer value')).toBeNull();
  });
});
