/**
 * The built sidebar (dist/Sidebar.html) in Debian's chromium, talking to a server through the
 * google.script.run bridge: rendering, re-detection, the exact settings sent, the in-flight state,
 * errors, the result action, HTML in user strings, and no console errors or network requests.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ReportSettings } from '../../src/addon/protocol';
import { dispatchServer, type SidebarBackend } from './bridge';
import { FakeSidebarServer, XSS_NAME } from './fakeServer';
import { idle, sidebarSession } from './harness';

const session = sidebarSession();

function start(server: SidebarBackend = new FakeSidebarServer()) {
  return session.start(server);
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const chosen = (page: Page, selector: string) =>
  page.$eval(selector, (s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? null);
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

const ORDERS_SETTINGS: ReportSettings = {
  sheetName: 'Orders',
  headerRow: 1,
  shape: 'log',
  columns: { id: 1, date: 2, amount: 3, signup: 0, cancel: 0, segment: 4, quantity: 0, unitPrice: 0 },
  period: 'month',
  weekStart: 'monday',
  mode: 'in',
  asOf: '',
  segmentFilter: '',
  breakdown: false,
  lapseAfter: 1,
  refundsAreActivity: false,
};

describe('sidebar in chromium', () => {
  test('renders the sheets and the proposal, with labels and live regions', async () => {
    const { page, bridge } = await start();
    expect(bridge.calls.map((c) => c.name)).toEqual(['sidebarState']);
    expect(await texts(page, '#sheet option')).toEqual(['Orders', 'Retail', 'Subscribers', XSS_NAME, 'Empty', 'Cohort summary']);
    expect(await page.getAttribute('#sheet optgroup', 'label')).toBe('Made by this add-on');
    expect(await page.inputValue('#sheet')).toBe('Orders');
    expect(await page.inputValue('#header-row')).toBe('1');
    expect(await page.inputValue('#shape')).toBe('log');
    expect(await chosen(page, '#col-id')).toBe('A — Customer ID');
    expect(await chosen(page, '#col-date')).toBe('B — Order date');
    expect(await chosen(page, '#col-amount')).toBe('C — Amount');
    expect(await chosen(page, '#col-segment')).toBe('D — Region');
    expect(await texts(page, '#col-segment option')).toEqual(['— none —', 'A — Customer ID', 'B — Order date', 'C — Amount', 'D — Region']);
    expect((await texts(page, '#col-id option'))[0]).toBe('Choose a column');
    expect(await page.isVisible('#col-date')).toBe(true);
    expect(await page.isVisible('#col-signup')).toBe(false);
    expect(await page.isVisible('#col-cancel')).toBe(false);
    expect(await page.isVisible('#week-start')).toBe(false);
    expect(await text(page, '#explanation')).toBe('One row per purchase: customers in A, dates in B, amounts in C. 2,000 data rows below the header.');
    expect(await texts(page, '#segment-filter option')).toEqual(['All customers', 'East', 'West']);
    expect(await page.inputValue('#period')).toBe('month');
    expect(await page.isChecked('#mode-in')).toBe(true);
    expect(await page.isEnabled('#breakdown')).toBe(true);
    expect(await page.isEnabled('#generate')).toBe(true);
    expect(await text(page, '#version')).toBe('Retention Analytics 0.1.0');
    expect(await page.isVisible('#welcome')).toBe(false);
    expect(await page.getAttribute('#tab-summary', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#horizon')).toBe(false); // customer value is the other step
    expect(await page.isVisible('#progress')).toBe(false);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.isVisible('#result')).toBe(false);
    // Every control has a bound label; the live regions are announced.
    expect(await page.$$eval('input, select', (els) => els.filter((e) => !(e as HTMLInputElement).labels?.length).map((e) => e.id))).toEqual([]);
    expect(await page.getAttribute('#progress', 'role')).toBe('status');
    expect(await page.getAttribute('#progress', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#error', 'role')).toBe('alert');
    expect(await page.getByLabel('Customer ID').getAttribute('id')).toBe('col-id');
  });

  test('changing the source sheet or the header row re-detects', async () => {
    const { page, bridge } = await start();
    await page.selectOption('#sheet', 'Subscribers');
    await idle(page);
    expect(bridge.argsOf('sidebarDetect')).toEqual([['Subscribers']]);
    expect(await page.inputValue('#shape')).toBe('table');
    expect(await page.isVisible('#col-date')).toBe(false);
    expect(await chosen(page, '#col-signup')).toBe('C — Signed up');
    expect(await chosen(page, '#col-cancel')).toBe('D — Cancelled');
    expect(await chosen(page, '#col-amount')).toBe('E — MRR');
    expect(await text(page, '#amount-label')).toBe('Revenue per period');
    expect(await chosen(page, '#col-segment')).toBe('B — Plan');
    expect(await texts(page, '#segment-filter option')).toEqual(['All customers', 'Basic', 'Pro']);

    await page.fill('#header-row', '2');
    await page.press('#header-row', 'Tab');
    await idle(page);
    expect(bridge.argsOf('sidebarDetect')).toEqual([['Subscribers'], ['Subscribers', 2]]);
    expect(await text(page, '#explanation')).toContain('349 data rows');

    await page.fill('#header-row', '0');
    await page.press('#header-row', 'Tab');
    expect(await text(page, '#error')).toBe('The header row must be a whole number, 1 or more.');
    expect(await page.inputValue('#header-row')).toBe('2');
    expect(bridge.argsOf('sidebarDetect')).toHaveLength(2);

    // A sheet the server cannot read: its error, and no stale columns left to send.
    await page.selectOption('#sheet', 'Empty');
    await idle(page);
    expect(await text(page, '#error')).toBe('Sheet "Empty" is empty.');
    expect(await page.isEnabled('#generate')).toBe(false);
    expect(await page.isEnabled('#col-id')).toBe(false);
    await page.selectOption('#sheet', 'Orders');
    await idle(page);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await chosen(page, '#col-id')).toBe('A — Customer ID');
    expect(await page.isEnabled('#generate')).toBe(true);
  });

  test('generate sends the form as ReportSettings; everything is disabled while it runs; the result opens the sheet', async () => {
    const server = new FakeSidebarServer();
    const { page, bridge } = await start(server);
    await page.selectOption('#period', 'week');
    expect(await page.isVisible('#week-start')).toBe(true);
    await page.selectOption('#week-start', 'sunday');
    await page.check('#mode-later');
    await page.fill('#as-of', '2020-06-30');
    await page.selectOption('#segment-filter', 'West');

    const gate = bridge.hold('sidebarGenerate');
    await page.click('#generate');
    await gate.reached;
    const enabled = await page.$$eval('button, input, select', (els) => els.filter((e) => !e.matches(':disabled')).map((e) => e.id));
    expect(enabled).toEqual([]);
    expect(await page.isVisible('#progress .spinner')).toBe(true);
    expect(await text(page, '#progress')).toBe('Generating summary…');
    expect(await page.getAttribute('#app', 'aria-busy')).toBe('true');
    await page.locator('#generate').click({ force: true }); // a disabled button starts nothing
    gate.release();
    await idle(page);

    const expected: ReportSettings = {
      ...ORDERS_SETTINGS,
      period: 'week',
      weekStart: 'sunday',
      mode: 'inOrAfter',
      asOf: '2020-06-30',
      segmentFilter: 'West',
    };
    expect(bridge.argsOf('sidebarGenerate')).toStrictEqual([[expected]]);
    expect(JSON.stringify(server.generated)).toBe(JSON.stringify([expected]));
    expect(await page.isVisible('#progress')).toBe(false);
    expect(await text(page, '#result-text')).toBe('12 cohorts by week from 2,000 rows (3 skipped)');
    expect(await page.isVisible('#open-sheet')).toBe(true);
    expect(await page.isEnabled('#generate')).toBe(true);

    mkdirSync('out', { recursive: true });
    await page.screenshot({ path: 'out/sidebar.png', fullPage: true });

    await page.getByRole('button', { name: 'Open summary sheet' }).click();
    await idle(page);
    expect(bridge.argsOf('sidebarShowSheet')).toEqual([['Cohort summary']]);
    expect(server.shown).toEqual(['Cohort summary']);
  });

  test('segment column, filter and breakdown stay consistent', async () => {
    const { page, bridge } = await start();
    await page.selectOption('#segment-filter', 'East');
    await page.check('#breakdown');
    expect(await page.isEnabled('#segment-filter')).toBe(false);
    expect(await page.inputValue('#segment-filter')).toBe('');

    await page.selectOption('#col-segment', '1');
    await idle(page);
    expect(bridge.argsOf('sidebarSegments')).toEqual([['Orders', 1, 1]]);
    expect(await texts(page, '#segment-filter option')).toEqual(['All customers', 'C001', 'C002', 'C003']);
    await page.click('#generate');
    await idle(page);

    await page.selectOption('#col-segment', '0');
    expect(await page.isEnabled('#breakdown')).toBe(false);
    expect(await page.isChecked('#breakdown')).toBe(false);
    expect(await page.isEnabled('#segment-filter')).toBe(false);
    expect(bridge.argsOf('sidebarSegments')).toHaveLength(1);
    await page.click('#generate');
    await idle(page);

    const [[withBreakdown], [withoutSegment]] = bridge.argsOf('sidebarGenerate') as ReportSettings[][];
    expect(withBreakdown).toStrictEqual({ ...ORDERS_SETTINGS, columns: { ...ORDERS_SETTINGS.columns, segment: 1 }, breakdown: true });
    expect(withoutSegment).toStrictEqual({ ...ORDERS_SETTINGS, columns: { ...ORDERS_SETTINGS.columns, segment: 0 } });
  });

  test('a server error shows in the error style; a missing column is caught before calling', async () => {
    const { page, bridge } = await start();
    await page.fill('#as-of', '1990-01-01');
    await page.click('#generate');
    await idle(page);
    const message = 'The "as of" date 1990-01-01 is before the first date in the data (2019-01-03).';
    expect(await page.getByRole('alert').textContent()).toBe(message);
    expect(await page.isVisible('#error')).toBe(true);
    // The server named the setting: its control is marked, described by the message, and focused.
    expect(await page.getAttribute('#as-of', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#as-of', 'aria-describedby')).toBe('as-of-hint error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('as-of');
    expect(await page.$eval('#error', (e) => getComputedStyle(e).color)).toBe('rgb(197, 34, 31)');
    expect(await page.isVisible('#result')).toBe(false);

    await page.fill('#as-of', '');
    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.getAttribute('#as-of', 'aria-invalid')).toBeNull();
    expect(await page.getAttribute('#as-of', 'aria-describedby')).toBe('as-of-hint');
    expect(await text(page, '#result-text')).toBe('12 cohorts by month from 2,000 rows (3 skipped)');

    await page.selectOption('#col-id', '0');
    await page.click('#generate');
    expect(await text(page, '#error')).toBe('Choose the customer ID column.');
    expect(await page.isVisible('#result')).toBe(false);
    expect(bridge.argsOf('sidebarGenerate')).toHaveLength(2);
  });

  test('HTML in sheet names, headers, segments and errors is shown as text', async () => {
    const { page, bridge } = await start();
    await page.selectOption('#sheet', XSS_NAME);
    await idle(page);
    expect(bridge.argsOf('sidebarDetect')).toEqual([[XSS_NAME]]);
    expect(await chosen(page, '#sheet')).toBe(XSS_NAME);
    expect(await chosen(page, '#col-id')).toBe('A — <b>Customer</b>');
    expect(await chosen(page, '#col-segment')).toBe('C — <script>alert(2)</script>');
    expect(await texts(page, '#segment-filter option')).toEqual(['All customers', '<img src=y onerror=alert(3)>']);
    expect(await text(page, '#explanation')).toContain('Customers in "<b>Customer</b>"');
    await page.click('#generate');
    await idle(page);
    expect(await text(page, '#error')).toBe(`Sheet "${XSS_NAME}" has no dates in column B.`);
    await page.waitForTimeout(200); // time for an injected image's onerror to fire, had there been one
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
  });

  test('saved settings come back, segments of a saved segment column included', async () => {
    const saved: ReportSettings = {
      sheetName: 'Subscribers',
      headerRow: 1,
      shape: 'table',
      columns: { id: 1, date: 0, amount: 0, signup: 3, cancel: 4, segment: 1, quantity: 0, unitPrice: 0 },
      period: 'quarter',
      weekStart: 'monday',
      mode: 'inOrAfter',
      asOf: '2021-12-31',
      segmentFilter: 'globex',
      breakdown: false,
      lapseAfter: 1,
      refundsAreActivity: false,
    };
    const { page, bridge } = await start(new FakeSidebarServer({ saved }));
    expect(bridge.argsOf('sidebarSegments')).toEqual([['Subscribers', 1, 1]]);
    expect(await page.inputValue('#sheet')).toBe('Subscribers');
    expect(await chosen(page, '#col-amount')).toBe('— none —');
    expect(await page.inputValue('#period')).toBe('quarter');
    expect(await page.isChecked('#mode-later')).toBe(true);
    expect(await page.inputValue('#as-of')).toBe('2021-12-31');
    expect(await page.inputValue('#segment-filter')).toBe('globex');
    await page.click('#generate');
    await idle(page);
    expect(bridge.argsOf('sidebarGenerate')).toStrictEqual([[saved]]);
  });

  test('without a proposal the analyst picks the sheet first', async () => {
    const { page, bridge } = await start(new FakeSidebarServer({ active: 'Cohort summary' }));
    expect(await chosen(page, '#sheet')).toBe('Choose a sheet…');
    expect(await text(page, '#explanation')).toBe('Pick the sheet that holds your data.');
    expect(await page.isEnabled('#generate')).toBe(false);
    // What data works, shown before anything else; the columns appear once there is a source.
    expect(await page.isVisible('#welcome')).toBe(true);
    expect(await page.isVisible('#col-id')).toBe(false);
    await page.selectOption('#sheet', 'Orders');
    await idle(page);
    expect(bridge.argsOf('sidebarDetect')).toEqual([['Orders']]);
    expect(await page.isEnabled('#generate')).toBe(true);
    expect(await page.isVisible('#welcome')).toBe(false);
    expect(await page.isVisible('#col-id')).toBe(true);
  });

  test('a failing first call shows its message (server given as a dispatch function)', async () => {
    const { page } = await start(
      dispatchServer(() => {
        throw new Error('Authorization is required to perform that action.');
      }),
    );
    expect(await page.getByRole('alert').textContent()).toBe('Authorization is required to perform that action.');
    expect(await page.isEnabled('#sheet')).toBe(true);
    expect(await page.isEnabled('#generate')).toBe(false);
  });
});
