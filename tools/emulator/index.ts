// A local Google Sheets + Apps Script emulator: loads the built bundle unmodified into a node:vm
// context whose globals are the Apps Script services, runs it against an in-memory spreadsheet and
// counts every service call. See README.md beside this file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { types as utilTypes } from 'node:util';
import * as vm from 'node:vm';
import { cellA1, parseA1 } from './a1.js';
import { ENV, EXECUTION_TIME_MESSAGE, Env } from './core.js';
import { DEFAULT_NUMBER_FORMAT, isValidTimeZone, wallToInstant, zoneOffsetMs } from './dates.js';
import { exportXlsx, importCdnow, importCsv, toWorkbook, type ImportCsvOptions } from './io.js';
import {
  ChartsService,
  CacheServiceImpl,
  HtmlServiceImpl,
  LockServiceImpl,
  LoggerImpl,
  PropertiesServiceImpl,
  ScriptAppImpl,
  ScriptEnums,
  SessionImpl,
  SpreadsheetAppService,
  UiRecorder,
  UtilitiesImpl,
  formatLogValue,
  type HtmlSource,
  type LockResource,
  type LogEntry,
} from './services.js';
import { Range, Sheet, Spreadsheet, displayCell, readCell, type Cell } from './spreadsheet.js';

export { UiRecorder, Spreadsheet, Sheet, Range, toWorkbook };
export type { LogEntry, ImportCsvOptions };
export type { MenuRecord, MenuEntry, SidebarRecord, DialogRecord, AlertRecord, ToastRecord } from './services.js';

export interface EmulatorOptions {
  /** IANA zone of the spreadsheet (dates in cells are wall-clock in it). Default 'Europe/Prague'. */
  spreadsheetTimeZone?: string;
  /** IANA zone of the script project (Session.getScriptTimeZone). Default 'Etc/UTC'. */
  scriptTimeZone?: string;
  /** Spreadsheet locale. Default 'en_US'. */
  locale?: string;
  /**
   * Session.getActiveUserLocale(): the user's language setting, "en" for English (Google's Session
   * reference). Default: the language of the spreadsheet locale ('cs' for 'cs_CZ').
   */
  userLocale?: string;
  /** Default 'Untitled spreadsheet'. */
  spreadsheetName?: string;
  /** Session.getActiveUser().getEmail(). Default '' (as for an add-on user of another domain). */
  activeUserEmail?: string;
  /** Session.getEffectiveUser().getEmail(). Default ''. */
  effectiveUserEmail?: string;
  /** Directory of the .html files for HtmlService. Default: the loaded code file's directory. */
  htmlDir?: string;
  /** In-memory .html files by name, looked up before htmlDir. */
  htmlFiles?: Record<string, string>;
  /** Also print the script's console/Logger output to the process console. Default false. */
  echoLogs?: boolean;
  /**
   * Time limits of one execution, as Apps Script enforces them: call/callFromClient/runMenuItem
   * (default 360,000 ms, the 6-minute limit) and runCustomFunction (default 30,000 ms). A call that
   * runs longer is stopped and throws "Exceeded maximum execution time". 0 turns a limit off.
   */
  timeLimitMs?: { execution?: number; customFunction?: number };
}

/** Counts by "Class.method"; a name never called reads 0. `total` is the sum. */
export type CallCounts = { readonly total: number } & { readonly [name: string]: number };

export interface CellInfo {
  /** As getValue returns it (a vm-realm Date for a date cell, "" for a blank). */
  value: unknown;
  /** As getDisplayValue returns it. */
  display: string;
  /** The formula, if the cell holds one. */
  formula?: string;
  /** The stored number (a date's serial) or text, undefined for blank or formula cells. */
  raw?: string | number | boolean;
  type: 'blank' | 'number' | 'date' | 'text' | 'boolean' | 'formula';
  numberFormat: string;
  fontWeight: string;
  fontStyle: string;
  fontColor: string;
  background: string;
  horizontalAlignment: string;
  wrap: boolean;
  note: string;
}

/** A stored cell as the snapshot shows it (the same fields the emulator keeps). */
export type CellSnapshot = Cell;

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  columnWidths: Record<string, number>;
  merges: string[];
  /** Non-empty cells by A1 address. */
  cells: Record<string, CellSnapshot>;
  conditionalFormats: unknown[];
  charts: unknown[];
}

