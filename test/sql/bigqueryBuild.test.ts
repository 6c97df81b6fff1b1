/**
 * The BigQuery build (npm run build -- --bigquery → dist-bigquery/) and the default build's scopes;
 * then the BigQuery source through the built bundle in the emulator, against a fake BigQuery service
 * whose queries really run (Google's ZetaSQL evaluator): the same summary as the same log in a sheet,
 * dry run, polling, pages, a resumed job, and every error a user meets.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type SheetsEmulator } from '../../tools/emulator/index';
import { billedBytes, installFakeBigQuery, valueBytes, type FakeBigQuery, type FakeBigQueryOptions, type FakeTable } from '../../tools/emulator/bigquery/fakeBigQuery';
import { SyncEngine } from '../../tools/emulator/bigquery/syncEngine';
import type { BigQueryDescription, BigQueryEstimate, BigQueryReportSettings, BigQueryRunResult, BigQuerySegments, BigQueryValueResult, BigQueryValueSettings } from '../../src/addon/bigquery/protocol';
import type { ReportOutcome } from '../../src/addon/protocol';
import { BAD_ROWS, simulate } from './simulatedLog';
import { generateLog, generateTable } from '../core/cohorts/generate';
import { addSheet, namedTable, settingsFor, sheetCustomerValue, workbook } from '../report/workbook';

const root = join(__dirname, '..', '..');
const DIST = join(root, 'dist');
const DIST_BQ = join(root, 'dist-bigquery');
const ZONE = 'America/Los_Angeles';

let engine: SyncEngine;
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts'), '--bigquery'], { cwd: root });
  engine = new SyncEngine();
});
afterAll(() => engine?.stop());

describe('scopes', () => {
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8'));

  it('the default build keeps exactly the two minimal scopes and never mentions BigQuery', () => {
    const m = manifest(DIST);
    expect([...m.oauthScopes].sort()).toEqual(['https://www.googleapis.com/auth/script.container.ui', 'https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(m.dependencies).toBeUndefined();
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    for (const file of [code, readFileSync(join(DIST, 'Sidebar.html'), 'utf8')]) expect(file).not.toMatch(/bigquery/i);
    // Not even as an identifier the parser sees (a global lookup would make Apps Script ask for the service).
    const identifiers: string[] = [];
    JSON.stringify(parse(code, { ecmaVersion: 2022 }), (k, v) => {
      if (v && typeof v === 'object' && v.type === 'Identifier') identifiers.push(v.name);
      return v;
    });
    expect(identifiers.filter((n) => /bigquery/i.test(n))).toEqual([]);
  });

  it('the BigQuery build adds the BigQuery advanced service and its scope, nothing else', () => {
    const d = manifest(DIST);
    const b = manifest(DIST_BQ);
    expect(b.oauthScopes).toEqual([...d.oauthScopes, 'https://www.googleapis.com/auth/bigquery']);
    expect(b.dependencies).toEqual({ enabledAdvancedServices: [{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }] });
    const { oauthScopes: _a, dependencies: _b, ...restB } = b;
    const { oauthScopes: _c, ...restD } = d;
    expect(restB).toEqual(restD);
  });

  it('only the BigQuery build has the sidebar source and its server functions', () => {
    expect(readFileSync(join(DIST_BQ, 'Sidebar.html'), 'utf8')).toContain('id="bq-project"');
    expect(readFileSync(join(DIST, 'Sidebar.html'), 'utf8')).not.toContain('bq-project');
    const code = readFileSync(join(DIST_BQ, 'Code.js'), 'utf8');
    for (const name of ['sidebarBigQueryDescribe', 'sidebarBigQueryEstimate', 'sidebarBigQueryRun']) expect(code).toMatch(new RegExp(`\\nfunction ${name}\\(`));
  });
});

// A seeded log with timestamps (near midnight in the zone), amounts and segments.
const log = generateLog({ seed: 777, zone: ZONE, customers: 150, amounts: true, segments: true });
const ORDERS: FakeTable = {
  projectId: 'shop-analytics', datasetId: 'sales', tableId: 'orders',
  schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, { name: 'amount', type: 'FLOAT64' }, { name: 'segment', type: 'STRING' }, { name: 'paid', type: 'BOOL' }],
  rows: log.map((r) => [String(r.id), r.date, r.amount === '' || r.amount === undefined ? null : r.amount, r.segment === undefined || r.segment === '' ? null : String(r.segment), true]),
};

function bigQueryWorkbook(options: Partial<FakeBigQueryOptions> = {}, locales: { locale?: string; userLocale?: string } = {}): { emu: SheetsEmulator; fake: FakeBigQuery } {
  const emu = createEmulator({ spreadsheetTimeZone: ZONE, locale: locales.locale ?? 'en_US', userLocale: locales.userLocale });
  emu.load(join(DIST_BQ, 'Code.js'));
  const fake = installFakeBigQuery(emu.context, { tables: [ORDERS], engine, ...options });
  return { emu, fake };
}

const SOURCE = { projectId: 'shop-analytics', table: 'sales.orders', query: '' };

function settings(extra: Partial<BigQueryReportSettings> = {}): BigQueryReportSettings {
  return {
    ...SOURCE, columns: { id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: 'segment' },
    period: 'month', weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: false, maxBytes: 0, ...extra,
  };
}

const run = (emu: SheetsEmulator, s: BigQueryReportSettings) => emu.callFromClient('sidebarBigQueryRun', s) as BigQueryRunResult;
const sheetNames = (emu: SheetsEmulator) => emu.spreadsheet.getSheets().map((s) => s.getName());

function headerBlock(emu: SheetsEmulator): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= 30; r++) out[String(emu.cellAt('Retention summary', r, 1).value)] = emu.cellAt('Retention summary', r, 2).value;
  return out;
}

describe('the BigQuery source in the emulator', () => {
  it('proposes the column roles from the schema and a free sample, as for a sheet', () => {
    const { emu, fake } = bigQueryWorkbook();
    const d = emu.callFromClient('sidebarBigQueryDescribe', SOURCE) as BigQueryDescription;
    expect(d.name).toBe('shop-analytics.sales.orders');
    expect(d.roles).toEqual({ id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: 'segment' });
    expect(d.rows).toBe(log.length);
    expect(fake.calls).toEqual(['Tables.get', 'Tabledata.list']);
  });

  it('writes the same summary as the same log in a sheet; the header block names the table, the bytes and the job', () => {
    const { emu, fake } = bigQueryWorkbook();
    const variants = [{}, { period: 'week', weekStart: 'sunday', mode: 'inOrAfter', breakdown: true }, { lapseAfter: 3 }, { period: 'week', lapseAfter: 5, refundsAreActivity: true, breakdown: true }];
    for (const extra of variants as Partial<BigQueryReportSettings>[]) {
      const estimate = emu.callFromClient('sidebarBigQueryEstimate', settings(extra)) as BigQueryEstimate;
      expect(estimate.bytes).toBeGreaterThan(0);
      expect(estimate.billedBytes).toBe(10 * 1024 * 1024); // the on-demand minimum for a small table
      expect(estimate.message).toMatch(/^This query will scan [\d.]+ KB \(billed as 10.\d+ MB\): less than \$0\.01 at on-demand pricing/);
      const result = run(emu, settings(extra));
      expect(result.state).toBe('done');
      const sheet = workbook(ZONE);
      addSheet(sheet, 'Orders', ['customer_id', 'ordered_at', 'amount', 'segment'], log.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
      const base = settingsFor(sheet, 'Orders', extra as never);
      const s = { ...base, columns: { ...base.columns, segment: 4 } }; // the mixed segment column is not proposed in a sheet
      sheet.callFromClient('sidebarGenerate', s) as ReportOutcome;
      for (const name of ['RetentionPerPeriod', 'CohortCustomers', 'CohortRetention']) {
        const a = namedTable(emu, name).map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v instanceof Date ? v.getTime() : v)));
        const b = namedTable(sheet, name).map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v instanceof Date ? v.getTime() : v)));
        expect(a, name).toEqual(b);
      }
      const header = headerBlock(emu);
      expect(header.Source).toBe('BigQuery table `shop-analytics.sales.orders`');
      expect(String(header.BigQuery)).toMatch(/^[\d.]+ KB scanned in project shop-analytics$/);
      expect(header['BigQuery job']).toBe(result.state === 'done' ? result.jobId : '');
    }
    expect(fake.queries).toHaveLength(variants.length);
  });

  it('refuses a lapse window that is not a whole number of periods before anything runs', () => {
    const { emu, fake } = bigQueryWorkbook();
    expect(() => emu.callFromClient('sidebarBigQueryEstimate', settings({ lapseAfter: 2.5 }))).toThrow(/the lapse window must be a whole number of months from 1 to 600 \(got 2\.5\)/);
    expect(fake.calls.filter((c) => c.startsWith('Jobs'))).toEqual([]);
  });

  it("the dry run counts BigQuery's documented bytes of exactly the columns the query reads", () => {
    // https://cloud.google.com/bigquery/docs/storage_overview#data_size_calculation, written out here:
    // STRING 2 + UTF-8 bytes, TIMESTAMP and FLOAT64 8, NULL 0; `paid` is never read.
    const utf8 = (v: unknown) => new TextEncoder().encode(String(v)).length;
    const sizes: Record<string, (v: unknown) => number> = { customer_id: (v) => 2 + utf8(v), ordered_at: () => 8, amount: () => 8, segment: (v) => 2 + utf8(v) };
    const expected = (names: string[]) =>
      ORDERS.rows.reduce((sum, r) => sum + names.reduce((s, n) => {
        const v = r[ORDERS.schema.findIndex((f) => f.name === n)];
        return s + (v === null ? 0 : sizes[n](v));
      }, 0), 0);
    const { emu } = bigQueryWorkbook();
    const withSegment = emu.callFromClient('sidebarBigQueryEstimate', settings({ breakdown: true })) as BigQueryEstimate;
    expect(withSegment.bytes).toBe(expected(['customer_id', 'ordered_at', 'amount', 'segment']));
    // Without a segment column the query still says "segment" (an alias) but reads no such column.
    const without = emu.callFromClient('sidebarBigQueryEstimate', settings({ columns: { id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: '' } })) as BigQueryEstimate;
    expect(without.bytes).toBe(expected(['customer_id', 'ordered_at', 'amount']));
    const query = 'SELECT customer_id AS who, ordered_at FROM `shop-analytics.sales.orders`';
    const fromQuery = emu.callFromClient('sidebarBigQueryEstimate', settings({ table: '', query, columns: { id: 'who', date: 'ordered_at', amount: '', segment: '' } })) as BigQueryEstimate;
    expect(fromQuery.bytes).toBe(expected(['customer_id', 'ordered_at']));
  });

  it('BigQuery bills at least 10 MB per table and per query, rounded up to the MB', () => {
    const MiB = 1024 * 1024;
    expect([[0], [5], [10 * MiB + 1], [3, 4], [12 * MiB, 0]].map(billedBytes)).toEqual([10 * MiB, 10 * MiB, 11 * MiB, 20 * MiB, 22 * MiB]);
    expect([['STRING', 'žluť'], ['STRING', null], ['INT64', 1], ['NUMERIC', '1.5'], ['BIGNUMERIC', '1'], ['BOOL', true], ['DATE', 19000], ['BYTES', new Uint8Array(3)]].map(([t, v]) => valueBytes(t as string, v)))
      .toEqual([2 + 6, 0, 8, 16, 32, 1, 8, 2 + 3]); // ž and ť are two bytes each in UTF-8
  });

  it('reads every page of a long result and waits for a slow job', () => {
    const { emu, fake } = bigQueryWorkbook({ pageSize: 40, pollsBeforeDone: 3 });
    const result = run(emu, settings({ period: 'week', breakdown: true }));
    expect(result.state).toBe('done');
    const pages = fake.calls.filter((c) => c === 'Jobs.getQueryResults').length;
    expect(pages).toBeGreaterThan(3 + 3); // three waits, then several pages
    const { emu: onePage } = bigQueryWorkbook();
    run(onePage, settings({ period: 'week', breakdown: true }));
    expect(namedTable(emu, 'CohortCustomers')).toEqual(namedTable(onePage, 'CohortCustomers'));
  });

  it('a job still running when time is short is picked up by the next click, not run again', () => {
    const { emu, fake } = bigQueryWorkbook({ pollsBeforeDone: 30 });
    const first = run(emu, settings());
    expect(first.state).toBe('running');
    expect(first.state === 'running' && first.message).toMatch(/still running the query \(job job_fake_1\)\. Click again/);
    expect(sheetNames(emu)).not.toContain('Retention summary');
    const second = run(emu, settings());
    expect(second.state).toBe('done');
    expect(fake.queries).toHaveLength(1);
    // Other settings are another query: that one starts afresh.
    expect(run(emu, settings({ period: 'quarter' })).state).toBe('running');
    expect(fake.queries).toHaveLength(2);
  });

  const failures: [string, Partial<FakeBigQueryOptions>, Partial<BigQueryReportSettings>, RegExp][] = [
    ['API not enabled', { apiEnabled: false }, {}, /^The BigQuery API is not enabled in project "shop-analytics"\. Enable it in the Google Cloud console/],
    ['no permission on the project', { deniedProjects: ['shop-analytics'] }, {}, /^You have no permission to run queries in project "shop-analytics"\. Ask for the BigQuery Job User role/],
    ['no permission on the table', { deniedTables: ['shop-analytics.sales.orders'] }, {}, /^You have no permission to read the table shop-analytics\.sales\.orders\./],
    ['table not found', {}, { table: 'sales.orderz' }, /^The table shop-analytics\.sales\.orderz was not found \(in location US\)\. Check the dataset and table names/],
    ['billing not enabled', { billingEnabled: false }, {}, /^Billing is not enabled for project "shop-analytics"/],
    ['a column of the wrong type', {}, { columns: { id: 'customer_id', date: 'paid', amount: 'amount', segment: '' } }, /^The date column "paid" holds TRUE\/FALSE values; a date column must hold dates, dates with times, timestamps, or text\./],
    ['a job that times out', { jobsTimeOut: true }, {}, /^BigQuery gave up on the query: it ran longer than allowed/],
  ];
  for (const [what, options, extra, message] of failures) {
    it(`says clearly: ${what}; no sheet changes`, () => {
      const { emu } = bigQueryWorkbook(options);
      const before = sheetNames(emu);
      expect(() => run(emu, settings(extra))).toThrow(message);
      expect(sheetNames(emu)).toEqual(before);
    });
  }

  it("speaks the user's language in the sidebar and the spreadsheet's in the summary's header block", () => {
    // A Czech analyst in a Polish team's workbook.
    const { emu } = bigQueryWorkbook({}, { locale: 'pl_PL', userLocale: 'cs' });
    const estimate = emu.callFromClient('sidebarBigQueryEstimate', settings({ maxBytes: 5_000_000 })) as BigQueryEstimate;
    expect(estimate.message).toMatch(/^Tento dotaz projde [\d,]+ KB \(vyúčtováno jako 10,\d+ MB\): méně než 0,01\u00a0US\$ při ceně za zpracovaná data \(6,25\u00a0US\$ za TiB; .* To je nad vaším limitem 5,00 MB: pro spuštění limit zvyšte\.$/);
    expect(() => run(emu, settings({ maxBytes: 5_000_000 }))).toThrow(/^Dotaz by prošel [\d,]+ KB \(vyúčtováno jako 10,\d+ MB\), nad vaším limitem 5,00 MB\./);
    expect(() => run(emu, settings({ table: 'sales.orderz' }))).toThrow(/^Tabulka shop-analytics\.sales\.orderz nebyla nalezena \(v umístění US\)\./);
    expect(() => run(emu, settings({ columns: { id: 'customer_id', date: 'paid', amount: 'amount', segment: '' } })))
      .toThrow(/^Sloupec „paid“ \(datum\) obsahuje hodnoty TRUE\/FALSE; sloupec v roli datum musí obsahovat data, data s časem, časová razítka nebo text\./);
    expect(() => run(emu, settings({ columns: { id: 'customer_id', date: 'when', amount: 'amount', segment: '' } })))
      .toThrow(/^Tabulka shop-analytics\.sales\.orders nemá sloupec „when“ \(má customer_id, ordered_at, amount, segment, paid\)\./);
    const result = run(emu, settings());
    expect(result.state).toBe('done');
    const header = new Map<string, unknown>();
    // The summary itself is the Polish team's: its name and labels in Polish.
    for (let r = 1; r <= 30; r++) header.set(String(emu.cellAt('Podsumowanie retencji', r, 2).value), emu.cellAt('Podsumowanie retencji', r, 1).value);
    expect(header.get('Tabela BigQuery `shop-analytics.sales.orders`')).toBe('Źródło');
    expect([...header.keys()]).toContain('Tabela BigQuery `shop-analytics.sales.orders`');
    const scanned = [...header.keys()].find((v) => v.startsWith('przeszukano '));
    expect(scanned).toMatch(/^przeszukano [\d,]+ KB w projekcie shop-analytics$/);
    expect(header.get(result.state === 'done' ? result.jobId : '')).toBe('Zadanie BigQuery');
    // A job still running says so in the user's language.
    const { emu: slow } = bigQueryWorkbook({ pollsBeforeDone: 30 }, { userLocale: 'hu' });
    const running = run(slow, settings());
    expect(running.state === 'running' && running.message).toMatch(/^A BigQuery még futtatja a lekérdezést \(job_fake_1 feladat\)\./);
  });

  it('the default build carries none of the BigQuery messages, the BigQuery build all of them', async () => {
    const { bigqueryServer } = await import('../../src/i18n/en/bigqueryServer');
    const { bigqueryServer: cs } = await import('../../src/i18n/cs/bigqueryServer');
    const plain = readFileSync(join(DIST, 'Code.js'), 'utf8');
    const withBigQuery = readFileSync(join(DIST_BQ, 'Code.js'), 'utf8');
    for (const key of Object.keys(bigqueryServer)) {
      expect(plain, key).not.toContain(`'${key}'`);
      expect(plain).not.toContain(`"${key}"`);
      expect(withBigQuery.includes(`'${key}'`) || withBigQuery.includes(`"${key}"`), key).toBe(true);
    }
    // The translations' texts too (a sentence of each).
    expect(withBigQuery).toContain(JSON.stringify(cs['bq.error.billing']).slice(1, 40));
    expect(plain).not.toContain(JSON.stringify(cs['bq.error.billing']).slice(1, 40));
  });

  it('a query over the byte limit the user set is refused before it runs, and the estimate says so', () => {
    const { emu, fake } = bigQueryWorkbook();
    const estimate = emu.callFromClient('sidebarBigQueryEstimate', settings({ maxBytes: 5_000_000 })) as BigQueryEstimate;
    expect(estimate.message).toMatch(/over your limit of 5\.00 MB: raise the limit to run it\.$/);
    expect(() => run(emu, settings({ maxBytes: 5_000_000 }))).toThrow(/^The query would scan [\d.]+ KB \(billed as 10\.\d+ MB\), over your limit of 5\.00 MB\./);
    expect(fake.queries).toHaveLength(0);
    // BigQuery enforces the same limit itself (maximumBytesBilled) when the dry run is under it.
    expect(run(emu, settings({ maxBytes: 50_000_000 })).state).toBe('done');
  });

  it('a customer table: proposed as one, and the same summary as the same table in a sheet', () => {
    const people = generateTable({ seed: 31, zone: ZONE, customers: 120, revenue: true });
    const subscriptions: FakeTable = {
      projectId: 'shop-analytics', datasetId: 'sales', tableId: 'subscriptions',
      schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'signup_date', type: 'TIMESTAMP' }, { name: 'cancel_date', type: 'TIMESTAMP' }, { name: 'mrr', type: 'FLOAT64' }],
      rows: people.map((r) => [String(r.id), r.signup, r.cancel === '' ? null : r.cancel, r.revenue === '' || r.revenue === undefined ? null : r.revenue]),
    };
    const { emu } = bigQueryWorkbook({ tables: [ORDERS, subscriptions] });
    const source = { ...SOURCE, table: 'sales.subscriptions' };
    const d = emu.callFromClient('sidebarBigQueryDescribe', source) as BigQueryDescription;
    expect(d.shape).toBe('table');
    expect(d.roles).toMatchObject({ id: 'customer_id', signup: 'signup_date', cancel: 'cancel_date', amount: 'mrr' });
    const result = run(emu, settings({ ...source, shape: 'table', columns: d.roles, period: 'quarter' }));
    expect(result.state).toBe('done');
    const sheet = workbook(ZONE);
    addSheet(sheet, 'Subscriptions', ['customer_id', 'signup_date', 'cancel_date', 'mrr'], people.map((r) => [r.id, r.signup, r.cancel, r.revenue ?? '']));
    const s = settingsFor(sheet, 'Subscriptions', { period: 'quarter' });
    expect(s.shape).toBe('table');
    sheet.callFromClient('sidebarGenerate', s);
    const round = (t: unknown[][]) => t.map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v instanceof Date ? v.getTime() : v)));
    for (const name of ['RetentionPerPeriod', 'CohortCustomers', 'CohortRetention']) expect(round(namedTable(emu, name)), name).toEqual(round(namedTable(sheet, name)));
  });

  it('reads a view (a saved query kept in the dataset) like a table, without listing its rows', () => {
    const paid: FakeTable = {
      projectId: 'shop-analytics', datasetId: 'sales', tableId: 'paid_orders', rows: [],
      schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, { name: 'amount', type: 'FLOAT64' }],
      view: 'SELECT customer_id, ordered_at, amount FROM `shop-analytics.sales.orders` WHERE paid',
    };
    const { emu, fake } = bigQueryWorkbook({ tables: [ORDERS, paid] });
    const source = { ...SOURCE, table: 'sales.paid_orders' };
    const d = emu.callFromClient('sidebarBigQueryDescribe', source) as BigQueryDescription;
    expect(fake.calls).toEqual(['Tables.get']); // Tabledata.list cannot list a view
    expect(d.roles).toEqual({ id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: '' });
    expect(d.rows).toBeNull();
    const estimate = emu.callFromClient('sidebarBigQueryEstimate', settings({ ...source, columns: d.roles })) as BigQueryEstimate;
    // The view's columns come from the table it reads, `paid` included (its WHERE reads it): 1 byte each.
    const direct = emu.callFromClient('sidebarBigQueryEstimate', settings({ columns: d.roles })) as BigQueryEstimate;
    expect(estimate.bytes).toBe(direct.bytes + ORDERS.rows.length);
    const result = run(emu, settings({ ...source, columns: d.roles }));
    expect(result.state).toBe('done');
    expect(headerBlock(emu).Source).toBe('BigQuery table `shop-analytics.sales.paid_orders`');
    const { emu: fromTable } = bigQueryWorkbook();
    run(fromTable, settings({ columns: d.roles })); // every order is paid: the same report
    for (const name of ['RetentionPerPeriod', 'CohortCustomers']) expect(namedTable(emu, name), name).toEqual(namedTable(fromTable, name));
  });

  it('reads a query (a saved query) instead of a table', () => {
    const { emu } = bigQueryWorkbook();
    const query = 'SELECT customer_id, ordered_at, amount FROM `shop-analytics.sales.orders` WHERE amount IS NULL OR amount >= 0';
    const d = emu.callFromClient('sidebarBigQueryDescribe', { ...SOURCE, table: '', query }) as BigQueryDescription;
    expect(d.roles).toEqual({ id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: '' });
    const result = run(emu, settings({ table: '', query, columns: { ...d.roles } }));
    expect(result.state).toBe('done');
    expect(headerBlock(emu).Source).toBe('BigQuery query in project shop-analytics');
  });
});

// ---- Customer value from BigQuery: the two narrowed queries through the bundle = the sheet source on the same log. ----

// A log simulated from the models' story (test/sql/simulatedLog.ts), each customer in one segment (a table
// has no row order to break ties between first-day rows with different segments).
const valueLog = (() => {
  const rows = [...simulate(2718, 250), ...BAD_ROWS];
  const segmentOf = new Map<string, unknown>();
  for (const r of rows) if (!segmentOf.has(String(r.id))) segmentOf.set(String(r.id), r.segment);
  return rows.map((r) => ({ ...r, segment: segmentOf.get(String(r.id)) }));
})();
const VALUE_ORDERS: FakeTable = {
  projectId: 'shop-analytics', datasetId: 'sales', tableId: 'value_orders',
  schema: [{ name: 'customer', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, { name: 'amount', type: 'FLOAT64' }, { name: 'segment', type: 'STRING' }, { name: 'paid', type: 'BOOL' }],
  rows: valueLog.map((r) => [String(r.id), r.date ?? null, typeof r.amount === 'number' ? r.amount : null, r.segment === undefined || r.segment === '' ? null : String(r.segment), true]),
};
const VALUE_LISTS = { topShare: 0.3, aliveBelow: 0.5, aliveFloor: 0.1 };
/** The same log with a cost per row (0.30 to 2.10, blank on every 11th row), for the cost to serve's cost column. */
const valueLogWithCosts = valueLog.map((r, i) => ({ ...r, cost: i % 11 === 3 ? '' : 0.3 + (i % 7) * 0.3 }));
const VALUE_ORDERS_COST: FakeTable = {
  ...VALUE_ORDERS, tableId: 'value_orders_cost',
  schema: [...VALUE_ORDERS.schema, { name: 'cost', type: 'FLOAT64' }],
  rows: VALUE_ORDERS.rows.map((r, i) => [...r, valueLogWithCosts[i].cost === '' ? null : valueLogWithCosts[i].cost]),
};

