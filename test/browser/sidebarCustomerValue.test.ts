/**
 * The sidebar's "Customer value" section in chromium against the fake server: when it is enabled, the
 * exact settings it sends, the in-flight state, its own error and result lines, client-side checks, and
 * saved settings coming back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { CustomerValueSettings } from '../../src/addon/protocol';
import { FakeSidebarServer, XSS_NAME } from './fakeServer';
import { idle, sidebarSession } from './harness';

const session = sidebarSession();

/** Opens the sidebar on the Customer value step. */
async function start(server = new FakeSidebarServer()) {
  const opened = await session.start(server);
  await opened.page.click('#tab-value');
  return opened;
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const VALUE_INPUTS = ['#horizon', '#discount', '#top-share', '#alive-below', '#alive-floor', '#cost-column'];

const ORDERS: CustomerValueSettings = {
  sheetName: 'Orders',
  headerRow: 1,
  shape: 'log',
  columns: { id: 1, date: 2, amount: 3, signup: 0, cancel: 0, segment: 4, quantity: 0, unitPrice: 0 },
  asOf: '',
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  topShare: 0.2,
  aliveBelow: 0.5,
  aliveFloor: 0.1,
  costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
};

describe('the Customer value section', () => {
  test('is enabled for a transaction log with an amount column only', async () => {
    const { page } = await start();
    const enabled = async () => Promise.all(['#estimate', ...VALUE_INPUTS].map((s) => page.isEnabled(s)));
    expect(await enabled()).toEqual([true, true, true, true, true, true, true]);
    expect(await text(page, '#value-note')).toMatch(/^Predicts each customer’s purchases/);
    expect(await page.inputValue('#alive-floor')).toBe('10');
    expect(await page.inputValue('#horizon')).toBe('12');
    expect(await page.inputValue('#discount')).toBe('1');
    expect(await page.inputValue('#top-share')).toBe('20');
    expect(await page.inputValue('#alive-below')).toBe('50');

    await page.selectOption('#col-amount', '0');
    expect(await enabled()).toEqual([false, false, false, false, false, false, false]);
    expect(await text(page, '#value-note')).toBe('Needs a transaction log with an amount column: choose them under Your data.');
    expect(await page.$$eval('#cost-rows input', (els) => els.every((e) => (e as HTMLInputElement).disabled))).toBe(true);
    await page.selectOption('#col-amount', '3');
    expect(await enabled()).toEqual([true, true, true, true, true, true, true]);

    await page.selectOption('#sheet', 'Subscribers'); // a customer table
    await idle(page);
    expect(await enabled()).toEqual([false, false, false, false, false, false, false]);
    await page.selectOption('#sheet', XSS_NAME); // a log without amounts
    await idle(page);
    expect(await enabled()).toEqual([false, false, false, false, false, false, false]);
    expect(await text(page, '#value-note')).toMatch(/^Needs a transaction log with an amount column/);
  });

  test('sends the form as CustomerValueSettings; everything is disabled while it runs; the result opens the sheet', async () => {
    const server = new FakeSidebarServer();
    const { page, bridge } = await start(server);
    await page.fill('#as-of', '2020-06-30');
    await page.fill('#horizon', '36');
    await page.fill('#discount', '0.5');
    await page.fill('#top-share', '12.5');
    await page.fill('#alive-below', '35');

    const gate = bridge.hold('sidebarCustomerValue');
    await page.click('#estimate');
    await gate.reached;
    const enabled = await page.$$eval('button, input, select', (els) => els.filter((e) => !e.matches(':disabled')).map((e) => e.id));
    expect(enabled).toEqual([]);
    expect(await page.isVisible('#value-progress .spinner')).toBe(true);
    expect(await text(page, '#value-progress')).toBe('Estimating customer value…');
    expect(await page.isVisible('#progress')).toBe(false);
    expect(await page.getAttribute('#app', 'aria-busy')).toBe('true');
    await page.locator('#estimate').click({ force: true }); // a disabled button starts nothing
    gate.release();
    await idle(page);

    const expected: CustomerValueSettings = { ...ORDERS, asOf: '2020-06-30', horizonMonths: 36, monthlyDiscountRate: 0.005, topShare: 0.125, aliveBelow: 0.35 };
    expect(bridge.argsOf('sidebarCustomerValue')).toStrictEqual([[expected]]);
    expect(JSON.stringify(server.estimated)).toBe(JSON.stringify([expected]));
    expect(await page.isVisible('#value-progress')).toBe(false);
    expect(await text(page, '#value-result-text')).toBe('400 customers scored from 2,000 rows: 36-month CLV 12,346 in total, 7 top customers at risk, 3 lapsed.');
    expect(await page.isVisible('#value-warnings')).toBe(false);
    expect(await page.getAttribute('#value-result', 'class')).toBe('result');
    expect(await page.isVisible('#result')).toBe(false); // the summary's result line stays as it was
    expect(await page.isEnabled('#estimate')).toBe(true);

    await page.getByRole('button', { name: 'Open customer value sheet' }).click();
    await idle(page);
    expect(bridge.argsOf('sidebarShowSheet')).toEqual([['Customer value']]);
    expect(server.shown).toEqual(['Customer value']);
  });

  test('checks the inputs before calling, and shows the server’s error in its own error line', async () => {
    const { page, bridge } = await start();
    const cases: [string, string, string][] = [
      ['#horizon', '0', 'The months ahead must be a whole number from 1 to 600.'],
      ['#horizon', '2.5', 'The months ahead must be a whole number from 1 to 600.'],
      ['#discount', '100', 'The discount a month must be a percentage from 0 to below 100, such as 1.'],
      ['#top-share', '', 'The top spenders must be a percentage above 0 and at most 100, such as 20.'],
      ['#alive-below', '0', 'The active-chance threshold must be a percentage above 0 and at most 100, such as 50.'],
      ['#alive-floor', '50', 'The lapsed threshold must be a percentage of 0 or more and below the active-chance threshold of 50, such as 10.'],
      ['#alive-floor', '-1', 'The lapsed threshold must be a percentage of 0 or more and below the active-chance threshold of 50, such as 10.'],
    ];
    const defaults: Record<string, string> = { '#horizon': '12', '#discount': '1', '#top-share': '20', '#alive-below': '50', '#alive-floor': '10' };
    for (const [input, value, message] of cases) {
      await page.fill(input, value);
      await page.click('#estimate');
      expect(await text(page, '#value-error'), `${input} = ${value}`).toBe(message);
      expect(await page.isVisible('#error')).toBe(false);
      // The input the message is about is marked, and described by it.
      expect(await page.getAttribute(input, 'aria-invalid'), input).toBe('true');
      expect(await page.getAttribute(input, 'aria-describedby'), input).toContain('value-error');
      await page.fill(input, defaults[input]);
    }
    expect(bridge.argsOf('sidebarCustomerValue')).toEqual([]);

    await page.fill('#horizon', '200'); // the fake server refuses horizons above 120 months
    await page.click('#estimate');
    await idle(page);
    expect(await text(page, '#value-error')).toBe('Fewer than 10 customers bought again with a positive amount.');
    expect(await page.$eval('#value-error', (e) => getComputedStyle(e).color)).toBe('rgb(197, 34, 31)');
    expect(await page.isVisible('#value-result')).toBe(false);

    // Another run clears the error line.
    await page.fill('#horizon', '12');
    await page.click('#tab-summary');
    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#value-error')).toBe(false);
  });

  test('takes a cost to serve per segment and a cost column, blank segment fields falling back to all customers', async () => {
    const { page, bridge } = await start();
    expect(await page.$eval('#costs', (e) => (e as HTMLDetailsElement).open)).toBe(false);
    await page.click('#costs > summary');
    // One line for all customers, then one per segment of the chosen segment column (Region: East, West).
    expect(await page.$$eval('#cost-rows th', (els) => els.map((e) => e.textContent))).toEqual(['All customers', 'East', 'West']);
    expect(await page.$eval('#cost-column', (s) => [...(s as HTMLSelectElement).options].map((o) => o.text))).toEqual(['— none —', 'A — Customer ID', 'B — Order date', 'C — Amount', 'D — Region']);
    const inputs = page.locator('#cost-rows input');
    await inputs.nth(0).fill('12.5'); // all customers: 12.5 % of revenue
    await inputs.nth(1).fill('1.5'); // …and 1.50 a month
    await inputs.nth(5).fill('3'); // West: 3.00 a month, share as all customers
    expect(await inputs.nth(4).getAttribute('placeholder')).toBe('12.5'); // West's share shows the fallback
    await page.selectOption('#cost-column', '4');
    mkdirSync(join(__dirname, '..', '..', 'out'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'out', 'sidebar-cost-to-serve.png'), fullPage: true });
    await page.click('#estimate');
    await idle(page);
    const sent = bridge.argsOf('sidebarCustomerValue')[0][0] as CustomerValueSettings;
    expect(sent.costs).toStrictEqual({
      column: 4,
      all: { revenueShare: 0.125, perCustomerMonth: 1.5 },
      segments: [{ name: 'West', revenueShare: null, perCustomerMonth: 3 }],
    });
    // Labels for screen readers, a message for a share above 100 %.
    expect(await inputs.nth(4).evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent)).toBe('West: cost as % of revenue');
    await inputs.nth(2).fill('120');
    await page.click('#estimate');
    expect(await text(page, '#value-error')).toBe('The cost to serve of “East” as a share of revenue must be a percentage from 0 to 100, such as 15.');
    expect(await inputs.nth(2).getAttribute('aria-invalid')).toBe('true');
    // No segment column: only the line for all customers.
    await page.selectOption('#col-segment', '0');
    await idle(page);
    expect(await page.$$eval('#cost-rows th', (els) => els.map((e) => e.textContent))).toEqual(['All customers']);
  });

  test('marks a result the model does not fully back, and lists why', async () => {
    const { page } = await start();
    await page.fill('#horizon', '99'); // the fake server answers with two warnings
    await page.click('#estimate');
    await idle(page);
    expect(await text(page, '#value-result-text')).toBe('400 customers scored from 2,000 rows: 99-month CLV 12,346 in total, 7 top customers at risk, 3 lapsed. But the model cannot be fully trusted:');
    expect(await page.$$eval('#value-warnings li', (els) => els.map((e) => e.textContent))).toEqual([
      'Only 40 of 400 customers bought more than once.',
      'Spend and purchase frequency are correlated (ρ = 0.62).',
    ]);
    expect(await page.getAttribute('#value-result', 'class')).toBe('result caution');
    expect(await page.$eval('#value-result', (e) => getComputedStyle(e).borderLeftColor)).toBe('rgb(242, 153, 0)');
    // A later sound run reads as a plain success again.
    await page.fill('#horizon', '12');
    await page.click('#estimate');
    await idle(page);
    expect(await page.isVisible('#value-warnings')).toBe(false);
    expect(await page.getAttribute('#value-result', 'class')).toBe('result');
  });

  test('saved customer-value settings come back into the inputs', async () => {
    const savedCustomerValue: CustomerValueSettings = {
      ...ORDERS, horizonMonths: 18, monthlyDiscountRate: 0.007, topShare: 0.15, aliveBelow: 0.3, aliveFloor: 0.05,
      costs: { column: 3, all: { revenueShare: 0.07, perCustomerMonth: 0 }, segments: [{ name: 'East', revenueShare: null, perCustomerMonth: 2.5 }] },
    };
    const { page, bridge } = await start(new FakeSidebarServer({ savedCustomerValue }));
    expect(await page.inputValue('#horizon')).toBe('18');
    expect(await page.inputValue('#discount')).toBe('0.7');
    expect(await page.inputValue('#top-share')).toBe('15');
    expect(await page.inputValue('#alive-below')).toBe('30');
    expect(await page.inputValue('#alive-floor')).toBe('5');
    expect(await page.$eval('#costs', (e) => (e as HTMLDetailsElement).open)).toBe(true);
    expect(await page.inputValue('#cost-column')).toBe('3');
    expect(await page.$$eval('#cost-rows input', (els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['7', '', '', '2.5', '', '']);
    await page.click('#estimate');
    await idle(page);
    expect(bridge.argsOf('sidebarCustomerValue')).toStrictEqual([[savedCustomerValue]]);
  });
});
