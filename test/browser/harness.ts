/**
 * Debian's chromium through playwright-core, and a page showing the built dist/Sidebar.html with the
 * google.script.run bridge, watching for console errors, dialogs and network requests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { serveSidebar, type Bridge, type SidebarBackend } from './bridge';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Never resolvable (.invalid), and answered by a route anyway: the page only ever sees this document. */
export const SIDEBAR_URL = 'http://sidebar.invalid/';
const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** dist/Sidebar.html as npm run build wrote it; refuses a build older than src/sidebar/. */
export function builtSidebar(): string {
  const built = join(root, 'dist/Sidebar.html');
  if (!existsSync(built)) throw new Error('dist/Sidebar.html is missing: run npm run build first');
  const sources = join(root, 'src/sidebar');
  const newest = Math.max(...readdirSync(sources).map((f) => statSync(join(sources, f)).mtimeMs));
  if (statSync(built).mtimeMs < newest) throw new Error('dist/Sidebar.html is older than src/sidebar/: run npm run build');
  return readFileSync(built, 'utf8');
}

export interface Watch {
  consoleErrors: string[];
  dialogs: string[];
  /** Every request the page made, data: URLs left out. */
  requests: string[];
}

export interface OpenSidebar {
  context: BrowserContext;
  page: Page;
  bridge: Bridge;
  watch: Watch;
}

export async function openSidebar(browser: Browser, server: SidebarBackend, html = builtSidebar()): Promise<OpenSidebar> {
  // 300 px like the Sheets sidebar; twice the pixels so the screenshot is legible.
  const context = await browser.newContext({ viewport: { width: 300, height: 760 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const watch: Watch = { consoleErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('data:')) watch.requests.push(r.url());
  });
  await context.route('**/*', (route) =>
    route.request().url() === SIDEBAR_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  const bridge = await serveSidebar(page, server);
  await page.goto(SIDEBAR_URL);
  return { context, page, bridge, watch };
}

/** Waits until no server call is in flight. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
}

/**
 * One browser for a test file, a fresh sidebar page per test, and after each test the checks every
 * sidebar test wants: no console errors, no dialogs, no request but the page itself.
 */
export function sidebarSession(): { start(server: SidebarBackend): Promise<OpenSidebar> } {
  let browser: Browser;
  let current: OpenSidebar | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!current) return;
    const { context, watch } = current;
    current = null;
    await context.close();
    expect(watch.consoleErrors, 'console errors').toEqual([]);
    expect(watch.dialogs, 'dialogs').toEqual([]);
    expect(watch.requests, 'requests').toEqual([SIDEBAR_URL]);
  });
  return {
    async start(server) {
      current = await openSidebar(browser, server);
      await idle(current.page);
      return current;
    },
  };
}
