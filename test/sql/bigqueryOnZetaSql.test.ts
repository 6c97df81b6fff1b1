/**
 * The BigQuery dialect executed: the query text the add-on sends to BigQuery, run on Google's ZetaSQL
 * reference evaluator (GoogleSQL's own semantics: time zones, SAFE casts, NUMERIC, windows), gives the
 * in-sheet engine's CohortReport on seeded synthetic logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../support/days';
import { computeCohortReport, parseTransactionLog, type CohortOptions } from '../../src/core/cohorts/index';
import { bigQuery, cohortQuery, cohortReportFromRows, cohortResultRows } from '../../src/core/sql';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { SCHEMES } from '../core/cohorts/compare';
import { generateLog, logColumns } from '../core/cohorts/generate';
import { COLUMN_NAMES, LOG_COLUMNS, logTableRows, sqlSettings } from './fixtures';
import { reportDifferences } from './reportDifferences';

let zeta: ZetaSql;
beforeAll(async () => {
  zeta = await ZetaSql.start();
});
afterAll(() => zeta?.stop());

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('BigQuery dialect on ZetaSQL = in-sheet engine, log in %s', (zone) => {
  const rows = generateLog({ seed: zone.length * 31337, zone, customers: 120, amounts: true, segments: true });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const table: ZetaTable = {
    path: ['orders'],
    columns: [LOG_COLUMNS.id, LOG_COLUMNS.date, LOG_COLUMNS.amount!, LOG_COLUMNS.segment!, LOG_COLUMNS.order!],
    rows: logTableRows(rows),
  };
  const run = async (o: CohortOptions) => {
    const s = sqlSettings(zone, o);
    const result = await zeta.evaluate(cohortQuery(bigQuery, { table: ['orders'] }, LOG_COLUMNS, s), [table]);
    return cohortReportFromRows(cohortResultRows(result.rows), s, true, COLUMN_NAMES).report;
  };

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}), both modes, broken down by segment`, async () => {
      for (const mode of ['in', 'in-or-after'] as const) {
        const o: CohortOptions = { period: scheme.unit, weekStart: scheme.weekStart, mode, bySegment: true };
        expect(reportDifferences(await run(o), computeCohortReport(log, o))).toEqual([]);
      }
    });
  }

  it('as of a mid-month day, one segment', async () => {
    const o: CohortOptions = { period: 'month', asOfDay: dayOf(2023, 11, 14), segment: 'A' };
    expect(reportDifferences(await run(o), computeCohortReport(log, o))).toEqual([]);
  });
});
