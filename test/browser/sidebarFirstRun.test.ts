/**
 * A first run against the fake server: an empty workbook says what data works and offers the sample;
 * checks name the control to change and mark it; a result line goes once the source changes; the two
 * steps are tabs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FakeSidebarServer } from './fakeServer';
import { idle, sidebarSession } from './harness';

const session = sidebarSession();
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

describe('the first run', () => {
  test('an empty workbook explains both data shapes and inserts the sample on request', async () => {
    const server = new FakeSidebarServer({ empty: true });
    const { page, bridge } = await session.start(server);
    expect(await page.isVisible('#welcome')).toBe(true);
    const welcome = await text(page, '#welcome');
    expect(welcome).toContain('Transaction log: one row per purchase, with the customer ID, the date');
    expect(welcome).toContain('Customer table: one row per customer, with the customer ID, the signup date, the cancel date');
    expect(await page.isEnabled('#generate')).toBe(false);
    expect(await page.isVisible('#generate')).toBe(true);

    await page.getByRole('button', { name: 'Insert a sample sheet' }).click();
    await idle(page);
    expect(bridge.calls.map((c) => c.name)).toEqual(['sidebarState', 'sidebarInsertSample']);
    expect(server.samples).toEqual(['Sample orders']);
    expect(await page.inputValue('#sheet')).toBe('Sample orders');
    expect(await page.isVisible('#welcome')).toBe(false);
    expect(await page.isEnabled('#generate')).toBe(true);
    expect(await text(page, '#explanation')).toContain('236 data rows below the header.');
  });

  test('a column of the wrong kind is named, with what to change, and its control is marked', async () => {
    const { page, bridge } = await session.start(new FakeSidebarServer());
    await page.selectOption('#col-date', '3'); // C — Amount: numbers
    await page.click('#generate');
    expect(await text(page, '#error')).toBe(
      'You chose column C (Amount) as the purchase date, but it holds numbers, not dates. Choose a column of dates.',
    );
    expect(await page.getAttribute('#col-date', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#col-date', 'aria-describedby')).toBe('error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('col-date');
    expect(bridge.argsOf('sidebarGenerate')).toEqual([]);

    // The same column for two roles.
    await page.selectOption('#col-date', '2');
    expect(await page.getAttribute('#col-date', 'aria-invalid')).toBeNull();
    await page.selectOption('#col-amount', '1');
    await page.click('#generate');
    expect(await text(page, '#error')).toBe(
      'Column A (Customer ID) is chosen as both the customer ID and the amount. Choose another column for one of them.',
    );
    expect(await page.getAttribute('#col-amount', 'aria-invalid')).toBe('true');
    await page.selectOption('#col-amount', '3');
    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.getAttribute('#col-amount', 'aria-invalid')).toBeNull();
    expect(bridge.argsOf('sidebarGenerate')).toHaveLength(1);
  });

  test('a result line goes when the source changes', async () => {
    const { page } = await session.start(new FakeSidebarServer());
    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#result')).toBe(true);
    await page.selectOption('#col-segment', '0');
    expect(await page.isVisible('#result')).toBe(false);

    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#result')).toBe(true);
    await page.selectOption('#sheet', 'Subscribers');
    await idle(page);
    expect(await page.isVisible('#result')).toBe(false);

    // A setting of the summary is not the source: the line stays.
    await page.click('#generate');
    await idle(page);
    await page.selectOption('#period', 'quarter');
    expect(await page.isVisible('#result')).toBe(true);
  });

  test('the two steps are tabs with their own panel and action, keyboard included', async () => {
    const { page } = await session.start(new FakeSidebarServer());
    expect(await page.getAttribute('[role=tablist]', 'aria-label')).toBe('What to make');
    expect(await page.isVisible('#generate')).toBe(true);
    expect(await page.isVisible('#estimate')).toBe(false);
    await page.focus('#tab-summary');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-value');
    expect(await page.getAttribute('#tab-value', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#tab-summary', 'tabindex')).toBe('-1');
    expect(await page.isVisible('#panel-value')).toBe(true);
    expect(await page.isVisible('#panel-summary')).toBe(false);
    expect(await page.isVisible('#estimate')).toBe(true);
    expect(await page.isVisible('#generate')).toBe(false);
    // The technical terms are in the tooltips, the labels in plain words.
    expect(await text(page, 'label[for=alive-below]')).toBe('Active chance below (%)');
    expect(await page.getAttribute('label[for=alive-below]', 'title')).toContain('P(alive)');
    expect(await page.getAttribute('#value-note', 'title')).toContain('BG/NBD');
    expect(await text(page, '#value-note')).not.toContain('BG/NBD');
    await page.keyboard.press('ArrowLeft');
    expect(await page.isVisible('#generate')).toBe(true);
  });
});
