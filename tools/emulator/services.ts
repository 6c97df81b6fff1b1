// The script-facing services besides the spreadsheet model: SpreadsheetApp, Ui, HtmlService,
// PropertiesService, LockService, CacheService, Session, Utilities, Logger, ScriptApp, Charts.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { types as utilTypes } from 'node:util';
import * as vm from 'node:vm';
import { ENV, Env, EnumValue, enumName, instrument, makeEnum, setEnv, typeName, type Carrier } from './core.js';
import { PatternError, formatJavaDate, isValidTimeZone } from './dates.js';
import { parseCsvText } from './csv.js';
import {
  ChartsEnums,
  ConditionalFormatRuleBuilder,
  Range,
  Sheet,
  Spreadsheet,
  SpreadsheetEnums,
} from './spreadsheet.js';

// -----------------------------------------------------------------------------------------------
// Ui

export const UiEnums = {
  Button: makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']),
  ButtonSet: makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']),
};

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { subMenu: MenuRecord };

export interface MenuRecord {
  /** The menu's caption; null for the add-on menu (Sheets titles it with the add-on's name). */
  title: string | null;
  addon: boolean;
  items: MenuEntry[];
}

export interface SidebarRecord {
  title: string;
  width: number;
  height: number;
  html: string;
}

export interface DialogRecord extends SidebarRecord {
  modal: boolean;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  /** The button the emulator answered with, and the text for a prompt. */
  response: string;
  responseText?: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What the script showed the user; tests read it and queue the user's answers. */
export class UiRecorder {
  menus: MenuRecord[] = [];
  sidebars: SidebarRecord[] = [];
  dialogs: DialogRecord[] = [];
  alerts: AlertRecord[] = [];
  toasts: ToastRecord[] = [];
  private responses: { button: string; text: string }[] = [];

  /** The last sidebar shown, or undefined. */
  get sidebar(): SidebarRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  /** Queues the user's answer to the next alert or prompt ('OK', 'CANCEL', 'YES', 'NO', 'CLOSE'). */
  respondWith(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text = ''): void {
    this.responses.push({ button, text });
  }

  /** Every menu item (caption → function name), sub-menus flattened. */
  menuItems(): { caption: string; functionName: string; menu: string | null }[] {
    const out: { caption: string; functionName: string; menu: string | null }[] = [];
    const walk = (m: MenuRecord): void => {
      for (const it of m.items) {
        if ('caption' in it) out.push({ caption: it.caption, functionName: it.functionName, menu: m.title });
        else if ('subMenu' in it) walk(it.subMenu);
      }
    };
    this.menus.forEach(walk);
    return out;
  }

  toast(message: string, title: string, timeoutSeconds: number): void {
    this.toasts.push({ message, title, timeoutSeconds });
  }

  _next(buttons: string): { button: string; text: string } {
    const r = this.responses.shift();
    if (r) return r;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }

