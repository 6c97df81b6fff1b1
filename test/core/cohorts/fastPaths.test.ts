/**
 * The parse's fast paths (idIndex.ts: flat tables for small whole numbers and for text ids of one
 * shape; dayReader.ts: a direct-mapped instant cache, same-realm and foreign-realm Dates; keptRows.ts:
 * row numbers stored as shifts; ranges read in place) against the plain definitions, written here
 * without them: ids are equal when Sheets shows them equal, days come from Intl, rows are counted.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, parseTransactionLog } from '../../../src/core/cohorts/index';
import { mulberry32 } from './generate';

const ZONE = 'Europe/Prague';
const opts = { timeZone: ZONE, firstRowNumber: 2 };
const DAY = 86_400_000;

/** Midnight in Prague of the UTC calendar day `utcDay` (Prague is UTC+1 or +2: 22:00 or 23:00 the day before). */
function pragueMidnight(utcDay: number): number {
  const hour = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' });
  for (const h of [23, 22]) {
    const t = utcDay * DAY - (24 - h) * 3_600_000;
    if (Number(hour.format(t)) === 0) return t;
  }
  throw new Error('no midnight found');
}

/** The day number of instant `ms` in Prague, read from Intl's calendar date. */
function pragueDay(ms: number): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(ms)
    .split('-')
    .map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

