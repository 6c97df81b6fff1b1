/**
 * The BigQuery build's sidebar in chromium, driving dist-bigquery/Code.js in the emulator against the
 * fake BigQuery service (queries run on ZetaSQL): read the columns of a table, estimate the cost with
 * a dry run, run only after the estimate, and find the summary in the workbook. Hostile column names
 * show as text. The default build's sidebar has no BigQuery section.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEmulator } from '../../tools/emulator/index';
import { installFakeBigQuery } from '../../tools/emulator/bigquery/fakeBigQuery';
import { SyncEngine } from '../../tools/emulator/bigquery/syncEngine';
import type { BigQueryReportSettings, BigQueryValueSettings } from '../../src/addon/bigquery/protocol';
import { namedTable } from '../report/workbook';
import { dispatchServer, type SidebarBackend } from './bridge';
import { launchChromium, openSidebar } from './harness';

const root = join(__dirname, '..', '..');
const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;
let engine: SyncEngine;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts'), '--bigquery'], { cwd: root });
  engine = new SyncEngine();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  engine?.stop();
});

/** The BigQuery sidebar on the fake table `shop-analytics.sales.orders` (customer_id, ordered_at, then `more`), its columns read. */
async function sidebarOnTable(emu: ReturnType<typeof createEmulator>, rows: unknown[][], more: { name: string; type: string }[]) {
  installFakeBigQuery(emu.context, {
    engine,
    tables: [{ projectId: 'shop-analytics', datasetId: 'sales', tableId: 'orders', rows, schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, ...more] }],
  });
  const html = readFileSync(join(root, 'dist-bigquery', 'Sidebar.html'), 'utf8');
  const opened = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)), html);
  const { page } = opened;
  try {
    await page.fill('#bq-project', 'shop-analytics');
    await page.fill('#bq-table', 'sales.orders');
    await page.click('#bq-describe');
    await page.waitForSelector('#bq-columns:not([hidden])');
  } catch (e) {
    await opened.context.close();
    throw e;
  }
  return opened;
}