function valueSettings(extra: Partial<BigQueryValueSettings> = {}): BigQueryValueSettings {
  return {
    projectId: 'shop-analytics', table: 'sales.value_orders', query: '',
    columns: { id: 'customer', date: 'ordered_at', amount: 'amount', segment: 'segment' },
    asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, ...VALUE_LISTS, maxBytes: 0, ...extra,
  };
}
// The summary's small log (ORDERS) where only the mechanics are checked: ZetaSQL's reference evaluator is slow.
const ordersValue = (extra: Partial<BigQueryValueSettings> = {}) =>
  valueSettings({ table: 'sales.orders', columns: { id: 'customer_id', date: 'ordered_at', amount: 'amount', segment: 'segment' }, ...extra });
const runValue = (emu: SheetsEmulator, s: BigQueryValueSettings) => emu.callFromClient('sidebarBigQueryValueRun', s) as BigQueryValueResult;

/** The sheet source's Customer value of the same log: the reference (the in-sheet engine reads and fits the rows itself). */
const sheetValue = (asOf: string) => sheetCustomerValue(ZONE, valueLog, asOf, VALUE_LISTS);

/** Cells that differ: numbers beyond 1e-4 relative (the fits start from grouped rows), ids and text as text. */
function cellDifferences(name: string, a: unknown[][], b: unknown[][]): string[] {
  if (a.length !== b.length) return [`${name}: ${a.length} rows, expected ${b.length}`];
  const out: string[] = [];
  a.forEach((row, r) => row.forEach((v, c) => {
    const w = b[r][c];
    const same = typeof v === 'number' && typeof w === 'number' ? Math.abs(v - w) <= 1e-4 * Math.max(1, Math.abs(w))
      : v instanceof Date && w instanceof Date ? v.getTime() === w.getTime() : String(v) === String(w);
    if (!same) out.push(`${name} row ${r + 1} column ${c + 1}: ${String(v)}, expected ${String(w)}`);
  }));
  return out;
}