  clear(): void {
    this.menus = [];
    this.sidebars = [];
    this.dialogs = [];
    this.alerts = [];
    this.toasts = [];
    this.responses = [];
  }
}

export class Ui implements Carrier {
  declare [ENV]: Env;
  readonly Button = UiEnums.Button;
  readonly ButtonSet = UiEnums.ButtonSet;
  constructor(
    env: Env,
    private readonly _rec: UiRecorder,
  ) {
    setEnv(this, env);
  }
  createMenu(caption: string): Menu {
    return new Menu(this[ENV], this._rec, String(caption), false);
  }
  createAddonMenu(): Menu {
    return new Menu(this[ENV], this._rec, null, true);
  }
  showSidebar(userInterface: HtmlOutput): void {
    const o = asOutput(this[ENV], userInterface, 'showSidebar');
    this._rec.sidebars.push({ title: o._title, width: o._width ?? 300, height: o._height ?? 0, html: o._content });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    const o = asOutput(this[ENV], userInterface, 'showModalDialog');
    this._rec.dialogs.push({ title: String(title ?? o._title), width: o._width ?? 600, height: o._height ?? 400, html: o._content, modal: true });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const o = asOutput(this[ENV], userInterface, 'showModelessDialog');
    this._rec.dialogs.push({ title: String(title ?? o._title), width: o._width ?? 600, height: o._height ?? 400, html: o._content, modal: false });
  }
  alert(a: unknown, b?: unknown, c?: unknown): EnumValue {
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (c !== undefined) {
      title = String(a);
      prompt = String(b);
      buttons = enumName(c);
    } else if (b !== undefined) {
      prompt = String(a);
      buttons = enumName(b);
    } else prompt = String(a);
    const r = this._rec._next(buttons);
    this._rec.alerts.push({ kind: 'alert', title, prompt, buttons, response: r.button });
    return UiEnums.Button[r.button as 'OK'];
  }
  prompt(a: unknown, b?: unknown, c?: unknown): PromptResponse {
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (c !== undefined) {
      title = String(a);
      prompt = String(b);
      buttons = enumName(c);
    } else if (b !== undefined) {
      prompt = String(a);
      buttons = enumName(b);
    } else prompt = String(a);
    const r = this._rec._next(buttons);
    this._rec.alerts.push({ kind: 'prompt', title, prompt, buttons, response: r.button, responseText: r.text });
    return new PromptResponse(this[ENV], r.button, r.text);
  }
}
instrument(Ui, 'Ui');

function asOutput(env: Env, o: unknown, method: string): HtmlOutput {
  if (o instanceof HtmlOutput) return o;
  throw env.error(`The parameters (${typeName(o)}) don't match the method signature for Ui.${method}.`);
}

export class PromptResponse implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _button: string,
    private readonly _text: string,
  ) {
    setEnv(this, env);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): EnumValue {
    return UiEnums.Button[this._button as 'OK'];
  }
}
instrument(PromptResponse, 'PromptResponse');

export class Menu implements Carrier {
  declare [ENV]: Env;
  readonly _rec: MenuRecord;
  constructor(
    env: Env,
    private readonly _ui: UiRecorder,
    title: string | null,
    addon: boolean,
  ) {
    setEnv(this, env);
    this._rec = { title, addon, items: [] };
  }
  addItem(caption: string, functionName: string): Menu {
    const env = this[ENV];
    if (typeof functionName !== 'string' || functionName === '') {
      throw env.error(`The parameters (${typeName(caption)},${typeName(functionName)}) don't match the method signature for Ui.Menu.addItem.`);
    }
    this._rec.items.push({ caption: String(caption), functionName });
    return this;
  }
  addSeparator(): Menu {
    this._rec.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._rec.items.push({ subMenu: menu._rec });
    return this;
  }
  addToUi(): void {
    const i = this._ui.menus.findIndex((m) => m.addon === this._rec.addon && m.title === this._rec.title);
    const copy: MenuRecord = JSON.parse(JSON.stringify(this._rec));
    if (i >= 0) this._ui.menus[i] = copy;
    else this._ui.menus.push(copy);
  }
}
instrument(Menu, 'Menu');

// -----------------------------------------------------------------------------------------------
// SpreadsheetApp

export class SpreadsheetAppService implements Carrier {
  declare [ENV]: Env;
  readonly InterpolationType = SpreadsheetEnums.InterpolationType;
  readonly DeveloperMetadataVisibility = SpreadsheetEnums.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = SpreadsheetEnums.DeveloperMetadataLocationType;
  readonly BooleanCriteria = SpreadsheetEnums.BooleanCriteria;
  readonly Dimension = SpreadsheetEnums.Dimension;
  readonly SheetType = SpreadsheetEnums.SheetType;
  readonly WrapStrategy = SpreadsheetEnums.WrapStrategy;
  readonly BorderStyle = SpreadsheetEnums.BorderStyle;
  readonly ProtectionType = SpreadsheetEnums.ProtectionType;
  readonly CopyPasteType = SpreadsheetEnums.CopyPasteType;
  readonly RecalculationInterval = SpreadsheetEnums.RecalculationInterval;
  constructor(
    env: Env,
    private readonly _ss: Spreadsheet,
    private readonly _ui: UiRecorder,
  ) {
    setEnv(this, env);
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this._ss;
  }
  getActive(): Spreadsheet {
    return this._ss;
  }
  getActiveSheet(): Sheet {
    return this._ss._active;
  }
  getActiveRange(): Range {
    return this._ss.getActiveRange();
  }
  getCurrentCell(): Range {
    return this._ss.getActiveCell();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return this._ss.setActiveSheet(sheet);
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  getUi(): Ui {
    const env = this[ENV];
    if (env.customFunctionMode) throw env.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(env, this._ui);
  }
  flush(): void {}
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this[ENV]);
  }
  openById(id: string): Spreadsheet {
    if (String(id) === this._ss._id) return this._ss;
    throw this[ENV].error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  }
  openByUrl(url: string): Spreadsheet {
    if (String(url).includes(this._ss._id)) return this._ss;
    throw this[ENV].error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
  }
}
instrument(SpreadsheetAppService, 'SpreadsheetApp');

