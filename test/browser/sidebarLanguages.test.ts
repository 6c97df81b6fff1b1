/**
 * The sidebar in each of its four languages, in a 300 × 760 window (the Sheets sidebar in a small
 * laptop's browser): the main action in view without scrolling, every text in the language,
 * numbers written the language's way; screenshots in out/sidebar-<language>.png. Then the real
 * thing: the Czech sidebar as dist/Code.js opens it in the emulator, on a cs_CZ workbook.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CDNOW_LOG } from '../support/cdnow';
import { workbook } from '../report/workbook';
import { dispatchServer } from './bridge';
import { FakeSidebarServer } from './fakeServer';
import { idle, launchChromium, openSidebar } from './harness';

const OUT = join(__dirname, '..', '..', 'out');
const NBSP = '\u00a0';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * What a reader of each language sees, written here by hand (not taken from the catalogues). Polish
 * and Hungarian group digits only from five on: 2000, but 10 000.
 */
const EXPECTED = {
  en: { data: 'Your data', generate: 'Generate summary', estimate: 'Estimate customer value', value: 'Customer value', rows: '2,000 data rows below the header.', none: '— none —' },
  cs: { data: 'Vaše data', generate: 'Vytvořit přehled', estimate: 'Odhadnout hodnotu zákazníků', value: 'Hodnota zákazníků', rows: `2${NBSP}000 řádků dat pod záhlavím.`, none: '— žádný —' },
  pl: { data: 'Twoje dane', generate: 'Utwórz podsumowanie', estimate: 'Oszacuj wartość klientów', value: 'Wartość klientów', rows: '2000 wierszy danych pod nagłówkiem.', none: '— brak —' },
  hu: { data: 'Az adatai', generate: 'Összesítő készítése', estimate: 'Ügyfélérték becslése', value: 'Ügyfélérték', rows: '2000 adatsor a fejléc alatt.', none: '— nincs —' },
} as const;

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

/** True when the element is fully inside the 760 px viewport without scrolling. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= 760 && box.height > 0;
}

/** The visible texts of the static markup, to find any left in English. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.$$eval('[data-i18n]', (els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === 'OPTION').map((e) => (e.textContent ?? '').trim()),
  );
}

describe('four languages', () => {
  let english: string[] = [];
  for (const language of ['en', 'cs', 'pl', 'hu'] as const) {
    test(`${language}: every text in the language, numbers its way, the main action in view at 760 px`, async () => {
      const { page, context, watch } = await openSidebar(browser, new FakeSidebarServer({ language }));
      try {
        await idle(page);
        const want = EXPECTED[language];
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        expect(await text(page, '#source-title')).toBe(want.data);
        expect(await text(page, '#generate')).toBe(want.generate);
        expect(await text(page, '#tab-value')).toBe(want.value);
        expect(await text(page, '#explanation')).toContain(want.rows);
        expect(await page.$eval('#col-segment', (s) => (s as HTMLSelectElement).options[0].text)).toBe(want.none);
        const texts = await visibleTexts(page);
        if (language === 'en') english = texts;
        else {
          // Words that are the same in the language ("Segment", "Online") may repeat; sentences may not.
          const same = texts.filter((t, i) => t === english[i] && /\s\S+\s/.test(t));
          expect(same).toEqual([]);
        }
        // The main action is visible in a 760 px-high window, before any scrolling.
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(760);
        expect(await inView(page, '#generate')).toBe(true);
        await page.screenshot({ path: join(OUT, `sidebar-${language}.png`) });
        // Scrolled to the end, and on the other step, it still is.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        expect(await inView(page, '#generate')).toBe(true);
        await page.click('#tab-value');
        expect(await text(page, '#estimate')).toBe(want.estimate);
        expect(await inView(page, '#estimate')).toBe(true);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(OUT, `sidebar-${language}-value.png`) });
      } finally {
        await context.close();
      }
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.dialogs).toEqual([]);
    });
  }
});

test('the Czech sidebar dist/Code.js opens on a cs_CZ workbook, and generates the summary', async () => {
  const emu = workbook('Europe/Prague', 'cs_CZ');
  emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'Objednávky' });
  emu.call('onOpen', { authMode: 'FULL' });
  emu.runMenuItem('Otevřít kohortní přehled');
  const sidebar = emu.ui.sidebar!;
  expect(sidebar.title).toBe('Retention Analytics');
  expect(sidebar.html).toContain('<html lang="cs">');
  const { page, context, watch } = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)), sidebar.html);
  try {
    await idle(page);
    expect(await text(page, '#generate')).toBe('Vytvořit přehled');
    expect(await text(page, '#explanation')).toContain(`69${NBSP}659 řádků dat pod záhlavím.`);
    await page.selectOption('#period', 'quarter');
    await page.click('#generate');
    await idle(page);
    expect(await page.isVisible('#result')).toBe(true);
    expect(await page.isVisible('#error')).toBe(false);
    await page.screenshot({ path: join(OUT, 'sidebar-cs-emulator.png') });
  } finally {
    await context.close();
  }
  expect(watch.consoleErrors).toEqual([]);
});

test("a user's own language wins over the workbook's: a Polish user in a Hungarian workbook", async () => {
  const { createEmulator } = await import('../../tools/emulator/index');
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Budapest', locale: 'hu_HU', userLocale: 'pl' });
  emu.load(join(__dirname, '..', '..', 'dist', 'Code.js'));
  emu.call('onOpen', { authMode: 'FULL' });
  expect(emu.ui.menuItems().map((i) => i.caption)).toEqual(['Otwórz raport kohort', 'Odśwież podsumowanie']);
  emu.runMenuItem('Otwórz raport kohort');
  expect(emu.ui.sidebar!.html).toContain('<html lang="pl">');
  expect((emu.callFromClient('sidebarState') as { language: string }).language).toBe('pl');
});