export interface Snapshot {
  name: string;
  timeZone: string;
  locale: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
  namedRanges: Record<string, string>;
  developerMetadata: { id: number; key: string; value: string | null; visibility: string; location: string }[];
  documentProperties: Record<string, string>;
}

function rangeRefText(r: Range): string {
  return `${r._sheet._name}!${r.getA1Notation()}`;
}

export class SheetsEmulator {
  readonly context: vm.Context;
  readonly spreadsheet: Spreadsheet;
  readonly ui = new UiRecorder();
  /** Everything the script logged (console.*, Logger.log) and the emulator's own warnings. */
  readonly logs: LogEntry[] = [];
  /** The property stores, as plain Maps (tests may seed or inspect them directly). */
  readonly properties = { document: new Map<string, string>(), user: new Map<string, string>(), script: new Map<string, string>() };
  /** Kinds of lock ('document', 'script', 'user') a call still held when it returned (then released). */
  readonly leakedLocks: string[] = [];
  readonly calls: CallCounts;
  private readonly env: Env;
  private readonly htmlSource: HtmlSource;
  private readonly locks: Record<'document' | 'script' | 'user', LockResource> = {
    document: { owner: 'none' },
    script: { owner: 'none' },
    user: { owner: 'none' },
  };
  private readonly echo: boolean;
  private htmlDirExplicit: boolean;
  private readonly limits: { execution: number; customFunction: number };
  private readonly invoker: vm.Script;