export class ChartsService {
  readonly ChartType = ChartsEnums.ChartType;
  readonly ChartHiddenDimensionStrategy = ChartsEnums.ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartsEnums.ChartMergeStrategy;
  readonly LegendPosition = ChartsEnums.LegendPosition;
  readonly CurveStyle = ChartsEnums.CurveStyle;
  readonly PointStyle = ChartsEnums.PointStyle;
  readonly Position = ChartsEnums.Position;
}

// -----------------------------------------------------------------------------------------------
// HtmlService

export interface HtmlSource {
  /** Directory of the .html files (the loaded code's directory). */
  dir?: string;
  /** In-memory files by name (with or without .html), looked up first. */
  files: Record<string, string>;
}

export const HtmlEnums = {
  SandboxMode: makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']),
  XFrameOptionsMode: makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']),
};

function readHtmlFile(env: Env, src: HtmlSource, filename: string): string {
  const name = String(filename);
  const base = name.endsWith('.html') ? name.slice(0, -5) : name;
  for (const k of [name, base, base + '.html']) if (k in src.files) return src.files[k];
  if (src.dir) {
    const p = join(src.dir, base + '.html');
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw env.error(`No HTML file named ${base} was found.`);
}

export class HtmlServiceImpl implements Carrier {
  declare [ENV]: Env;
  readonly SandboxMode = HtmlEnums.SandboxMode;
  readonly XFrameOptionsMode = HtmlEnums.XFrameOptionsMode;
  constructor(
    env: Env,
    private readonly _src: HtmlSource,
  ) {
    setEnv(this, env);
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    return new HtmlOutput(this[ENV], html === undefined || html === null ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this[ENV], readHtmlFile(this[ENV], this._src, filename));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this[ENV], String(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this[ENV], readHtmlFile(this[ENV], this._src, filename));
  }
}
instrument(HtmlServiceImpl, 'HtmlService');

export class HtmlOutput implements Carrier {
  declare [ENV]: Env;
  _title = '';
  _width: number | undefined;
  _height: number | undefined;
  _meta: { name: string; content: string }[] = [];
  constructor(
    env: Env,
    public _content: string,
  ) {
    setEnv(this, env);
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this;
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): HtmlOutput {
    this._width = Number(width);
    return this;
  }
  getWidth(): number | null {
    return this._width ?? null;
  }
  setHeight(height: number): HtmlOutput {
    this._height = Number(height);
    return this;
  }
  getHeight(): number | null {
    return this._height ?? null;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    void mode;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    void mode;
    return this;
  }
  setFaviconUrl(url: string): HtmlOutput {
    void url;
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this._meta.push({ name: String(name), content: String(content) });
    return this;
  }
}
instrument(HtmlOutput, 'HtmlOutput');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TEMPLATE_STATE = new WeakMap<HtmlTemplate, { raw: string }>();

/** A template: own properties set by the script become variables; scriptlets run in the script's realm. */
export class HtmlTemplate implements Carrier {
  declare [ENV]: Env;
  constructor(env: Env, raw: string) {
    setEnv(this, env);
    TEMPLATE_STATE.set(this, { raw });
  }
  getRawContent(): string {
    return TEMPLATE_STATE.get(this)!.raw;
  }
  getCode(): string {
    return compileTemplate(TEMPLATE_STATE.get(this)!.raw);
  }
  evaluate(): HtmlOutput {
    const env = this[ENV];
    const code = compileTemplate(TEMPLATE_STATE.get(this)!.raw);
    const fn = vm.runInContext(code, env.ctx, { filename: 'HtmlTemplate' }) as (vars: object, esc: (v: unknown) => string) => string;
    const vars = env.object({ ...(this as object) });
    const saved = env.depth;
    env.depth = 0; // scriptlets are the script's own code: their service calls count
    let html: string;
    try {
      html = fn(vars, (v) => escapeHtml(v === undefined || v === null ? '' : String(v)));
    } finally {
      env.depth = saved;
    }
    return new HtmlOutput(env, html);
  }
}
instrument(HtmlTemplate, 'HtmlTemplate');

function compileTemplate(raw: string): string {
  let code = '(function (__vars, __esc) { var __out = ""; with (__vars) {\n';
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('<?', i);
    if (start < 0) {
      code += '__out += ' + JSON.stringify(raw.slice(i)) + ';\n';
      break;
    }
    if (start > i) code += '__out += ' + JSON.stringify(raw.slice(i, start)) + ';\n';
    const end = raw.indexOf('?>', start + 2);
    if (end < 0) throw new Error('Unterminated scriptlet in HTML template');
    const body = raw.slice(start + 2, end);
    if (body.startsWith('!=')) code += '__out += (function(v){ return v === undefined || v === null ? "" : String(v); })(' + body.slice(2) + ');\n';
    else if (body.startsWith('=')) code += '__out += __esc(' + body.slice(1) + ');\n';
    else code += body + '\n';
    i = end + 2;
  }
  code += '} return __out; })';
  return code;
}