test('reads the columns, estimates, then runs on BigQuery and writes the summary', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 9));
  const rows: unknown[][] = [];
  for (let c = 0; c < 40; c++) for (let k = 0; k <= c % 4; k++) rows.push([`c${c}`, day(2024, 1 + ((c + k * 2) % 6), 1 + (c % 27)), 10 + c, c % 2 ? 'web' : XSS]);
  const { page, context, watch } = await sidebarOnTable(emu, rows, [{ name: 'amount', type: 'FLOAT64' }, { name: XSS, type: 'STRING' }]);
  try {
    expect(await page.$eval('#bq-col-id', (s) => (s as HTMLSelectElement).value)).toBe('customer_id');
    expect(await page.$eval('#bq-col-date', (s) => (s as HTMLSelectElement).value)).toBe('ordered_at');
    const segmentOptions = await page.$$eval('#bq-col-segment option', (os) => os.map((o) => o.textContent));
    expect(segmentOptions).toContain(`${XSS} (STRING)`); // as text, never as markup
    expect(await page.$eval('#bq-explanation', (e) => e.textContent)).toContain('shop-analytics.sales.orders: 100 rows.');
    // Run waits for an estimate of exactly these settings.
    expect(await page.$eval('#bq-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await page.click('#bq-estimate');
    await page.waitForFunction(() => (document.getElementById('bq-estimate-text')?.textContent ?? '').startsWith('This query will scan'));
    expect(await page.$eval('#bq-run', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await page.selectOption('#bq-period', 'quarter');
    expect(await page.$eval('#bq-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true); // changed: estimate again
    // The lapse window and the refund rule of a log, as in the sheet source.
    expect(await page.$eval('#bq-lapse-unit', (e) => e.textContent)).toBe('quarter without a purchase');
    await page.fill('#bq-lapse-after', '2');
    expect(await page.$eval('#bq-lapse-unit', (e) => e.textContent)).toBe('quarters without a purchase');
    expect(await page.$eval('#bq-refunds-block', (e) => (e as HTMLElement).hidden)).toBe(false);
    await page.click('#bq-estimate');
    await page.waitForFunction(() => !(document.getElementById('bq-run') as HTMLButtonElement).disabled);
    await page.click('#bq-run');
    await page.waitForFunction(() => !(document.getElementById('bq-result') as HTMLElement).hidden);
    expect(await page.$eval('#bq-result', (e) => e.textContent)).toMatch(/^2 cohorts by quarter from 100 rows written to "Retention summary"\.$/);
    expect(emu.cellAt('Retention summary', findRow(emu, 'A customer is lost after'), 2).value).toMatch(/^2 quarters without a purchase/);
    // The run brings back the data's suggestion for this period; "Use" puts it into the input.
    expect(await page.$eval('#bq-lapse-hint', (e) => e.textContent)).toMatch(/^Suggested from the data: 1\. 100% of customers' returns came within 1 quarter of their previous purchase\.$/);
    await page.click('#bq-lapse-use');
    expect(await page.$eval('#bq-lapse-after', (e) => (e as HTMLInputElement).value)).toBe('1');
    expect(await page.$eval('#bq-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true); // a new window: estimate again
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('');
    expect(namedTable(emu, 'CohortCustomers')[1][2]).toBeGreaterThan(0);
    mkdirSync(join(root, 'out'), { recursive: true });
    await page.screenshot({ path: join(root, 'out', 'sidebar-bigquery.png'), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  } finally {
    await context.close();
  }
});

test('Customer value with a cost to serve: the rates and the cost column go to BigQuery, the sheet is net of them', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 9));
  const rows: unknown[][] = [];
  for (let c = 0; c < 60; c++) for (let k = 0; k <= c % 5; k++) rows.push([`c${c}`, day(2024, 1 + ((c + k * 3) % 10), 1 + ((c * 7 + k) % 27)), 10 + (c % 13) + k, 1.5 + (k % 3)]);
  const { page, context, watch } = await sidebarOnTable(emu, rows, [{ name: 'amount', type: 'FLOAT64' }, { name: 'handling', type: 'FLOAT64' }]);
  try {
    expect(await page.$eval('#bq-col-amount', (s) => (s as HTMLSelectElement).value)).toBe('amount');
    await page.click('#bq-costs summary');
    expect(await page.$$eval('#bq-cost-column option', (os) => os.map((o) => o.textContent))).toContain('handling (FLOAT64)');
    const all = page.locator('#bq-cost-rows input');
    expect(await all.nth(0).evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent)).toBe('All customers: cost as % of revenue');
    await all.nth(0).fill('20');
    await all.nth(1).fill('0.5');
    await page.selectOption('#bq-cost-column', 'handling');
    await page.click('#bq-value-estimate');
    await page.waitForFunction(() => !(document.getElementById('bq-value-run') as HTMLButtonElement).disabled);
    // A changed rate needs a new estimate (the second query's numbers depend on it).
    await all.nth(1).fill('0.25');
    expect(await page.$eval('#bq-value-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await page.click('#bq-value-estimate');
    await page.waitForFunction(() => !(document.getElementById('bq-value-run') as HTMLButtonElement).disabled);
    await page.click('#bq-value-run');
    await page.waitForFunction(() => !(document.getElementById('bq-result') as HTMLElement).hidden || (document.getElementById('bq-error')?.textContent ?? '') !== '');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('');
    expect(await page.$eval('#bq-result', (e) => e.textContent)).toMatch(/^60 customers scored from \d+ rows: 12-month CLV [\d,]+ in total, net of the cost to serve -?[\d,]+,/);
    const info = namedTable(emu, 'CustomerValueInfo').map((r) => r.map(String).join(' | ')).join('\n');
    expect(info).toMatch(/Total cost to serve, next 12 months/);
    expect(info).toMatch(/20% of revenue \+ .*0\.25 per customer a month/);
    expect(info).toMatch(/Plus handling: each customer’s average cost per purchase day × their expected purchases/);
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** Rows per value of column `at`, most first, ties by name: the order the segment lines come in. */
function byFrequency(rows: unknown[][], at: number): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r[at]), (counts.get(String(r[at])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

test('Customer value per segment: a line per segment in the data (beyond the sample), a typed name not in it refused, checked as for a sheet, saved with the document', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 9));
  const rows: unknown[][] = [];
  for (let c = 0; c < 80; c++) for (let k = 0; k <= c % 5; k++) rows.push([`c${c}`, day(2024, 1 + ((c + k * 3) % 10), 1 + ((c * 7 + k) % 27)), 10 + (c % 13) + k, c % 3 === 1 ? 'shop' : 'web', 1 + (k % 2)]);
  // "partner" customers only after the 200 rows the sidebar reads as a sample: their line comes from the data.
  expect(rows.length).toBeGreaterThanOrEqual(200);
  for (let c = 0; c < 30; c++) for (let k = 0; k < 4; k++) rows.push([`p${c}`, day(2024, 1 + ((c + k * 2) % 10), 2 + (c % 20)), 30 + c, 'partner', 2]);
  const more = [{ name: 'amount', type: 'FLOAT64' }, { name: 'channel', type: 'STRING' }, { name: 'handling', type: 'FLOAT64' }];
  const first = await sidebarOnTable(emu, rows, more);
  try {
    const { page } = first;
    await page.selectOption('#bq-col-segment', 'channel');
    await page.click('#bq-costs summary');
    const lines = () => page.$$eval('#bq-cost-rows th', (els) => els.map((e) => e.textContent));
    await page.waitForFunction(() => /^A line for each/.test(document.getElementById('bq-cost-segments-note')?.textContent ?? ''));
    const segments = byFrequency(rows, 3);
    expect(segments).toHaveLength(3);
    expect(await lines()).toEqual(['All customers', ...segments]);
    expect(await page.$eval('#bq-cost-segments-note', (e) => e.textContent)).toMatch(/^A line for each of the 3 segments in the column “channel”\. Reading the segments from the data scanned [\d.,]+ (bytes|KB) \(billed as 10\.5 MB\): less than \$0\.01 at on-demand pricing \(\$6\.25 per TiB\)\.$/);
    // A typed name no row holds gets no line: refused, named.
    await page.fill('#bq-cost-add', 'partners');
    await page.click('#bq-cost-add-button');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('No row of the column “channel” holds the segment “partners”, so it cannot have a cost line of its own. Check the spelling: capitals and spaces count.');
    expect(await page.getAttribute('#bq-cost-add', 'aria-invalid')).toBe('true');
    expect(await lines()).toEqual(['All customers', ...segments]);
    await page.fill('#bq-cost-add', '');
    const inputs = page.locator('#bq-cost-rows input');
    const share = (name: string) => inputs.nth(2 * (1 + segments.indexOf(name)));
    const monthly = (name: string) => inputs.nth(2 * (1 + segments.indexOf(name)) + 1);
    await inputs.nth(0).fill('10'); // all customers: 10 % of revenue
    await monthly('shop').fill('2'); // shop: 2 a month, share as all customers
    expect(await share('shop').getAttribute('placeholder')).toBe('10');
    await page.locator('#bq-costs').screenshot({ path: join(root, 'out', 'sidebar-bigquery-costs.png') });
    await share('partner').fill('120'); // partner: over 100 %
    await page.selectOption('#bq-cost-column', 'handling');
    await page.click('#bq-value-estimate');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('The cost to serve of “partner” as a share of revenue must be a percentage from 0 to 100, such as 15.');
    expect(await share('partner').getAttribute('aria-invalid')).toBe('true');
    expect(await page.$eval('#bq-value-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await share('partner').fill('30');
    await page.click('#bq-value-estimate');
    await page.waitForFunction(() => !(document.getElementById('bq-value-run') as HTMLButtonElement).disabled);
    expect(await share('partner').getAttribute('aria-invalid')).toBe(null);
    await page.click('#bq-value-run');
    await page.waitForFunction(() => !(document.getElementById('bq-result') as HTMLElement).hidden || (document.getElementById('bq-error')?.textContent ?? '') !== '');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('');
    const info = namedTable(emu, 'CustomerValueInfo').map((r) => r.map(String).join(' | ')).join('\n');
    expect(info).toMatch(/Segment "shop": 10% of revenue \+ .*2\.00 per customer a month/);
    expect(info).toMatch(/Segment "partner": 30% of revenue/);
    expect(info).not.toMatch(/Segment "web"/); // a blank line is as for all customers
    // The CLV by segment table is net of each segment's own rates: partner customers cost 30 %, web 10 %.
    const bySegment = namedTable(emu, 'CustomerValueBySegment');
    const header = bySegment[0].map(String);
    const row = (name: string) => bySegment.find((r) => r[0] === name)!;
    const clv = header.findIndex((h) => /^CLV/.test(h));
    const cost = header.findIndex((h) => /^Cost to serve/.test(h));
    expect(clv).toBeGreaterThan(0);
    expect(cost).toBeGreaterThan(0);
    expect(Number(row('partner')[cost])).toBeGreaterThan(0.3 * Number(row('partner')[clv]));
    expect(Number(row('web')[cost])).toBeGreaterThan(0.1 * Number(row('web')[clv]));
    expect(Number(row('web')[cost])).toBeLessThan(0.3 * Number(row('web')[clv]));
  } finally {
    await first.context.close();
  }
  // The sidebar opened again in the same document: what was entered comes back, the added segment's line included.
  const again = await sidebarOnTable(emu, rows, more);
  try {
    const { page } = again;
    await page.selectOption('#bq-col-segment', 'channel');
    await page.waitForFunction(() => /^A line for each/.test(document.getElementById('bq-cost-segments-note')?.textContent ?? ''));
    expect(await page.$eval('#bq-costs', (e) => (e as HTMLDetailsElement).open)).toBe(true);
    const segments = byFrequency(rows, 3);
    expect(await page.$$eval('#bq-cost-rows th', (els) => els.map((e) => e.textContent))).toEqual(['All customers', ...segments]);
    const typed: Record<string, [string, string]> = { web: ['', ''], shop: ['', '2'], partner: ['30', ''] };
    expect(await page.$$eval('#bq-cost-rows input', (els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['10', '', ...segments.flatMap((n) => typed[n])]);
    expect(await page.inputValue('#bq-cost-column')).toBe('handling');
    expect(await page.inputValue('#bq-horizon')).toBe('12');
    expect(await page.inputValue('#bq-top-share')).toBe('20');
  } finally {
    await again.context.close();
  }
});

test('More segments than the cap: the 200 most frequent get lines, the note says so, a typed one beyond the cap is looked up in the data', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 9));
  // 205 segments: g000 … g099 on two rows each, g100 … g204 on one; in the order of the rows, the rarest first.
  const rows: unknown[][] = [];
  for (let g = 204; g >= 0; g--) for (let k = 0; k < (g < 100 ? 2 : 1); k++) rows.push([`c${g}`, day(2024, 1 + (k % 12), 1 + (g % 27)), 10 + k, `g${String(g).padStart(3, '0')}`]);
  const { page, context, watch } = await sidebarOnTable(emu, rows, [{ name: 'amount', type: 'FLOAT64' }, { name: 'channel', type: 'STRING' }]);
  try {
    await page.selectOption('#bq-col-segment', 'channel');
    await page.click('#bq-costs summary');
    await page.waitForFunction(() => /^Lines for the/.test(document.getElementById('bq-cost-segments-note')?.textContent ?? ''));
    const expected = byFrequency(rows, 3);
    expect(expected).toHaveLength(205);
    const lines = () => page.$$eval('#bq-cost-rows th', (els) => els.map((e) => e.textContent));
    expect(await lines()).toEqual(['All customers', ...expected.slice(0, 200)]);
    expect(expected.slice(200)).toEqual(['g200', 'g201', 'g202', 'g203', 'g204']);
    expect(await page.$eval('#bq-cost-segments-note', (e) => e.textContent)).toMatch(/^Lines for the 200 most frequent of the 205 segments in the column “channel”; add another by its name\. Reading the segments from the data scanned /);
    // Beyond the cap but in the data: a line of its own.
    await page.fill('#bq-cost-add', 'g203');
    await page.click('#bq-cost-add-button');
    await page.waitForFunction(() => (document.getElementById('bq-cost-add') as HTMLInputElement).value === '');
    expect(await lines()).toEqual(['All customers', ...expected.slice(0, 200), 'g203']);
    // In no row: refused by the server's lookup, named.
    await page.fill('#bq-cost-add', 'g999');
    await page.click('#bq-cost-add-button');
    await page.waitForFunction(() => (document.getElementById('bq-error')?.textContent ?? '') !== '');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toBe('No row of the column “channel” holds the segment “g999”, so it cannot have a cost line of its own. Check the spelling: capitals and spaces count.');
    expect(await lines()).toHaveLength(202);
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** A promise the test resolves: a server answer held back until the test says so. */
function gate(): { open(): void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** The emulator's server, except that `late` calls are answered only once their gate opens (the network is slow). */
function slowServer(emu: ReturnType<typeof createEmulator>, late: Record<string, { gate: Promise<void>; answer?: () => unknown }>): SidebarBackend {
  return dispatchServer(async (name, args) => {
    const held = late[name];
    if (held) {
      delete late[name]; // only the first call is held
      await held.gate;
      if (held.answer) return held.answer();
    }
    return emu.callFromClient(name, ...args);
  });
}

/** What a previous run saved in the document (the server's answers to the two restore calls). */
const SAVED_SOURCE: BigQueryReportSettings = { projectId: 'saved-project', table: '', query: 'SELECT customer_id, ordered_at FROM sales.orders', shape: 'log', columns: { id: 'customer_id', date: 'ordered_at', amount: '', segment: '' }, period: 'month', weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: false, maxBytes: 0 };
const SAVED_VALUE: BigQueryValueSettings = {
  projectId: 'saved-project', table: '', query: SAVED_SOURCE.query, columns: SAVED_SOURCE.columns, asOf: '', maxBytes: 0,
  horizonMonths: 36, monthlyDiscountRate: 0.02, topShare: 0.3, aliveBelow: 0.4, aliveFloor: 0.05,
  costs: { all: { revenueShare: 0.15, perCustomerMonth: 0 }, segments: [], column: '' },
};

/** The BigQuery sidebar whose two restore calls are answered only when the test calls arrive(): first the source, then the customer value inputs. */
async function sidebarWithLateRestore() {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9));
  installFakeBigQuery(emu.context, {
    engine,
    tables: [{ projectId: 'shop-analytics', datasetId: 'sales', tableId: 'orders', rows: [['a', day(2), 5], ['b', day(3), 7]], schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, { name: 'amount', type: 'FLOAT64' }] }],
  });
  const source = gate();
  const value = gate();
  const sourceAnswered = gate();
  const html = readFileSync(join(root, 'dist-bigquery', 'Sidebar.html'), 'utf8');
  const opened = await openSidebar(browser, slowServer(emu, {
    sidebarBigQuerySaved: { gate: source.opened, answer: () => (sourceAnswered.open(), SAVED_SOURCE) },
    sidebarBigQueryValueSaved: { gate: value.opened, answer: () => SAVED_VALUE },
  }), html);
  const arrive = async () => {
    source.open();
    await sourceAnswered.opened;
    value.open();
    // The source's answer was sent first; the value's is in once an untouched input shows its saved value.
    await opened.page.waitForFunction(() => (document.getElementById('bq-alive-below') as HTMLInputElement).value === '40');
  };
  return { ...opened, arrive };
}

const values = (page: import('playwright-core').Page, ids: string[]) => page.evaluate((list) => list.map((id) => (document.getElementById(id) as HTMLInputElement).value), ids);
const costValues = (page: import('playwright-core').Page) => page.$$eval('#bq-cost-rows input', (els) => els.map((e) => (e as HTMLInputElement).value));

test('the saved settings arrive after the user has typed: what was typed stays, the other inputs are restored', async () => {
  const { page, context, watch, arrive } = await sidebarWithLateRestore();
  try {
    await page.fill('#bq-project', 'shop-analytics');
    await page.fill('#bq-table', 'sales.orders');
    await page.click('#bq-describe');
    await page.waitForSelector('#bq-columns:not([hidden])');
    await page.fill('#bq-horizon', '6');
    await page.click('#bq-costs summary');
    await page.locator('#bq-cost-rows input').nth(0).fill('5');
    await arrive();
    // The saved query is not put beside the typed table (a source is one or the other); the saved costs stay out of the typed one.
    expect(await values(page, ['bq-project', 'bq-table', 'bq-query', 'bq-horizon', 'bq-discount', 'bq-top-share', 'bq-alive-below', 'bq-alive-floor'])).toEqual(['shop-analytics', 'sales.orders', '', '6', '2', '30', '40', '5']);
    expect(await costValues(page)).toEqual(['5', '']);
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
  // Only the project typed: the saved query, months ahead and costs come back.
  const second = await sidebarWithLateRestore();
  try {
    await second.page.fill('#bq-project', 'typed-project');
    await second.arrive();
    expect(await values(second.page, ['bq-project', 'bq-table', 'bq-query', 'bq-horizon', 'bq-top-share'])).toEqual(['typed-project', '', SAVED_SOURCE.query, '36', '30']);
    expect(await costValues(second.page)).toEqual(['15', '']);
  } finally {
    await second.context.close();
  }
});

test('answers out of order: a slow answer for an earlier table or an earlier estimate is not shown over the newer one', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9));
  installFakeBigQuery(emu.context, {
    engine,
    tables: [
      { projectId: 'shop-analytics', datasetId: 'sales', tableId: 'old_orders', rows: [['a', day(2), 5]], schema: [{ name: 'buyer', type: 'STRING' }, { name: 'bought_at', type: 'TIMESTAMP' }, { name: 'paid', type: 'FLOAT64' }] },
      { projectId: 'shop-analytics', datasetId: 'sales', tableId: 'orders', rows: [['a', day(2), 5], ['b', day(3), 7]], schema: [{ name: 'customer_id', type: 'STRING' }, { name: 'ordered_at', type: 'TIMESTAMP' }, { name: 'amount', type: 'FLOAT64' }] },
    ],
  });
  const firstDescribe = gate();
  const firstEstimate = gate();
  const html = readFileSync(join(root, 'dist-bigquery', 'Sidebar.html'), 'utf8');
  const { page, context, watch } = await openSidebar(browser, slowServer(emu, {
    sidebarBigQueryDescribe: { gate: firstDescribe.opened },
    sidebarBigQueryEstimate: { gate: firstEstimate.opened },
  }), html);
  const answered = async () => {
    await page.waitForFunction(() => !document.getElementById('bq')!.hasAttribute('aria-busy'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50))); // the handler after the answer has run
  };
  try {
    await page.fill('#bq-project', 'shop-analytics');
    await page.fill('#bq-table', 'sales.old_orders');
    await page.click('#bq-describe'); // held
    await page.fill('#bq-table', 'sales.orders');
    await page.click('#bq-describe');
    await page.waitForFunction(() => (document.getElementById('bq-explanation')?.textContent ?? '').startsWith('shop-analytics.sales.orders:'));
    firstDescribe.open();
    await answered();
    expect(await page.$eval('#bq-explanation', (e) => e.textContent)).toMatch(/^shop-analytics\.sales\.orders: 2 rows\./);
    expect(await page.$$eval('#bq-col-id option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['customer_id', 'ordered_at', 'amount']);
    // An estimate for the monthly settings, then the period changed while it is on its way: its answer enables nothing.
    await page.click('#bq-estimate'); // held
    await page.selectOption('#bq-period', 'quarter');
    firstEstimate.open();
    await answered();
    expect(await page.$eval('#bq-estimate-text', (e) => e.textContent)).toBe('');
    expect(await page.$eval('#bq-run', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // Estimated again for what is shown: Run is offered.
    await page.click('#bq-estimate');
    await page.waitForFunction(() => !(document.getElementById('bq-run') as HTMLButtonElement).disabled);
    expect(await page.$eval('#bq-estimate-text', (e) => e.textContent)).toMatch(/^This query will scan/);
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

function findRow(emu: ReturnType<typeof createEmulator>, label: string): number {
  for (let r = 1; r <= 40; r++) if (emu.cellAt('Retention summary', r, 1).value === label) return r;
  throw new Error(`no header line "${label}"`);
}

test('a BigQuery failure shows its message in the section; the default sidebar has no BigQuery section', async () => {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague', locale: 'en_US' });
  emu.load(join(root, 'dist-bigquery', 'Code.js'));
  installFakeBigQuery(emu.context, { engine, tables: [], apiEnabled: false });
  const html = readFileSync(join(root, 'dist-bigquery', 'Sidebar.html'), 'utf8');
  const { page, context } = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)), html);
  try {
    await page.fill('#bq-project', 'shop-analytics');
    await page.fill('#bq-table', 'sales.orders');
    await page.click('#bq-describe');
    await page.waitForFunction(() => (document.getElementById('bq-error')?.textContent ?? '') !== '');
    expect(await page.$eval('#bq-error', (e) => e.textContent)).toMatch(/^The BigQuery API is not enabled in project "shop-analytics"/);
  } finally {
    await context.close();
  }
  expect(readFileSync(join(root, 'dist', 'Sidebar.html'), 'utf8')).not.toContain('id="bq"');
});