/** Dense indexes by first appearance, equal ids being those Sheets shows equal: same type, same value (0 = −0). */
function referenceIndexes(ids: readonly (number | string)[]): { labels: (number | string)[]; index: number[] } {
  const seen = new Map<string, number>();
  const labels: (number | string)[] = [];
  const index = ids.map((v) => {
    // Whitespace around text is not part of the id ("C000123 " is "C000123"); text stays text.
    const id = typeof v === 'string' ? v.replace(/^\s+|\s+$/g, '') : v;
    const key = `${typeof id}:${typeof id === 'number' ? String(id === 0 ? 0 : id) : id}`;
    let i = seen.get(key);
    if (i === undefined) {
      i = labels.length;
      seen.set(key, i);
      labels.push(id);
    }
    return i;
  });
  return { labels, index };
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function parseIds(ids: (number | string)[]) {
  const day = new Date(pragueMidnight(Date.UTC(2024, 0, 10) / DAY));
  return parseTransactionLog({ customerIds: ids, dates: ids.map(() => day) }, opts);
}

describe('customer ids on the fast paths', () => {
  it('whole numbers at the edges of the flat table, and the numbers beyond it, are told apart exactly', () => {
    const limit = 2 ** 22;
    const distinct = [0, 1, 2, 1023, 1024, 1025, 65_535, 65_536, limit - 2, limit - 1, limit, limit + 1, 2 ** 31, 2 ** 53, -1, -2, 0.5, 1.5, 1024.25, 1e15, 17_850];
    const ids = shuffled([...distinct, ...distinct, ...distinct, -0, 1024.0, 17_850.0], 1);
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
    expect(log.customerIds.length).toBe(distinct.length);
  });

  it('text ids of the learnt shape and of every other shape: width, prefix, case, spaces, digits beyond the table', () => {
    const distinct = [
      'C000123', 'C000124', 'C000000', 'C999999', // the shape: "C" + 6 digits
      'C00123', 'C0000123', 'c000123', 'D000123', 'C00012A', 'C-00123', // other shapes
      '000123', '123', 'CC00123', 'C', 'alice', 'Bob', '17850.0',
      'C1', 'C12', 'C0', 'C00', 'C01', 'C10', 'C1000000', 'C2097151', 'C2097152', 'C123456789', 'C1234567890', // unpadded, any width
    ];
    const ids = shuffled([...distinct, ...distinct, ...distinct], 2);
    ids.push('C000123 ', ' C000123', '\u00a0C1', 'alice\t'); // the same customers as 'C000123', 'C1', 'alice'
    ids.unshift('C000001'); // learnt from the first text id
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
  });

  it('a shape whose digits pass the flat table, and text next to equal-looking numbers', () => {
    const distinct: (number | string)[] = ['000000001', '999999999', '004194304', '004194303', '000000002', '002097151', '002097152', 1, 2, 4_194_304, '1', '2', '17850', '0'];
    const ids = shuffled([...distinct, ...distinct], 3);
    ids.unshift('000000003');
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
  });

  it('a shape learnt only after other text ids, and a run of 3,000 shaped ids with repeats', () => {
    const first = ['alice', 'bob', 'x1', 'x2', 'x10', 'x01'];
    const many = Array.from({ length: 3000 }, (_, i) => `ID-${String((i * 7919) % 5000).padStart(5, '0')}`);
    const ids = [...first, ...shuffled([...many, ...first, ...many], 4)];
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
  });

  it('plain and zero-padded digits of the same values, in both orders, keep a customer each', () => {
    // "C123", "C0123" and "C000123" are three customers; the shaped tables hold the first and the last by
    // the same value 123, so a mix-up between them would merge customers.
    const values = Array.from({ length: 1500 }, (_, i) => (i * 7) % 2000);
    const plain = values.map((n) => `C${n}`);
    const padded = values.map((n) => `C${String(n).padStart(6, '0')}`);
    const other = values.filter((n) => n % 5 === 0).map((n) => `C${String(n).padStart(4, '0')}`); // padded, another width
    for (const [seed, head] of [[11, 'C000042'], [12, 'C42']] as const) {
      const ids = [head, ...shuffled([...plain, ...padded, ...other, ...plain], seed)];
      const log = parseIds(ids);
      const ref = referenceIndexes(ids);
      expect(log.customerIds).toEqual(ref.labels);
      expect(Array.from(log.customer)).toEqual(ref.index);
    }
  });

  it('a prefix of several characters: ids sharing only its first character, or more of it, are other shapes', () => {
    const distinct = [
      'CUST-0042', 'CUST-0043', 'CUST-42', 'CUST-9999', 'CUST-0000', 'CUST-0', // the shape
      'CUSX-0042', 'CUST_0042', 'C-0042', 'CUS-0042', 'cust-0042', 'DUST-0042', 'CUST-00042', 'CUST-042', 'CUST--042', 'CUST-', 'CUST',
      'C0042', '0042', 42, '42', 'XCUST-0042',
    ];
    const ids = ['CUST-0001', ...shuffled([...distinct, ...distinct, ...distinct], 13)];
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
  });

  it('digits-only text ids (an empty prefix), padded and not, beside the numbers of the same value', () => {
    const distinct: (number | string)[] = ['000123', '123', 123, '0123', '000000', '0', 0, '00', '999999', 999_999, '4194303', '4194304', 4_194_303, '1000000'];
    const ids = ['000001', ...shuffled([...distinct, ...distinct], 14)];
    const log = parseIds(ids);
    const ref = referenceIndexes(ids);
    expect(log.customerIds).toEqual(ref.labels);
    expect(Array.from(log.customer)).toEqual(ref.index);
  });

  it('error values, blanks and other types are not ids, whatever shape is learnt', () => {
    const ids = ['C000001', '#N/A', '', '   ', 'C000002', '#REF!', 'C000001'] as (number | string)[];
    const log = parseIds(ids);
    expect(log.customerIds).toEqual(['C000001', 'C000002']);
    expect(log.skipped.reasons.map((t) => [t.reason, t.firstRows])).toEqual([
      ['error value', [3, 7]],
      ['blank id', [4, 5]],
    ]);
  });
});

describe('amounts and segments on the fast paths', () => {
  it('segment cells seen before are found by one lookup; error values stay refused however often they repeat', () => {
    const cells: unknown[] = ['web', '#N/A', 'web', 1, '1', '', '   ', 'shop', '#N/A', 2, 'web', true, '#REF!', 1, 'shop', ''];
    const rows = shuffled(cells.map((v, i) => [i, v] as const), 8);
    const day = new Date(pragueMidnight(Date.UTC(2024, 0, 10) / DAY));
    const log = parseTransactionLog({ customerIds: rows.map((r) => r[0]), dates: rows.map(() => day), segments: rows.map((r) => r[1]) }, opts);
    // Named as the cell reads: 1 and "1" one segment, blanks "(blank)"; error values skip the row.
    const name = (v: unknown) => (v === '' || v === '   ' ? '(blank)' : v === true ? 'TRUE' : String(v));
    const kept = rows.filter((r) => r[1] !== '#N/A' && r[1] !== '#REF!');
    expect(Array.from(log.segment!, (s) => log.segmentNames![s])).toEqual(kept.map((r) => name(r[1])));
    expect(log.skipped.reasons).toEqual([expect.objectContaining({ reason: 'error value', column: 'segment', count: 3 })]);
  });

  it('number amounts on the fast path, anything else through the reader: text, blanks, infinities, −0', () => {
    const cells: unknown[] = [12.5, -3, 0, -0, '1,234.50', '', 1e300, Infinity, -Infinity, NaN, 'abc', '#N/A', 7];
    const day = new Date(pragueMidnight(Date.UTC(2024, 0, 10) / DAY));
    const log = parseTransactionLog({ customerIds: cells.map((_, i) => i), dates: cells.map(() => day), amounts: cells }, opts);
    expect(Array.from(log.amount!)).toEqual([12.5, -3, 0, -0, 1234.5, NaN, 1e300, 7]);
    expect(log.skipped.reasons.map((t) => [t.reason, t.count])).toEqual([['bad amount', 4], ['error value', 1]]);
  });
});

describe('date cells on the fast paths', () => {
  it('instants that share a cache slot (4,096 days apart, or two times of one day) keep their own days', () => {
    const base = Date.UTC(2000, 0, 1) / DAY;
    const instants = [
      pragueMidnight(base), pragueMidnight(base + 4096), pragueMidnight(base + 2 * 4096), // one slot
      pragueMidnight(base + 10), pragueMidnight(base + 10) + 13 * 3_600_000, pragueMidnight(base + 10) + 23 * 3_600_000 + 59 * 60_000, // one day
      pragueMidnight(base + 10) - 1, // the last millisecond of the day before
    ];
    const rows = shuffled([...instants, ...instants, ...instants, ...instants], 5);
    const log = parseTransactionLog({ customerIds: rows.map((_, i) => i), dates: rows.map((t) => new Date(t)) }, opts);
    expect(Array.from(log.day)).toEqual(rows.map(pragueDay));
  });

  it('Dates of this realm and of two others, mixed; invalid Dates and Date look-alikes are not dates', () => {
    const t = pragueMidnight(Date.UTC(2024, 2, 31) / DAY); // a DST day
    const realmA = (code: string) => runInNewContext(code, { t });
    const realmB = (code: string) => runInNewContext(code, { t });
    // Look-alikes inherit from a Date.prototype without being Dates (a toString of their own, for the message).
    const lookAlike = 'Object.assign(Object.create(Date.prototype), { toString: () => "x" })';
    const cells: unknown[] = [
      new Date(t), realmA('new Date(t)'), realmB('new Date(t + 3600000 * 30)'), realmA('new Date(t + 3600000 * 5)'),
      realmA('new Date(NaN)'), realmA(lookAlike), new Date(t + 3600000 * 50), realmB('new Date(t)'),
      Object.assign(Object.create(Date.prototype), { toString: () => 'x' }), { getTime: () => t }, realmB('({ valueOf: () => t })'), new Date(NaN),
    ];
    const log = parseTransactionLog({ customerIds: cells.map((_, i) => i), dates: cells }, opts);
    const d = Date.UTC(2024, 2, 31) / DAY;
    expect(Array.from(log.day)).toEqual([d, d, d + 1, d, d + 2, d]);
    expect(Array.from(log.rowNumber)).toEqual([2, 3, 4, 5, 8, 9]);
    expect(log.skipped.reasons).toEqual([expect.objectContaining({ reason: 'not a date', count: 6, firstRows: [6, 7, 10, 11, 12] })]);
  });
});

describe('ranges read in place and row numbers kept as shifts', () => {
  it('a column of a wider range is read where it is, with the same result as a copied list', () => {
    const rand = mulberry32(6);
    const first = Date.UTC(2023, 0, 1) / DAY;
    const grid = Array.from({ length: 3000 }, () => {
      const skip = rand() < 0.05;
      return ['x', skip ? '' : 1 + Math.floor(rand() * 300), new Date(pragueMidnight(first + Math.floor(rand() * 400))), 'y'];
    });
    const inPlace = parseTransactionLog({ customerIds: { rows: grid, index: 1 }, dates: { rows: grid, index: 2 } }, opts);
    const copied = parseTransactionLog({ customerIds: grid.map((r) => r[1]), dates: grid.map((r) => r[2]) }, opts);
    expect(Array.from(inPlace.customer)).toEqual(Array.from(copied.customer));
    expect(Array.from(inPlace.day)).toEqual(Array.from(copied.day));
    expect(inPlace.skipped).toEqual(copied.skipped);
    expect(computeCohortMatrices(inPlace).total).toEqual(computeCohortMatrices(copied).total);
  });

  it('row numbers after a header and skipped rows at the start, in runs, alone and at the end', () => {
    const rand = mulberry32(7);
    const day = new Date(pragueMidnight(Date.UTC(2024, 4, 1) / DAY));
    const ids: unknown[] = ['customer'];
    const dates: unknown[] = ['date'];
    const keptRows: number[] = [];
    for (let i = 0; i < 500; i++) {
      const bad = i < 3 || (i > 100 && i < 140) || i === 250 || i > 495 || rand() < 0.1;
      ids.push(bad && rand() < 0.5 ? '#N/A' : i);
      dates.push(bad && ids[ids.length - 1] !== '#N/A' ? 'soon' : day);
      if (!bad) keptRows.push(ids.length + 1); // sheet row: the range starts on row 2
    }
    ids.push('tail'); // a kept last row
    dates.push(day);
    keptRows.push(ids.length + 1);
    const log = parseTransactionLog({ customerIds: ids, dates }, opts);
    expect(log.skipped.headerRow).toBe(2);
    expect(Array.from(log.rowNumber)).toEqual(keptRows);
    expect(log.rowNumber).toBe(log.rowNumber); // built once
  });
});