// -----------------------------------------------------------------------------------------------
// PropertiesService

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

export class PropertiesServiceImpl implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _stores: { document: Map<string, string>; user: Map<string, string>; script: Map<string, string> },
  ) {
    setEnv(this, env);
  }
  getDocumentProperties(): Properties {
    return new Properties(this[ENV], this._stores.document);
  }
  getUserProperties(): Properties {
    return new Properties(this[ENV], this._stores.user);
  }
  getScriptProperties(): Properties {
    return new Properties(this[ENV], this._stores.script);
  }
}
instrument(PropertiesServiceImpl, 'PropertiesService');

function storeBytes(m: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of m) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

export class Properties implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _m: Map<string, string>,
  ) {
    setEnv(this, env);
  }
  _set(entries: [string, string][], deleteAllOthers: boolean): void {
    const env = this[ENV];
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._m);
    for (const [k, v] of entries) {
      if (Buffer.byteLength(v) > PROPERTY_VALUE_MAX_BYTES) throw env.error('Argument too large: value');
      next.set(k, v);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) {
      throw env.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this._m.clear();
    for (const [k, v] of next) this._m.set(k, v);
  }
  getProperty(key: string): string | null {
    return this._m.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): Properties {
    const env = this[ENV];
    if (key === undefined || key === null) throw env.error(`The parameters (null,${typeName(value)}) don't match the method signature for PropertiesService.Properties.setProperty.`);
    this._set([[String(key), String(value)]], false);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const env = this[ENV];
    if (!properties || typeof properties !== 'object') {
      throw env.error(`The parameters (${typeName(properties)}) don't match the method signature for PropertiesService.Properties.setProperties.`);
    }
    this._set(Object.entries(properties).map(([k, v]) => [k, String(v)]), !!deleteAllOthers);
    return this;
  }
  getProperties(): Record<string, string> {
    return this[ENV].object(Object.fromEntries(this._m));
  }
  getKeys(): string[] {
    return this[ENV].array([...this._m.keys()]);
  }
  deleteProperty(key: string): Properties {
    this._m.delete(String(key));
    return this;
  }
  deleteAllProperties(): Properties {
    this._m.clear();
    return this;
  }
}
instrument(Properties, 'Properties');

// -----------------------------------------------------------------------------------------------
// LockService

export interface LockResource {
  owner: 'none' | 'self' | 'other';
  /** When another holder releases: a waitLock/tryLock with at least this timeout (ms) gets the lock. */
  otherReleasesAfterMs?: number;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class LockServiceImpl implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _res: { document: LockResource; script: LockResource; user: LockResource },
  ) {
    setEnv(this, env);
  }
  getDocumentLock(): Lock {
    return new Lock(this[ENV], this._res.document);
  }
  getScriptLock(): Lock {
    return new Lock(this[ENV], this._res.script);
  }
  getUserLock(): Lock {
    return new Lock(this[ENV], this._res.user);
  }
}
instrument(LockServiceImpl, 'LockService');

