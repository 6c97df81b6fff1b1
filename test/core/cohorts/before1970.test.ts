/** Logs and tables that start before 1970 (negative day and period numbers) against the reference. */
import { describe, expect, it } from 'vitest';
import { computeCohortReport, parseCustomerTable, parseTransactionLog } from '../../../src/core/cohorts/index';
import { both, differences, SCHEMES, ZONES } from './compare';
import { generateLog, generateTable, logColumns, tableColumns } from './generate';
import { referenceLog, referenceTable, type RefOptions } from './reference';
import { dayOf } from '../../support/days';

// From a Thursday in 1958 across the 1970-01-01 origin of day and period numbers.
const SPAN = { firstDay: dayOf(1958, 11, 20), lastDay: dayOf(1970, 2, 10) };

describe.each(ZONES)('before 1970 in %s', (zone) => {
  const rows = generateLog({ seed: 1958 + zone.length, zone, customers: 160, amounts: true, span: SPAN });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const tableRows = generateTable({ seed: 1969 + zone.length, zone, customers: 160, revenue: true, span: SPAN });
  const table = parseCustomerTable(tableColumns(tableRows), { timeZone: zone, firstRowNumber: 2 });

  it('reads every row', () => {
    expect(log.skipped.total).toBe(0);
    expect(log.firstDay).toBeLessThan(0);
  });

  for (const scheme of SCHEMES) {
    it(`a log by ${scheme.unit} (${scheme.weekStart}): month and quarter starts before 1970, every cell`, () => {
      const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' };
      const report = computeCohortReport(log, both(o));
      expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
      expect(report.periods[0].startDay).toBeLessThan(0);
    });
    it(`a table by ${scheme.unit} (${scheme.weekStart})`, () => {
      const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' };
      expect(differences(computeCohortReport(table, both(o)).total, referenceTable(tableRows, o))).toEqual([]);
    });
  }
});