  constructor(options: EmulatorOptions = {}) {
    const spreadsheetTimeZone = options.spreadsheetTimeZone ?? 'Europe/Prague';
    const scriptTimeZone = options.scriptTimeZone ?? 'Etc/UTC';
    for (const tz of [spreadsheetTimeZone, scriptTimeZone]) if (!isValidTimeZone(tz)) throw new Error(`Unknown time zone: ${tz}`);
    this.echo = options.echoLogs === true;
    this.limits = { execution: options.timeLimitMs?.execution ?? 360_000, customFunction: options.timeLimitMs?.customFunction ?? 30_000 };
    this.invoker = new vm.Script('__emulatorInvoke__()', { filename: 'emulator-call' });
    this.htmlSource = { dir: options.htmlDir, files: { ...(options.htmlFiles ?? {}) } };
    this.htmlDirExplicit = options.htmlDir !== undefined;
    const sandbox: Record<string, unknown> = {};
    this.context = vm.createContext(sandbox, { name: 'Apps Script emulator' });
    const env = (this.env = new Env(this.context, { spreadsheetTimeZone, scriptTimeZone, locale: options.locale ?? 'en_US' }));
    this.spreadsheet = new Spreadsheet(env, options.spreadsheetName ?? 'Untitled spreadsheet', this.ui);
    const sink = (e: LogEntry): void => {
      this.logs.push(e);
      if (this.echo) (e.level === 'error' ? console.error : e.level === 'warn' ? console.warn : console.log)(`[${e.source}] ${e.message}`);
    };
    const scriptConsole: Record<string, unknown> = {};
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
      scriptConsole[level] = (...args: unknown[]) => sink({ source: 'console', level: level === 'log' ? 'info' : level, message: args.map(formatLogValue).join(' ') });
    }
    scriptConsole.time = () => {};
    scriptConsole.timeEnd = () => {};
    const globals: Record<string, unknown> = {
      SpreadsheetApp: new SpreadsheetAppService(env, this.spreadsheet, this.ui),
      Charts: new ChartsService(),
      PropertiesService: new PropertiesServiceImpl(env, this.properties),
      LockService: new LockServiceImpl(env, this.locks),
      CacheService: new CacheServiceImpl(env, { document: new Map(), user: new Map(), script: new Map() }),
      HtmlService: new HtmlServiceImpl(env, this.htmlSource),
      Session: new SessionImpl(env, { active: options.activeUserEmail ?? '', effective: options.effectiveUserEmail ?? '', locale: options.userLocale }),
      Utilities: new UtilitiesImpl(env, (message) => sink({ source: 'emulator', level: 'warn', message })),
      Logger: new LoggerImpl(env, sink),
      ScriptApp: new ScriptAppImpl(env),
      console: scriptConsole,
    };
    for (const [k, v] of Object.entries(globals)) Object.defineProperty(sandbox, k, { value: v, writable: true, configurable: true, enumerable: false });
    // The script realm's local time (new Date(y, m, d), getHours) follows the process's zone, while in
    // Apps Script it follows the project's zone: say so when they differ.
    const probe = [Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15)];
    if (probe.some((t) => zoneOffsetMs(t, scriptTimeZone) !== -new Date(t).getTimezoneOffset() * 60_000)) {
      sink({
        source: 'emulator',
        level: 'warn',
        message: `The process time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}) differs from scriptTimeZone ${scriptTimeZone}: local-time Date methods in the script follow the process (run with TZ=${scriptTimeZone} to match).`,
      });
    }
    this.calls = new Proxy({} as CallCounts, {
      get: (_t, key) => {
        if (key === 'total') return env.total;
        if (typeof key !== 'string') return undefined;
        if (key === 'toJSON') return () => Object.fromEntries(env.counts);
        return env.counts.get(key) ?? 0;
      },
      has: (_t, key) => key === 'total' || (typeof key === 'string' && env.counts.has(key)),
      ownKeys: () => [...env.counts.keys()],
      getOwnPropertyDescriptor: (_t, key) =>
        typeof key === 'string' && env.counts.has(key) ? { value: env.counts.get(key), enumerable: true, configurable: true, writable: false } : undefined,
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // loading and calling

  /** Runs a built bundle as Apps Script does: a plain script whose top-level declarations become globals. */
  load(codePath = 'dist/Code.js'): void {
    const p = resolve(codePath);
    if (!this.htmlDirExplicit) this.htmlSource.dir = dirname(p);
    this.loadSource(readFileSync(p, 'utf8'), p);
  }

  /** Like load, with the code given as text. */
  loadSource(code: string, filename = 'Code.js'): void {
    const script = new vm.Script(code, { filename });
    this.execute(() => script.runInContext(this.context));
  }

  /** Calls a global function of the loaded code as Apps Script would (one execution). */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.globalFunction(name);
    const vmArgs = args.map((a) => this.eventArg(a));
    return this.execute(() => this.invoke(() => fn(...vmArgs), this.limits.execution));
  }

  /**
   * Calls a function as google.script.run does from the sidebar: arguments and the result pass
   * through JSON-like serialization. Dates and functions are refused in arguments (the call fails,
   * as in Apps Script); a result that holds a Date or a function arrives as null.
   */
  callFromClient(name: string, ...args: unknown[]): unknown {
    const fn = this.globalFunction(name);
    const vmArgs = args.map((a, i) => {
      if (containsForbidden(a)) throw new Error(`google.script.run: argument ${i + 1} of ${name} holds a Date, function or other unsupported type`);
      return a === undefined ? undefined : this.env.realm.JSON.parse(JSON.stringify(a));
    });
    const result = this.execute(() => this.invoke(() => fn(...vmArgs), this.limits.execution));
    if (result === undefined) return undefined;
    if (containsForbidden(result)) return null;
    return JSON.parse(JSON.stringify(result));
  }

  /**
   * Runs a custom function as a cell formula would: arguments given as A1 references (strings
   * passed through ref()) become the cells' values (a single cell a scalar, a range a 2D array), other
   * arguments pass as they are. Spreadsheet writes and Ui are refused inside, as in Sheets. Returns
   * the result or, when the function throws, { error: '#ERROR!', message }.
   */
  runCustomFunction(name: string, ...args: unknown[]): unknown {
    const fn = this.globalFunction(name);
    const vmArgs = args.map((a) => {
      if (a instanceof CellRef) {
        const range = this.rangeOf(a.a1);
        const values = range.getValues();
        return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
      }
      return a;
    });
    this.env.customFunctionMode = true;
    try {
      return this.execute(() => this.invoke(() => fn(...vmArgs), this.limits.customFunction));
    } catch (e) {
      return { error: '#ERROR!', message: typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e) };
    } finally {
      this.env.customFunctionMode = false;
    }
  }

  /** Marks an A1 reference ("Sheet1!A2:D") as a range argument for runCustomFunction. */
  ref(a1: string): CellRef {
    return new CellRef(a1);
  }

  /** Runs the function behind a recorded menu item, found by its caption. */
  runMenuItem(caption: string): unknown {
    const item = this.ui.menuItems().find((i) => i.caption === caption);
    if (!item) throw new Error(`No menu item "${caption}"; menus: ${JSON.stringify(this.ui.menuItems().map((i) => i.caption))}`);
    return this.call(item.functionName);
  }

  private globalFunction(name: string): (...a: unknown[]) => unknown {
    let fn = (this.context as Record<string, unknown>)[name];
    if (typeof fn !== 'function' && /^[A-Za-z_$][\w$]*$/.test(name)) {
      fn = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, this.context);
    }
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn as (...a: unknown[]) => unknown;
  }

  private eventArg(a: unknown): unknown {
    // onOpen/onInstall events: an authMode given as a string becomes the ScriptApp.AuthMode value.
    if (a && typeof a === 'object' && !Array.isArray(a) && typeof (a as { authMode?: unknown }).authMode === 'string') {
      const mode = (a as { authMode: string }).authMode as keyof typeof ScriptEnums.AuthMode;
      if (mode in ScriptEnums.AuthMode) return this.env.object({ ...(a as object), authMode: ScriptEnums.AuthMode[mode] });
    }
    return a;
  }

  /** Runs fn from a script in the context, so vm's timeout can stop a runaway call. */
  private invoke<T>(fn: () => T, timeoutMs: number): T {
    if (!(timeoutMs > 0)) return fn();
    const sandbox = this.context as Record<string, unknown>;
    Object.defineProperty(sandbox, '__emulatorInvoke__', { value: fn, configurable: true, writable: true, enumerable: false });
    try {
      return this.invoker.runInContext(this.context, { timeout: timeoutMs }) as T;
    } catch (e) {
      if (e && typeof e === 'object' && (e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw this.env.error(EXECUTION_TIME_MESSAGE);
      }
      throw e;
    } finally {
      delete sandbox.__emulatorInvoke__;
    }
  }

  /** Evaluates an expression or statements in the script's realm (e.g. 'x instanceof Date'). */
  evaluate(code: string): unknown {
    return this.execute(() => vm.runInContext(code, this.context));
  }

  private execute<T>(run: () => T): T {
    const env = this.env;
    env.depth = 0;
    env.crashed = false;
    try {
      const result = run();
      // An execution that "died" (crashOn) ends with the time-limit error, whatever the script did after.
      if (env.crashed) throw env.error(EXECUTION_TIME_MESSAGE);
      return result;
    } catch (e) {
      if (env.crashed) throw env.error(EXECUTION_TIME_MESSAGE);
      throw e;
    } finally {
      env.crashed = false;
      env.depth = 0;
      for (const kind of ['document', 'script', 'user'] as const) {
        if (this.locks[kind].owner === 'self') {
          this.leakedLocks.push(kind);
          this.locks[kind].owner = 'none';
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // counting, failures, locks

  resetCalls(): void {
    this.env.resetCounts();
  }

  /** Counts as a plain object (only names called at least once) plus total. */
  callCounts(): Record<string, number> {
    return { ...Object.fromEntries(this.env.counts), total: this.env.total };
  }

  /**
   * Makes the nth call (from now, counting from 1) of e.g. 'Range.setValues' throw, and the
   * `times − 1` calls of that name after it (Infinity: every later one, a failure that persists).
   */
  failOn(methodName: string, nth = 1, message = 'Service error (injected)', times = 1): void {
    if (!/^[A-Za-z]+\.[A-Za-z0-9_]+$/.test(methodName)) throw new Error(`failOn: expected "Class.method", got ${methodName}`);
    this.env.failures.push({ name: methodName, remaining: Math.max(1, Math.trunc(nth)), message, times: Math.max(1, times) });
  }

  /**
   * Makes the execution die at the nth call (from now) of e.g. 'Range.setValues', as Apps Script's
   * time limit stops a script mid-way: that call does nothing, and every later call of the same
   * execution fails without running, so whatever clean-up the script attempts changes nothing.
   * The execution ends with "Exceeded maximum execution time".
   */
  crashOn(methodName: string, nth = 1): void {
    if (!/^[A-Za-z]+\.[A-Za-z0-9_]+$/.test(methodName)) throw new Error(`crashOn: expected "Class.method", got ${methodName}`);
    this.env.crash = { name: methodName, remaining: Math.max(1, Math.trunc(nth)) };
  }

  clearFailures(): void {
    this.env.failures = [];
    this.env.crash = null;
  }

  /** Every counted call since the last resetCalls, in order ("Class.method"). */
  callLog(): string[] {
    return [...this.env.log];
  }

  /**
   * Simulates another user holding the document lock: tryLock/waitLock fail at once (no real
   * waiting) unless releasesAfterMs is given and the caller's timeout is at least that long.
   * Returns the function that releases it.
   */
  holdDocumentLock(opts: { releasesAfterMs?: number } = {}): () => void {
    return this.holdLock('document', opts);
  }

  holdScriptLock(opts: { releasesAfterMs?: number } = {}): () => void {
    return this.holdLock('script', opts);
  }

  private holdLock(kind: 'document' | 'script', opts: { releasesAfterMs?: number }): () => void {
    const r = this.locks[kind];
    r.owner = 'other';
    r.otherReleasesAfterMs = opts.releasesAfterMs;
    return () => {
      if (r.owner === 'other') {
        r.owner = 'none';
        r.otherReleasesAfterMs = undefined;
      }
    };
  }

  /** Who holds each lock now. */
  lockState(): Record<'document' | 'script' | 'user', 'none' | 'self' | 'other'> {
    return { document: this.locks.document.owner, script: this.locks.script.owner, user: this.locks.user.owner };
  }

  // ---------------------------------------------------------------------------------------------
  // data helpers (none of these count as service calls)

  /** A Date of the script's realm at the given wall-clock time (default midnight) in the spreadsheet's zone. */
  date(y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
    return this.env.date(wallToInstant(Date.UTC(y, m - 1, d, h, mi, s), this.env.spreadsheetTimeZone));
  }

  get spreadsheetTimeZone(): string {
    return this.env.spreadsheetTimeZone;
  }

  importCsv(text: string, options: ImportCsvOptions = {}): Sheet {
    return importCsv(this.spreadsheet, text, options);
  }

  importCdnow(text: string, options: { sheetName?: string; activate?: boolean } = {}): Sheet {
    return importCdnow(this.spreadsheet, text, options);
  }

  /** Writes the workbook with exceljs (charts and developer metadata are not written). */
  exportXlsx(path: string): Promise<void> {
    return exportXlsx(this.spreadsheet, path);
  }

  /** The sheet by exact name; throws when there is none. */
  sheet(name: string): Sheet {
    const s = this.spreadsheet._sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"; sheets: ${JSON.stringify(this.spreadsheet._sheets.map((x) => x._name))}`);
    return s;
  }

  sheetNames(): string[] {
    return this.spreadsheet._sheets.map((s) => s._name);
  }

  private rangeOf(a1: string, sheetName?: string): Range {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Not an A1 reference: ${a1}`);
    const sheet = ref.sheetName !== undefined ? this.sheet(ref.sheetName) : sheetName !== undefined ? this.sheet(sheetName) : this.spreadsheet._active;
    return sheet._rangeFromRef(ref);
  }

  /** Values as getValues returns them (Dates of the script's realm), of a range or the sheet's data range. */
  values(sheetName: string, a1?: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    const range = a1 ? this.rangeOf(a1, sheetName) : sheet._range(1, 1, Math.max(1, sheet._lastRow()), Math.max(1, sheet._lastCol()));
    return range._map((c) => readCell(this.env, c, range._sheet));
  }

  /** Display texts, of a range or the sheet's data range. */
  displayValues(sheetName: string, a1?: string): string[][] {
    const sheet = this.sheet(sheetName);
    const range = a1 ? this.rangeOf(a1, sheetName) : sheet._range(1, 1, Math.max(1, sheet._lastRow()), Math.max(1, sheet._lastCol()));
    return range._map((c) => displayCell(c, range._sheet));
  }

  /** Everything about one cell (1-based row and column). */
  cellAt(sheetName: string, row: number, col: number): CellInfo {
    const sheet = this.sheet(sheetName);
    const cell: Cell | undefined = sheet._cell(row, col);
    const type: CellInfo['type'] = !cell || (cell.v === undefined && cell.f === undefined)
      ? 'blank'
      : cell.f !== undefined
        ? 'formula'
        : typeof cell.v === 'number'
          ? readCell(this.env, cell, sheet) instanceof this.env.realm.Date
            ? 'date'
            : 'number'
          : typeof cell.v === 'boolean'
            ? 'boolean'
            : 'text';
    const info: CellInfo = {
      value: readCell(this.env, cell, sheet),
      display: displayCell(cell, sheet),
      type,
      numberFormat: cell?.nf ?? DEFAULT_NUMBER_FORMAT,
      fontWeight: cell?.fw ?? 'normal',
      fontStyle: cell?.fs ?? 'normal',
      fontColor: cell?.fc ?? '#000000',
      background: cell?.bg ?? '#ffffff',
      horizontalAlignment: cell?.ha ?? 'general',
      wrap: cell?.wrap ?? false,
      note: cell?.note ?? '',
    };
    if (cell?.f !== undefined && cell.f !== '') info.formula = cell.f;
    if (cell?.v !== undefined && cell.f === undefined) info.raw = cell.v;
    return info;
  }

  /** Simulates the user selecting a range (SpreadsheetApp.getActiveRange and the active sheet follow). */
  select(sheetName: string, a1: string): void {
    const range = this.rangeOf(a1, sheetName);
    this.spreadsheet._active = range._sheet;
    this.spreadsheet._activeRange = range;
  }

  /** A deep, JSON-comparable picture of the whole spreadsheet. */
  snapshot(): Snapshot {
    const ss = this.spreadsheet;
    return {
      name: ss._name,
      timeZone: this.env.spreadsheetTimeZone,
      locale: this.env.locale,
      activeSheet: ss._active._name,
      sheets: ss._sheets.map((s) => {
        const cells: Record<string, CellSnapshot> = {};
        s._rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (cell && Object.keys(cell).length) cells[cellA1(r + 1, c + 1)] = { ...cell };
          }),
        );
        return {
          name: s._name,
          sheetId: s._id,
          hidden: s._hidden,
          maxRows: s._maxRows,
          maxColumns: s._maxCols,
          frozenRows: s._frozenRows,
          frozenColumns: s._frozenCols,
          tabColor: s._tabColor,
          columnWidths: Object.fromEntries([...s._colWidths].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v])),
          merges: s._merges.map((m) => new Range(this.env, s, m.r, m.c, m.nr, m.nc).getA1Notation()),
          cells,
          conditionalFormats: s._cf.map((rule) => ({
            ranges: rule.ranges.map(rangeRefText),
            gradient: rule.gradient ? JSON.parse(JSON.stringify(rule.gradient)) : undefined,
            boolean: rule.boolean ? JSON.parse(JSON.stringify(rule.boolean)) : undefined,
          })),
          charts: s._charts.map((c) => ({
            id: c.id,
            type: c.type,
            ranges: c.ranges.map(rangeRefText),
            options: Object.fromEntries(c.options),
            position: [c.anchorRow, c.anchorCol, c.offsetX, c.offsetY],
          })),
        };
      }),
      namedRanges: Object.fromEntries([
        ...[...ss._named.values()].map((n) => [n.name, `${n.sheet._name}!${new Range(this.env, n.sheet, n.r, n.c, n.nr, n.nc).getA1Notation()}`]),
        ...[...ss._brokenNames.values()].map((name) => [name, '#REF!']),
      ]),
      developerMetadata: ss._meta.map((m) => ({
        id: m.id,
        key: m.key,
        value: m.value,
        visibility: m.visibility,
        location:
          m.loc.type === 'SPREADSHEET'
            ? 'SPREADSHEET'
            : m.loc.type === 'SHEET'
              ? `SHEET ${m.loc.sheet._name}`
              : `${m.loc.type} ${m.loc.sheet._name}!${m.loc.start}+${m.loc.count}`,
      })),
      documentProperties: Object.fromEntries(this.properties.document),
    };
  }

  /** The number of times a method was called ('Range.setValues'); 0 if never. */
  count(name: string): number {
    return this.env.counts.get(name) ?? 0;
  }

  /** Internal state, for advanced tests. */
  get _env(): Env {
    return this.env;
  }
}

export class CellRef {
  constructor(readonly a1: string) {}
}

function containsForbidden(v: unknown, seen = new Set<unknown>()): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'function' || utilTypes.isDate(v)) return true;
  if (typeof v !== 'object') return false;
  if (seen.has(v)) return true;
  seen.add(v);
  return Object.values(v as object).some((x) => containsForbidden(x, seen));
}

export type Emulator = SheetsEmulator;

export function createEmulator(options: EmulatorOptions = {}): SheetsEmulator {
  return new SheetsEmulator(options);
}

export { ENV };
