/**
 * Loads the built dist/Code.js the way Apps Script does: one plain script in a fresh global scope
 * (node:vm), top-level function declarations becoming globals, with fakes for the few services the
 * custom functions and menu touch. Every service access is recorded, so tests can prove that loading
 * the file calls nothing and that a formula of plain counts reads nothing either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { midnightOf, dayOf, offsetMinutesOf } from '../support/days';

export const CODE_PATH = join(__dirname, '..', '..', 'dist', 'Code.js');

export interface Bundle {
  context: vm.Context;
  calls: string[];
  menus: { caption: string; functionName: string }[];
  /** Calls a global function of the loaded script with arguments converted into the script's realm. */
  call(name: string, ...args: unknown[]): unknown;
  /** A Date of the script's realm at midnight of y-m-d in the spreadsheet's zone, as Sheets passes dates. */
  date(y: number, m: number, d: number): Date;
}

/**
 * `intlWithoutZones` simulates a V8 built without time-zone data: the script's Intl formats every
 * zone as UTC, and only Utilities.formatDate (faked here from Node's own Intl) knows the offsets.
 */
export function loadBundle(options: { timeZone?: string; locale?: string; userLocale?: string; intlWithoutZones?: boolean } = {}): Bundle {
  const timeZone = options.timeZone ?? 'Europe/Prague';
  const locale = options.locale ?? 'en_US';
  const calls: string[] = [];
  const menus: { caption: string; functionName: string }[] = [];
  const record = <T>(name: string, value: T): T => {
    calls.push(name);
    return value;
  };
  const spreadsheet = {
    getSpreadsheetTimeZone: () => record('Spreadsheet.getSpreadsheetTimeZone', timeZone),
    getSpreadsheetLocale: () => record('Spreadsheet.getSpreadsheetLocale', locale),
  };
  const menu = {
    addItem(caption: string, functionName: string) {
      calls.push('Menu.addItem');
      menus.push({ caption, functionName });
      return menu;
    },
    addSeparator: () => record('Menu.addSeparator', menu),
    addToUi: () => record('Menu.addToUi', undefined),
  };
  const ui = { createAddonMenu: () => record('Ui.createAddonMenu', menu), showSidebar: () => record('Ui.showSidebar', undefined) };
  let content = '<html lang="en">';
  const html = {
    setTitle: () => record('HtmlOutput.setTitle', html),
    setWidth: () => record('HtmlOutput.setWidth', html),
    getContent: () => record('HtmlOutput.getContent', content),
    setContent: (c: string) => record('HtmlOutput.setContent', ((content = c), html)),
  };
  const utilities = {
    formatDate(date: Date, zone: string, pattern: string) {
      calls.push('Utilities.formatDate');
      if (pattern !== 'Z') throw new Error(`the fake formats only "Z", not ${pattern}`);
      // Utilities.formatDate follows java.text.SimpleDateFormat with java.util.TimeZone, whose
      // getTimeZone answers GMT for an id it does not know instead of failing (TimeZone's Javadoc;
      // seen in Apps Script too: github.com/pixelcog/gmail-to-pdf/issues/13, "EDT" formatted as GMT).
      const offset = Math.trunc(offsetMinutesOf(date.getTime(), zone) ?? 0);
      const a = Math.abs(offset);
      return `${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
    },
  };
  const context = vm.createContext({
    Utilities: utilities,
    Session: { getActiveUserLocale: () => record('Session.getActiveUserLocale', options.userLocale ?? locale.split('_')[0]) },
    SpreadsheetApp: {
      getActiveSpreadsheet: () => record('SpreadsheetApp.getActiveSpreadsheet', spreadsheet),
      getUi: () => record('SpreadsheetApp.getUi', ui),
    },
    HtmlService: { createHtmlOutputFromFile: () => record('HtmlService.createHtmlOutputFromFile', html) },
  });
  if (options.intlWithoutZones) {
    vm.runInContext(
      `(() => { const Real = Intl.DateTimeFormat;
        Intl.DateTimeFormat = function (locale, opts) { return new Real(locale, Object.assign({}, opts, { timeZone: 'UTC' })); };
      })();`,
      context,
    );
  }
  new vm.Script(readFileSync(CODE_PATH, 'utf8'), { filename: 'Code.js' }).runInContext(context);
  const CtxDate = vm.runInContext('Date', context) as DateConstructor;
  const toRealm = vm.runInContext(
    '(function toRealm(v) { return Array.isArray(v) ? Array.from(v, toRealm) : v; })',
    context,
  ) as (v: unknown) => unknown;
  return {
    context,
    calls,
    menus,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`${name} is not a global function of the bundle`);
      return (fn as (...a: unknown[]) => unknown)(...args.map(toRealm));
    },
    date(y, m, d) {
      return new CtxDate(midnightOf(dayOf(y, m, d), timeZone));
    },
  };
}
