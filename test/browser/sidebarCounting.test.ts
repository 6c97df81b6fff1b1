/**
 * The sidebar's counting choices in chromium against the fake server: "A customer is lost after [K]
 * [periods] without a purchase" with the suggestion from the data in words, refunds as purchases,
 * and a log whose amount is quantity × unit price; exactly what is sent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ReportSettings } from '../../src/addon/protocol';
import { FakeSidebarServer } from './fakeServer';
import { idle, sidebarSession } from './harness';

const session = sidebarSession();
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const chosen = (page: Page, selector: string) => page.$eval(selector, (s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? null);

describe('sidebar counting choices', () => {
  test('the lapse window: default 1, the suggestion in words, "Use", per period unit; refunds as purchases', async () => {
    const { page, bridge } = await session.start(new FakeSidebarServer());
    expect(await page.getByLabel('A customer is lost after').inputValue()).toBe('1');
    expect(await text(page, '#lapse-unit')).toBe('month without a purchase');
    expect(await text(page, '#lapse-hint')).toBe("Suggested from the data: 3. 82% of customers' returns came within 3 months of their previous purchase.");
    expect(await page.isVisible('#lapse-use')).toBe(true);
    await page.getByRole('button', { name: 'Use 3' }).click();
    expect(await page.inputValue('#lapse-after')).toBe('3');
    expect(await text(page, '#lapse-unit')).toBe('months without a purchase');
    expect(await page.isVisible('#lapse-use')).toBe(false);

    // The suggestion follows the period unit; the chosen K stays until changed.
    await page.selectOption('#period', 'week');
    expect(await text(page, '#lapse-hint')).toMatch(/^Suggested from the data: 9\. 81% of customers' returns came within 9 weeks/);
    expect(await page.inputValue('#lapse-after')).toBe('3');
    expect(await text(page, '#lapse-unit')).toBe('weeks without a purchase');
    await page.selectOption('#period', 'year');
    expect(await text(page, '#lapse-hint')).toBe('No customer bought in two different periods yet, so there is no suggestion.');
    await page.selectOption('#period', 'month');

    expect(await page.isVisible('#refunds')).toBe(true);
    expect(await page.isChecked('#refunds')).toBe(false);
    await page.getByLabel('Count refunds (negative amounts) as purchases').check();
    await page.click('#generate');
    await idle(page);
    const sent = bridge.argsOf('sidebarGenerate')[0][0] as ReportSettings;
    expect([sent.lapseAfter, sent.refundsAreActivity]).toEqual([3, true]);

    // A window that is not a whole number ≥ 1 is caught before calling.
    await page.fill('#lapse-after', '0');
    await page.click('#generate');
    expect(await text(page, '#error')).toBe('The number of periods without a purchase after which a customer is lost must be a whole number from 1 to 600.');
    expect(bridge.argsOf('sidebarGenerate')).toHaveLength(1);
    await page.fill('#lapse-after', '2.5');
    await page.click('#generate');
    expect(await text(page, '#error')).toMatch(/must be a whole number from 1 to 600/);
  });

  test('a customer table has no lapse window and no refund choice; they are sent as the defaults', async () => {
    const { page, bridge } = await session.start(new FakeSidebarServer());
    await page.fill('#lapse-after', '4');
    await page.check('#refunds');
    await page.selectOption('#sheet', 'Subscribers');
    await idle(page);
    expect(await page.isVisible('#lapse-after')).toBe(false);
    expect(await page.isVisible('#refunds')).toBe(false);
    await page.click('#generate');
    await idle(page);
    const sent = bridge.argsOf('sidebarGenerate')[0][0] as ReportSettings;
    expect([sent.shape, sent.lapseAfter, sent.refundsAreActivity]).toEqual(['table', 1, false]);
  });

  test('quantity × unit price: shown when there is no amount column, said in words, sent, and enough for customer value', async () => {
    const { page, bridge } = await session.start(new FakeSidebarServer({ active: 'Retail' }));
    expect(await chosen(page, '#col-amount')).toBe('— none —');
    expect(await page.isVisible('#col-quantity')).toBe(true);
    expect(await chosen(page, '#col-quantity')).toBe('B — Quantity');
    expect(await chosen(page, '#col-unitPrice')).toBe('D — UnitPrice');
    expect(await text(page, '#product-note')).toBe('No amount column: the amount of each row is B — Quantity × D — UnitPrice.');
    expect(await text(page, '#lapse-hint')).toContain('(From the first 300,000 rows.)');
    expect(await page.isVisible('#refunds')).toBe(true);
    expect(await page.isEnabled('#estimate')).toBe(true);
    await page.click('#generate');
    await idle(page);
    const sent = bridge.argsOf('sidebarGenerate')[0][0] as ReportSettings;
    expect(sent.columns).toStrictEqual({ id: 5, date: 3, amount: 0, signup: 0, cancel: 0, segment: 0, quantity: 2, unitPrice: 4 });

    // Choosing an amount column hides quantity and price, and they are no longer sent.
    await page.selectOption('#col-amount', '4');
    expect(await page.isVisible('#col-quantity')).toBe(false);
    expect(await page.isVisible('#product-note')).toBe(false);
    await page.click('#generate');
    await idle(page);
    const second = bridge.argsOf('sidebarGenerate')[1][0] as ReportSettings;
    expect(second.columns).toMatchObject({ amount: 4, quantity: 0, unitPrice: 0 });
  });
});
