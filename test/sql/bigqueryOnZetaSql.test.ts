/**
 * The BigQuery dialect executed: the query text the add-on sends to BigQuery, run on Google's ZetaSQL
 * reference evaluator (GoogleSQL's own semantics: time zones, SAFE casts, NUMERIC, windows), gives the
 * in-sheet engine's CohortReport on seeded synthetic logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../support/days';
import { computeCohortReport, parseTransactionLog, suggestLapse, type CohortOptions } from '../../src/core/cohorts/index';
import { bigQuery, cohortQuery, cohortReportFromRows, cohortResultRows, lapseSuggestionFromRows } from '../../src/core/sql';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { SCHEMES } from '../core/cohorts/compare';
import { generateLog, logColumns } from '../core/cohorts/generate';
import { COLUMN_NAMES, LOG_COLUMNS, logTableRows, sqlSettings, withEarlyRefunds } from './fixtures';
import { periodSets } from '../support/periodSets';
import { reportDifferences } from './reportDifferences';

let zeta: ZetaSql;
beforeAll(async () => {
  zeta = await ZetaSql.start();
});
afterAll(() => zeta?.stop());

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('BigQuery dialect on ZetaSQL = in-sheet engine, log in %s', (zone) => {
  const rows = withEarlyRefunds(generateLog({ seed: zone.length * 31337, zone, customers: 120, amounts: true, segments: true }));
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const table: ZetaTable = {
    path: ['orders'],
    columns: [LOG_COLUMNS.id, LOG_COLUMNS.date, LOG_COLUMNS.amount!, LOG_COLUMNS.segment!, LOG_COLUMNS.order!],
    rows: logTableRows(rows),
  };
  const rowsOf = async (o: CohortOptions) => cohortResultRows((await zeta.evaluate(cohortQuery(bigQuery, { table: ['orders'] }, LOG_COLUMNS, sqlSettings(zone, o)), [table])).rows);
  const run = async (o: CohortOptions) => cohortReportFromRows(await rowsOf(o), sqlSettings(zone, o), true, COLUMN_NAMES).report;

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}), both modes, broken down by segment`, async () => {
      for (const mode of ['in', 'in-or-after'] as const) {
        const o: CohortOptions = { period: scheme.unit, weekStart: scheme.weekStart, mode, bySegment: true };
        expect(reportDifferences(await run(o), computeCohortReport(log, o))).toEqual([]);
      }
    });
  }

  for (const lapseAfter of [2, 4]) {
    it(`lapse window K = ${lapseAfter}, refunds both ways: month and ISO weeks, both modes, by segment`, async () => {
      for (const refundsAreActivity of [false, true]) {
        for (const unit of ['month', 'week'] as const) {
          for (const mode of ['in', 'in-or-after'] as const) {
            const o: CohortOptions = { period: unit, mode, bySegment: true, lapseAfter, refundsAreActivity };
            const actual = await run(o);
            const expected = computeCohortReport(log, o);
            expect(reportDifferences(actual, expected), `${unit} ${mode} ${refundsAreActivity}`).toEqual([]);
            const tally = (r: typeof actual) => [...r.skipped.reasons, ...r.skipped.notes].filter((t) => t.reason === 'refund before first purchase' || t.reason === 'negative amount').map((t) => [t.reason, t.count]);
            expect(tally(actual)).toEqual(tally(expected));
            const sets = periodSets(rows.map((r) => ({ id: r.id, date: r.date, amount: r.amount })), { zone, unit, lapseAfter, refundsAreActivity });
            expect(actual.total.perPeriod.map((r) => [r.label, r.start, r.newCustomers, r.returning, r.end, r.lost])).toEqual(sets.map((r) => [r.label, r.start, r.newCustomers, r.returning, r.end, r.lost]));
            if (mode === 'in') expect(lapseSuggestionFromRows(await rowsOf(o))).toEqual(suggestLapse(log, refundsAreActivity).byPeriod[unit]);
          }
        }
      }
    });
  }

  it('as of a mid-month day, one segment', async () => {
    const o: CohortOptions = { period: 'month', asOfDay: dayOf(2023, 11, 14), segment: 'A' };
    expect(reportDifferences(await run(o), computeCohortReport(log, o))).toEqual([]);
  });
});