describe('the segment list of the cost to serve, read from the data', () => {
  const segmentsOf = (emu: SheetsEmulator, extra: { names?: string[]; maxBytes?: number; column?: string } = {}) =>
    emu.callFromClient('sidebarBigQuerySegments', { ...SOURCE, column: extra.column ?? 'segment', names: extra.names ?? [], maxBytes: extra.maxBytes ?? 0 }) as BigQuerySegments;

  it('every segment of the table, most rows first (ties by name), blank cells as "(blank)"; it reads the segment column alone', () => {
    const { emu, fake } = bigQueryWorkbook();
    const counts = new Map<string, number>();
    for (const r of ORDERS.rows) counts.set(r[3] === null ? '(blank)' : String(r[3]), (counts.get(r[3] === null ? '(blank)' : String(r[3])) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
    const got = segmentsOf(emu);
    expect(got.segments).toEqual(expected);
    expect(got.distinct).toBe(expected.length);
    expect(got.alsoFound).toEqual([]);
    // Only the segment column's bytes are scanned (the fake counts the bytes of the columns a query reads), billed at the 10 MB minimum.
    expect(got.bytes).toBe(ORDERS.rows.reduce((sum, r) => sum + valueBytes('STRING', r[3]), 0));
    expect(got.billedBytes).toBe(billedBytes([got.bytes]));
    expect(got.message).toMatch(/^Reading the segments from the data scanned [\d.,]+ (bytes|KB) \(billed as 10\.5 MB\): less than \$0\.01 at on-demand pricing \(\$6\.25 per TiB\)\.$/);
    expect(fake.calls.filter((c) => c.startsWith('Jobs'))).toEqual(['Jobs.query']);
  });

  it('a typed name no row holds is refused, named, in the user’s language; the byte limit holds', () => {
    const messages: Record<string, string> = {
      en: 'No row of the column “segment” holds the segment “Vip”, so it cannot have a cost line of its own. Check the spelling: capitals and spaces count.',
      cs: 'Žádný řádek sloupce „segment“ neobsahuje segment „Vip“, proto nemůže mít vlastní řádek nákladů. Zkontrolujte pravopis: záleží na velkých písmenech i mezerách.',
      pl: 'Żaden wiersz kolumny „segment” nie zawiera segmentu „Vip”, więc nie może on mieć własnego wiersza kosztów. Sprawdź pisownię: liczą się wielkie litery i spacje.',
      hu: 'A(z) „segment” oszlop egyetlen sora sem tartalmazza a(z) „Vip” szegmenst, ezért nem kaphat saját költségsort. Ellenőrizze az írásmódot: a kis- és nagybetűk és a szóközök is számítanak.',
    };
    for (const [userLocale, message] of Object.entries(messages)) {
      const { emu } = bigQueryWorkbook({}, { userLocale });
      expect(() => segmentsOf(emu, { names: ['Vip'] }), userLocale).toThrow(message);
    }
    const { emu, fake } = bigQueryWorkbook();
    const first = String(ORDERS.rows[0][3]);
    expect(segmentsOf(emu, { names: [first] }).segments).toContain(first);
    expect(() => segmentsOf(emu, { maxBytes: 5_000_000 })).toThrow(/^The query would scan [\d.,]+ (bytes|KB) \(billed as 10\.5 MB\), over your limit of 5\.00 MB/);
    expect(() => segmentsOf(emu, { column: 'segmnt' })).toThrow(/has no column "segmnt"/);
    expect(fake.calls.filter((c) => c === 'Jobs.query')).toHaveLength(1); // the refused ones ran no query
  });
});

describe('Customer value from BigQuery in the emulator', () => {
  const workbookWithValue = (options: Partial<FakeBigQueryOptions> = {}, locales: { locale?: string; userLocale?: string } = {}) =>
    bigQueryWorkbook({ tables: [ORDERS, VALUE_ORDERS, VALUE_ORDERS_COST], ...options }, locales);

  for (const asOf of ['', '2023-03-31']) {
    it(`writes the sheet source's Customer value sheet${asOf ? ` as of ${asOf}` : ''}: model, top customers, at-risk and lapsed lists, CLV by segment`, () => {
      const { emu, fake } = workbookWithValue();
      const estimate = emu.callFromClient('sidebarBigQueryValueEstimate', valueSettings({ asOf })) as BigQueryEstimate;
      // Two queries, each billed at least 10 MB (20 MiB = 21.0 MB).
      expect(estimate.billedBytes).toBe(20 * 1024 * 1024);
      expect(estimate.message).toMatch(/^Customer value runs two queries \(the models’ input, then the customers the sheet lists\), which will scan [\d.]+ KB in all \(billed as 21\.0 MB\): less than \$0\.01/);
      const result = runValue(emu, valueSettings({ asOf }));
      expect(result.state).toBe('done');
      expect(fake.queries).toHaveLength(2);
      const { sheet, outcome } = sheetValue(asOf);
      if (result.state !== 'done') return;
      const o = result.outcome;
      expect([o.customers, o.rowsRead, o.rowsSkipped, o.atRisk, o.lapsed]).toEqual([outcome.customers, outcome.rowsRead, outcome.rowsSkipped, outcome.atRisk, outcome.lapsed]);
      expect(outcome.atRisk).toBeGreaterThan(5);
      expect(outcome.lapsed).toBeGreaterThan(5);
      expect(o.totalClv / outcome.totalClv).toBeCloseTo(1, 8);
      expect(o.warnings).toEqual(outcome.warnings);
      for (const name of ['CustomerValueTop', 'CustomerValueAtRisk', 'CustomerValueLapsed', 'CustomerValueBySegment', 'CustomerValueModel']) {
        expect(cellDifferences(name, namedTable(emu, name), namedTable(sheet, name))).toEqual([]);
      }
      // The header block names the table, the bytes scanned and both jobs.
      const info = new Map(namedTable(emu, 'CustomerValueInfo').map((r) => [String(r[0]), r[1]]));
      expect(info.get('Source')).toBe('BigQuery table `shop-analytics.sales.value_orders`');
      expect(String(info.get('BigQuery'))).toMatch(/^[\d.]+ KB scanned in project shop-analytics$/);
      expect(info.get('BigQuery jobs')).toBe(result.jobIds.join(', '));
      // The rows brought back: the groups and the candidates, fewer than one per customer.
      expect(fake.resultRows[1]).toBeLessThan(outcome.customers);
    });
  }

  it("with a cost to serve: the sheet source's net values, cost lines and lists by loss of net value", () => {
    const costs = {
      all: { revenueShare: 0.15, perCustomerMonth: 0.05 },
      segments: [{ name: 'VIP', revenueShare: 0.05, perCustomerMonth: 3 }, { name: 'A', revenueShare: 0.4, perCustomerMonth: null }, { name: 'Gold', revenueShare: 0.5, perCustomerMonth: null }],
    };
    const { emu, fake } = workbookWithValue();
    const result = runValue(emu, valueSettings({ costs }));
    expect(result.state).toBe('done');
    expect(fake.queries).toHaveLength(2);
    const { sheet, outcome } = sheetCustomerValue(ZONE, valueLog, '', VALUE_LISTS, { column: 0, ...costs });
    if (result.state !== 'done') return;
    expect(result.outcome.message.replace(/ Written to .*$/, '')).toBe(outcome.message.replace(/ Written to .*$/, ''));
    expect(outcome.message).toMatch(/net of the cost to serve -?[\d,]+/);
    for (const name of ['CustomerValueTop', 'CustomerValueAtRisk', 'CustomerValueLapsed', 'CustomerValueBySegment', 'CustomerValueModel']) {
      expect(cellDifferences(name, namedTable(emu, name), namedTable(sheet, name))).toEqual([]);
    }
    expect(namedTable(emu, 'CustomerValueAtRisk')[0]).toContain('Net value if still active');
    // The header block: total cost and net value, and the cost to serve in words, as the sheet source writes them.
    const costRows = (e: SheetsEmulator) => {
      const rows = namedTable(e, 'CustomerValueInfo');
      return rows.slice(rows.findIndex((r) => String(r[0]).startsWith('Total CLV')), rows.findIndex((r) => String(r[0]).startsWith('Total past value')));
    };
    expect(costRows(sheet).length).toBeGreaterThan(4);
    expect(cellDifferences('header', costRows(emu), costRows(sheet))).toEqual([]);

    // With the cost column too: the sheet source's cost per purchase day, and its line in the header block.
    const { emu: withColumn } = workbookWithValue();
    const done = runValue(withColumn, valueSettings({ table: 'sales.value_orders_cost', costs: { ...costs, column: 'cost' } }));
    expect(done.state).toBe('done');
    const { sheet: sheetWithColumn, outcome: outcomeWithColumn } = sheetCustomerValue(ZONE, valueLogWithCosts, '', VALUE_LISTS, { column: 5, ...costs });
    if (done.state !== 'done') return;
    expect(done.outcome.message.replace(/ Written to .*$/, '')).toBe(outcomeWithColumn.message.replace(/ Written to .*$/, ''));
    for (const name of ['CustomerValueTop', 'CustomerValueAtRisk', 'CustomerValueLapsed', 'CustomerValueBySegment']) {
      expect(cellDifferences(name, namedTable(withColumn, name), namedTable(sheetWithColumn, name))).toEqual([]);
    }
    const lines = (e: SheetsEmulator) => costRows(e).map((r) => [r[0], typeof r[1] === 'string' ? r[1].replace('column E ("cost")', 'cost') : r[1]]);
    expect(costRows(withColumn).map((r) => String(r[1])).join('\n')).toMatch(/Plus cost: each customer’s average cost per purchase day × their expected purchases \(\d+ rows with a blank cost counted as 0\)/);
    expect(cellDifferences('header', lines(withColumn), lines(sheetWithColumn))).toEqual([]);
  });

  it('reads every page of long results and waits for slow jobs', () => {
    const { emu, fake } = workbookWithValue({ pageSize: 50, pollsBeforeDone: 2 });
    expect(runValue(emu, ordersValue()).state).toBe('done');
    expect(fake.calls.filter((c) => c === 'Jobs.getQueryResults').length).toBeGreaterThan(2 * 2 + 4);
    const { emu: quick } = workbookWithValue();
    runValue(quick, ordersValue());
    for (const name of ['CustomerValueTop', 'CustomerValueAtRisk', 'CustomerValueLapsed']) expect(namedTable(emu, name), name).toEqual(namedTable(quick, name));
  });

  it('jobs still running are picked up by the next clicks; neither query runs twice', () => {
    const { emu, fake } = workbookWithValue({ pollsBeforeDone: 30 });
    const clicks: string[] = [];
    for (let k = 0; k < 4; k++) {
      const r = runValue(emu, ordersValue());
      clicks.push(r.state);
      if (r.state === 'done') break;
      expect(r.message).toMatch(/still running the query \(job job_fake_\d\)\. Click again/);
      expect(emu.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Customer value');
    }
    expect(clicks).toEqual(['running', 'running', 'done']);
    expect(fake.queries).toHaveLength(2);
  });

  const failures: [string, Partial<FakeBigQueryOptions>, Partial<BigQueryValueSettings>, RegExp][] = [
    ['no amount column', {}, { columns: { id: 'customer_id', date: 'ordered_at', amount: '', segment: '' } }, /amount/i],
    ['table not found', {}, { table: 'sales.orderz' }, /^The table shop-analytics\.sales\.orderz was not found/],
    ['a column of the wrong type', {}, { columns: { id: 'customer_id', date: 'paid', amount: 'amount', segment: '' } }, /^The date column "paid" holds TRUE\/FALSE values/],
    ['over the byte limit', {}, { maxBytes: 15_000_000 }, /^The query would scan [\d.]+ KB \(billed as 21\.0 MB\), over your limit of 15\.0 MB\./],
    ['a job that times out', { jobsTimeOut: true }, {}, /^BigQuery gave up on the query: it ran longer than allowed/],
    ['billing not enabled', { billingEnabled: false }, {}, /^Billing is not enabled for project "shop-analytics"/],
    ['a bad threshold', {}, { aliveFloor: 0.6 }, /floor|below/i],
    ['a cost share over 100 %', {}, { costs: { all: { revenueShare: 1.5, perCustomerMonth: 0 }, segments: [] } }, /share of revenue must be from 0% to 100% \(got 150%\)/],
    ['a cost column that is the amount column', {}, { costs: { all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [], column: 'amount' } }, /The cost column cannot be amount: it is already chosen/],
    ['a cost column of the wrong type', {}, { costs: { all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [], column: 'paid' } }, /The cost column "paid" holds TRUE\/FALSE values/],
  ];
  for (const [what, options, extra, message] of failures) {
    it(`says clearly: ${what}; no sheet changes`, () => {
      const { emu, fake } = workbookWithValue(options);
      const before = sheetNames(emu);
      expect(() => runValue(emu, ordersValue(extra))).toThrow(message);
      expect(sheetNames(emu)).toEqual(before);
      if (what === 'no amount column' || what === 'a bad threshold' || what === 'a cost share over 100 %') expect(fake.calls).toEqual([]); // refused before anything is read
    });
  }

  it("speaks the user's language in the sidebar and the spreadsheet's on the sheet", () => {
    const { emu } = workbookWithValue({}, { locale: 'pl_PL', userLocale: 'cs' });
    const estimate = emu.callFromClient('sidebarBigQueryValueEstimate', ordersValue()) as BigQueryEstimate;
    expect(estimate.message).toMatch(/^Hodnota zákazníků spouští dva dotazy .* celkem projdou [\d,]+ KB \(vyúčtováno jako 21,0 MB\)/);
    const result = runValue(emu, ordersValue());
    expect(result.state).toBe('done');
    expect(sheetNames(emu)).toContain('Wartość klientów');
    const info = new Map(namedTable(emu, 'CustomerValueInfo').map((r) => [String(r[0]), r[1]]));
    expect(info.get('Zadania BigQuery')).toBe(result.state === 'done' ? result.jobIds.join(', ') : '');
  });
});
