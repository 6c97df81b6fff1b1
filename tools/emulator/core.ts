// Shared state of one emulator instance: the vm realm, call counting, failure injection, errors.
import * as vm from 'node:vm';

export const ENV = Symbol('emulatorEnv');

export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
  JSON: JSON;
}

export interface Failure {
  name: string;
  remaining: number;
  message: string;
  /** How many calls in a row fail once it starts (Infinity: every later call). */
  times: number;
}

/** Longest call log kept (a run of the add-on makes about a hundred calls). */
export const CALL_LOG_LIMIT = 1_000_000;

export class Env {
  readonly realm: Realm;
  readonly counts = new Map<string, number>();
  total = 0;
  /** >0 while a service method runs: calls a service makes to another are not counted. */
  depth = 0;
  failures: Failure[] = [];
  /** Every counted call in order, since the last reset (up to CALL_LOG_LIMIT). */
  readonly log: string[] = [];
  /** A scheduled crash: the nth call of that name stops the execution. */
  crash: { name: string; remaining: number } | null = null;
  /** Set once the execution "died": every later call of it fails without running. */
  crashed = false;
  /** Set while a custom function runs: spreadsheet writes and Ui are refused, as in Sheets. */
  customFunctionMode = false;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  locale: string;
  private serialCache = new Map<number, number>();

  constructor(
    readonly ctx: vm.Context,
    opts: { spreadsheetTimeZone: string; scriptTimeZone: string; locale: string },
  ) {
    this.realm = vm.runInContext('({ Date: Date, Array: Array, Object: Object, Error: Error, JSON: JSON })', ctx) as Realm;
    this.spreadsheetTimeZone = opts.spreadsheetTimeZone;
    this.scriptTimeZone = opts.scriptTimeZone;
    this.locale = opts.locale;
  }

  track(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
    if (this.log.length < CALL_LOG_LIMIT) this.log.push(name);
    if (this.crashed) throw this.error(EXECUTION_TIME_MESSAGE);
    if (this.crash && this.crash.name === name && --this.crash.remaining <= 0) {
      this.crash = null;
      this.crashed = true;
      throw this.error(EXECUTION_TIME_MESSAGE);
    }
    for (let i = 0; i < this.failures.length; i++) {
      const f = this.failures[i];
      if (f.name !== name) continue;
      f.remaining--;
      if (f.remaining <= 0) {
        if (--f.times <= 0) this.failures.splice(i, 1);
        throw this.error(f.message);
      }
    }
  }

  resetCounts(): void {
    this.counts.clear();
    this.total = 0;
    this.log.length = 0;
  }

  /** An Error of the script's realm, named like Apps Script's service errors ("Exception: ..."). */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    Object.defineProperty(e, 'name', { value: 'Exception', writable: true, configurable: true, enumerable: false });
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  array<T>(items: readonly T[]): T[] {
    return this.realm.Array.from(items);
  }

  array2d<T>(rows: readonly (readonly T[])[]): T[][] {
    const A = this.realm.Array;
    const out = new A<T[]>(rows.length);
    // Element by element: Array.from goes through the iterator protocol, ten times slower on a
    // million-row read.
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i];
      const row = new A<T>(src.length);
      for (let j = 0; j < src.length; j++) row[j] = src[j];
      out[i] = row;
    }
    return out;
  }

  object<T extends object>(props: T): T {
    return this.realm.Object.assign(new this.realm.Object(), props) as T;
  }

  /** Instant of a spreadsheet serial (wall-clock in the spreadsheet zone), cached per serial. */
  serialInstant(serial: number, compute: (serial: number) => number): number {
    let t = this.serialCache.get(serial);
    if (t === undefined) {
      t = compute(serial);
      if (this.serialCache.size > 100_000) this.serialCache.clear();
      this.serialCache.set(serial, t);
    }
    return t;
  }

  clearSerialCache(): void {
    this.serialCache.clear();
  }
}

/** What Apps Script says when an execution passes its time limit. */
export const EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';

export interface Carrier {
  [ENV]: Env;
}

export interface InstrumentOptions {
  /** Methods that change the spreadsheet: refused while a custom function runs. */
  writes?: RegExp;
}

const DEFAULT_WRITES =
  /^(set|insert|delete|clear|append|hide|show|merge|breakApart|autoResize|toast|copyTo|moveActiveSheet|moveTo|updateChart|removeChart|removeNamedRange|remove$|addDeveloperMetadata|activate|rename|duplicate|sort|trimWhitespace)/;

/**
 * Wraps every public prototype method of a service class so each call from the script is counted
 * as "ClassName.method", can be made to fail (failOn), and, for spreadsheet classes, is refused
 * in a custom function when it writes. Calls a service method makes to others are not counted.
 */
export function instrument(cls: { prototype: object }, className: string, opts: InstrumentOptions & { restrictWrites?: boolean } = {}): void {
  const proto = cls.prototype as Record<string, unknown>;
  const writes = opts.writes ?? DEFAULT_WRITES;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    const full = className + '.' + name;
    const restricted = opts.restrictWrites === true && writes.test(name);
    const wrapped = function (this: Carrier, ...args: unknown[]): unknown {
      const env = this?.[ENV];
      if (!env) return orig.apply(this, args);
      if (env.depth === 0) {
        env.track(full);
        if (restricted && env.customFunctionMode) throw env.error(`You do not have permission to call ${name}`);
      }
      env.depth++;
      try {
        return orig.apply(this, args);
      } finally {
        env.depth--;
      }
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
  // As Apps Script objects: String(range) is "Range", JSON.stringify(range) is "{}" (and never
  // trips over the emulator's internal links). Not counted.
  const shortName = className.split('.').pop()!;
  Object.defineProperty(proto, 'toString', { value: () => shortName, configurable: true, writable: true, enumerable: false });
  Object.defineProperty(proto, 'toJSON', { value: () => ({}), configurable: true, writable: true, enumerable: false });
}

export function setEnv(obj: object, env: Env): void {
  Object.defineProperty(obj, ENV, { value: env, enumerable: false, writable: false });
}

/** Apps Script enum value: compares by identity, prints as its name. */
export class EnumValue {
  constructor(
    readonly enumName: string,
    private readonly valueName: string,
    private readonly ord: number,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return this.valueName;
  }
  toJSON(): string {
    return this.valueName;
  }
  name(): string {
    return this.valueName;
  }
  ordinal(): number {
    return this.ord;
  }
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(enumName: string, names: readonly K[]): EnumOf<K> {
  const o = {} as Record<K, EnumValue>;
  names.forEach((n, i) => (o[n] = new EnumValue(enumName, n, i)));
  return Object.freeze(o);
}

/** Name of an enum value, or a string given in its place. */
export function enumName(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return 'Object';
}