/** Locks belong to the execution: every Lock of the same kind in one call shares the holder. */
export class Lock implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _r: LockResource,
  ) {
    setEnv(this, env);
  }
  _acquire(timeoutInMillis: unknown): boolean {
    const ms = Number(timeoutInMillis);
    if (this._r.owner === 'self') return true;
    if (this._r.owner === 'other') {
      const after = this._r.otherReleasesAfterMs;
      if (after === undefined || !(ms >= after)) return false;
    }
    this._r.owner = 'self';
    this._r.otherReleasesAfterMs = undefined;
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw this[ENV].error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    if (this._r.owner === 'self') this._r.owner = 'none';
  }
  hasLock(): boolean {
    return this._r.owner === 'self';
  }
}
instrument(Lock, 'Lock');

// -----------------------------------------------------------------------------------------------
// CacheService

type CacheStore = Map<string, { value: string; expires: number }>;

export class CacheServiceImpl implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _stores: { document: CacheStore; user: CacheStore; script: CacheStore },
  ) {
    setEnv(this, env);
  }
  getDocumentCache(): Cache {
    return new Cache(this[ENV], this._stores.document);
  }
  getUserCache(): Cache {
    return new Cache(this[ENV], this._stores.user);
  }
  getScriptCache(): Cache {
    return new Cache(this[ENV], this._stores.script);
  }
}
instrument(CacheServiceImpl, 'CacheService');

export class Cache implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _m: CacheStore,
  ) {
    setEnv(this, env);
  }
  _get(key: string): string | null {
    const e = this._m.get(key);
    if (!e) return null;
    if (e.expires <= Date.now()) {
      this._m.delete(key);
      return null;
    }
    return e.value;
  }
  _put(key: string, value: unknown, ttl?: number): void {
    const env = this[ENV];
    const k = String(key);
    const v = String(value);
    if (k.length > 250) throw env.error('Argument too large: key');
    if (Buffer.byteLength(v) > 100 * 1024) throw env.error('Argument too large: value');
    const secs = ttl === undefined ? 600 : Math.min(21600, Number(ttl));
    this._m.set(k, { value: v, expires: Date.now() + secs * 1000 });
  }
  get(key: string): string | null {
    return this._get(String(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys ?? []) {
      const v = this._get(String(k));
      if (v !== null) out[String(k)] = v;
    }
    return this[ENV].object(out);
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values ?? {})) this._put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this._m.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys ?? []) this._m.delete(String(k));
  }
}
instrument(Cache, 'Cache');

// -----------------------------------------------------------------------------------------------
// Session

export class SessionImpl implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _users: { active: string; effective: string; locale?: string },
  ) {
    setEnv(this, env);
  }
  getScriptTimeZone(): string {
    return this[ENV].scriptTimeZone;
  }
  getTimeZone(): string {
    return this[ENV].scriptTimeZone;
  }
  getActiveUser(): User {
    return new User(this[ENV], this[ENV].customFunctionMode ? '' : this._users.active);
  }
  getEffectiveUser(): User {
    return new User(this[ENV], this._users.effective);
  }
  getActiveUserLocale(): string {
    return this._users.locale ?? this[ENV].locale.split(/[_-]/)[0];
  }
  getTemporaryActiveUserKey(): string {
    return 'emulator-temporary-user-key';
  }
}
instrument(SessionImpl, 'Session');

export class User implements Carrier {
  declare [ENV]: Env;
  constructor(
    env: Env,
    private readonly _email: string,
  ) {
    setEnv(this, env);
  }
  getEmail(): string {
    return this._email;
  }
  getUsername(): string {
    return this._email.split('@')[0];
  }
}
instrument(User, 'User');

// -----------------------------------------------------------------------------------------------
// Utilities, Logger, ScriptApp

export const UtilitiesEnums = {
  DigestAlgorithm: makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']),
  Charset: makeEnum('Charset', ['US_ASCII', 'UTF_8']),
};

