// Customers are numbered in the order of their first kept row, whatever mix of ids a log holds: the
// parse puts off the lookups of small whole numbers and of text of the learnt shape ("C000123"), and
// resolves them before any other id is added and at the end (idIndex.ts: deferred). The
// expected order is worked out here with a Map over the rows, skipping the rows the parse leaves out.
import { describe, expect, it } from 'vitest';
import { parseTransactionLog } from '../../../src/core/cohorts/index';
import { dayOf, midnightOf } from '../../support/days';

const ZONE = 'Europe/Prague';
const on = (d: number) => new Date(midnightOf(dayOf(2024, 1, 1) + d, ZONE));

/** Ids in order of first appearance over the rows with a usable id and a date; and each row's index into them. */
function expectedOrder(ids: unknown[], dates: unknown[]) {
  const seen = new Map<string, number>();
  const customer: number[] = [];
  ids.forEach((id, i) => {
    if (id === '' || !(dates[i] instanceof Date)) return;
    const key = typeof id === 'string' ? `t:${id.trim()}` : `n:${id}`;
    if (!seen.has(key)) seen.set(key, seen.size);
    customer.push(seen.get(key)!);
  });
  const labels = [...seen.keys()].map((k) => (k.startsWith('t:') ? k.slice(2) : Number(k.slice(2))));
  return { customers: labels.length, labels, customer };
}

function parsed(ids: unknown[], dates: unknown[]) {
  const log = parseTransactionLog({ customerIds: ids, dates, amounts: null, segments: null }, { timeZone: ZONE, firstRowNumber: 2 });
  // The count first: it must not need the labels, which text ids of the learnt shape get only when asked for.
  const customers = log.customers;
  return { customers, labels: log.customerIds, customer: [...log.customer] };
}

describe('customer numbering follows the first kept row', () => {
  it('number ids only, with repeats and left-out rows', () => {
    const ids = [5, 3, 5, '', 7, 3, 1_000_000, 5, 7, 0];
    const dates = [on(0), on(1), on(2), on(3), 'not a date', on(5), on(6), on(7), on(8), on(9)];
    expect(parsed(ids, dates)).toEqual(expectedOrder(ids, dates));
  });

  it('number ids, then a text id, then numbers again, old and new', () => {
    const ids = [12, 40, 12, 'C7', 40, 9, 'C7', 12, 'B', 3, 9];
    const dates = ids.map((_, i) => on(i));
    const want = expectedOrder(ids, dates);
    expect(want.labels).toEqual([12, 40, 'C7', 9, 'B', 3]);
    expect(parsed(ids, dates)).toEqual(want);
  });

  it('a fractional or negative number first, then small whole numbers', () => {
    const ids = [2.5, 8, -4, 8, 1, 2.5];
    const dates = ids.map((_, i) => on(i));
    expect(parsed(ids, dates)).toEqual(expectedOrder(ids, dates));
  });

  it('many number ids in random order before a text id (the table grows while put off)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const ids: unknown[] = Array.from({ length: 5000 }, () => Math.floor(rand() * 200_000));
    ids.splice(4000, 0, 'TEXT-1');
    ids.push(ids[10], 'TEXT-1', 123_456_789);
    const dates = ids.map((_, i) => on(i % 900));
    expect(parsed(ids, dates)).toEqual(expectedOrder(ids, dates));
  });

  it('text ids of the learnt shape, plain and zero-padded, among other ids', () => {
    const ids = ['C000123', 'C5', 'C000123', 'C000007 ', 'C5', 'X9', 'C000007', 'C10', 17, 'C000010', 'C10', 'C0', 'C000000', 'C0'];
    const dates = ids.map((_, i) => on(i));
    const want = expectedOrder(ids, dates);
    expect(want.labels).toEqual(['C000123', 'C5', 'C000007', 'X9', 'C10', 17, 'C000010', 'C0', 'C000000']);
    expect(parsed(ids, dates)).toEqual(want);
  });

  it('an id with spaces around it right after the same id was put off is the same customer', () => {
    // "A7" teaches the shape; "A1" is then put off; "A1 " is looked up at once (spaces: not the shape).
    const ids = ['A7', 'A1', 'A1 ', ' A7', 'A2', '\u00a0A2'];
    const dates = ids.map((_, i) => on(i));
    const want = expectedOrder(ids, dates);
    expect(want.labels).toEqual(['A7', 'A1', 'A2']);
    expect(parsed(ids, dates)).toEqual(want);
  });

  it('many shaped text ids in random order around a number (labels rebuilt from their digits)', () => {
    let seed = 987;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const ids: unknown[] = Array.from({ length: 6000 }, () => {
      const n = Math.floor(rand() * 300_000);
      return rand() < 0.5 ? `CUST-${String(n).padStart(6, '0')}` : `CUST-${n}`;
    });
    ids.splice(3000, 0, 42, 'other@example.com');
    const dates = ids.map((_, i) => on(i % 900));
    expect(parsed(ids, dates)).toEqual(expectedOrder(ids, dates));
  });
});
