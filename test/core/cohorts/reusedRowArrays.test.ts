// Parses with reuseRowArrays (what =COHORTS and =RETENTION_BY_PERIOD ask for: the log lives only until
// the formula returns) lend their per-row arrays from buffers kept for the next such parse. Consecutive
// parses of different sizes, with and without amounts and with skipped rows, must each give the
// reference's tables, and a log parsed without the option must keep its own arrays throughout.
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../../../src/core/cohorts/index';
import { both, differences } from './compare';
import { generateLog, logColumns } from './generate';
import { referenceLog, type RefLogRow, type RefOptions } from './reference';

const zone = 'Europe/Prague';
const o: RefOptions = { zone, unit: 'month', weekStart: 'monday', mode: 'in' };

/** The rows as columns, with a blank-id row every `every` rows (skipped: fewer rows kept than read). */
function columnsWithGaps(rows: RefLogRow[], every: number) {
  const c = logColumns(rows);
  const gap = <T>(xs: T[] | null, blank: T) => (xs === null ? null : xs.flatMap((x, i) => (i % every === 0 ? [blank, x] : [x])));
  return { customerIds: gap(c.customerIds, '' as string | number)!, dates: gap(c.dates as unknown[], new Date(0) as unknown)!, amounts: gap(c.amounts, '' as unknown) };
}

describe('per-row arrays lent from one parse to the next', () => {
  const large = generateLog({ seed: 41, zone, customers: 400, amounts: true });
  const small = generateLog({ seed: 42, zone, customers: 60 }).map(({ id, date }) => ({ id, date }));
  const larger = generateLog({ seed: 43, zone, customers: 700 }).map(({ id, date }) => ({ id, date }));
  const kept = generateLog({ seed: 44, zone, customers: 200 }).map(({ id, date }) => ({ id, date }));

  it('large (with amounts), small, then larger: each against the reference; a log parsed without the option is left alone', () => {
    expect(small.length).toBeLessThan(large.length);
    expect(larger.length).toBeGreaterThan(large.length);
    const lend = { timeZone: zone, firstRowNumber: 1, reuseRowArrays: true };

    const a = parseTransactionLog(columnsWithGaps(large, 7), lend);
    expect(a.skipped.total).toBeGreaterThan(0);
    expect(a.rows).toBe(large.length);
    expect(differences(computeCohortReport(a, both(o)).total, referenceLog(large, o))).toEqual([]);

    const own = parseTransactionLog(logColumns(kept), { timeZone: zone, firstRowNumber: 1 });
    const ownCustomers = own.customer.slice();
    const ownDays = own.day.slice();

    const b = parseTransactionLog(logColumns(small), lend);
    expect(b.rows).toBe(small.length);
    expect(differences(computeCohortMatrices(b, both(o)).total, referenceLog(small, o))).toEqual([]);

    const c = parseTransactionLog(columnsWithGaps(larger, 5), lend);
    expect(c.rows).toBe(larger.length);
    expect(differences(computeCohortMatrices(c, both(o)).total, referenceLog(larger, o))).toEqual([]);

    const again = parseTransactionLog(columnsWithGaps(large, 3), lend);
    expect(differences(computeCohortReport(again, both(o)).total, referenceLog(large, o))).toEqual([]);

    expect(own.customer).toEqual(ownCustomers);
    expect(own.day).toEqual(ownDays);
    expect(differences(computeCohortMatrices(own, both(o)).total, referenceLog(kept, o))).toEqual([]);
  });
});