export class UtilitiesImpl implements Carrier {
  declare [ENV]: Env;
  readonly DigestAlgorithm = UtilitiesEnums.DigestAlgorithm;
  readonly Charset = UtilitiesEnums.Charset;
  constructor(
    env: Env,
    private readonly _warn: (msg: string) => void,
  ) {
    setEnv(this, env);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    const env = this[ENV];
    if (!utilTypes.isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw env.error(
        `The parameters (${typeName(date)},${typeName(timeZone)},${typeName(format)}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const t = date.getTime();
    if (Number.isNaN(t)) throw env.error('Invalid argument: date');
    let tz = timeZone;
    const gmt = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
    if (gmt && !gmt[3]?.replace(/0/g, '')) tz = `Etc/GMT${gmt[1] === '+' ? '-' : '+'}${Number(gmt[2])}`;
    else if (tz === 'GMT' || tz === 'UTC') tz = 'Etc/UTC';
    if (!isValidTimeZone(tz)) {
      // Java falls back to GMT for an unknown zone id; so does Apps Script.
      this._warn(`Utilities.formatDate: unknown time zone "${timeZone}", formatted in GMT`);
      tz = 'Etc/UTC';
    }
    try {
      return formatJavaDate(t, tz, format);
    } catch (e) {
      if (e instanceof PatternError) throw env.error(`Invalid argument: ${e.message}`);
      throw e;
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(-?\d*)(?:\.(\d+))?([sdfi%])/g, (m, _w, prec, conv) => {
      if (conv === '%') return '%';
      const v = args[i++];
      if (conv === 's') return String(v);
      if (conv === 'd' || conv === 'i') return String(Math.trunc(Number(v)));
      return prec !== undefined ? Number(v).toFixed(Number(prec)) : Number(v).toFixed(6);
    });
  }
  sleep(milliseconds: number): void {
    void milliseconds;
  }
  getUuid(): string {
    return randomUUID();
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    const rows = parseCsvText(String(csv), delimiter === undefined ? ',' : String(delimiter));
    return this[ENV].array2d(rows);
  }
  base64Encode(data: unknown): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return this[ENV].array([...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)));
  }
  computeDigest(algorithm: unknown, value: unknown): number[] {
    const alg = { MD2: 'md5', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' }[enumName(algorithm)] ?? 'sha256';
    const bytes = createHash(alg).update(toBuffer(value)).digest();
    return this[ENV].array([...bytes].map((b) => (b > 127 ? b - 256 : b)));
  }
}
instrument(UtilitiesImpl, 'Utilities');

function toBuffer(data: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 255));
  return Buffer.from(String(data), 'utf8');
}

export interface LogEntry {
  source: 'Logger' | 'console' | 'emulator';
  level: string;
  message: string;
}

export class LoggerImpl implements Carrier {
  declare [ENV]: Env;
  private _lines: string[] = [];
  constructor(
    env: Env,
    private readonly _sink: (e: LogEntry) => void,
  ) {
    setEnv(this, env);
  }
  log(data: unknown, ...values: unknown[]): LoggerImpl {
    let msg = formatLogValue(data);
    if (values.length) {
      let i = 0;
      msg = msg.replace(/%s/g, () => formatLogValue(values[i++]));
    }
    this._lines.push(msg);
    this._sink({ source: 'Logger', level: 'info', message: msg });
    return this;
  }
  getLog(): string {
    return this._lines.map((l) => l + '\n').join('');
  }
  clear(): void {
    this._lines = [];
  }
}
instrument(LoggerImpl, 'Logger');

export function formatLogValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (utilTypes.isDate(v)) return String(v);
  if (v && typeof v === 'object' && ENV in v) return String(v);
  if (v instanceof Error || (v && typeof v === 'object' && 'stack' in v && 'message' in v)) return String(v);
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

export const ScriptEnums = {
  AuthMode: makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']),
  TriggerSource: makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']),
  EventType: makeEnum('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']),
};

export class ScriptAppImpl implements Carrier {
  declare [ENV]: Env;
  readonly AuthMode = ScriptEnums.AuthMode;
  readonly TriggerSource = ScriptEnums.TriggerSource;
  readonly EventType = ScriptEnums.EventType;
  constructor(env: Env) {
    setEnv(this, env);
  }
  getScriptId(): string {
    return 'emulator-script-id';
  }
  getProjectTriggers(): unknown[] {
    return this[ENV].array([]);
  }
  getUserTriggers(): unknown[] {
    return this[ENV].array([]);
  }
}
instrument(ScriptAppImpl, 'ScriptApp');

export { EnumValue };
