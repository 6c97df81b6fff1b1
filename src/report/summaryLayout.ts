import type { DayNumber } from '../core/calendar';
import { formatDay } from '../core/calendar';
import { describeSkippedRows, type CohortReport, type CohortTables } from '../core/cohorts';
import { currencyFormat, FORMAT } from './formats';
import { Grid, type Area, type CellContent, type SheetLayout } from './grid';
import { HEADER, PARTIAL, TITLE } from './styles';

/**
 * The summary sheet as a grid: header block, per-period table, cohort matrices (customers, %,
 * revenue), weighted average, value per cohort, per-segment matrices and the chart's data. Pure: the
 * writer turns it into a handful of batched Sheets calls.
 */

export interface SummaryMeta {
  title: string;
  sourceDescription: string; // e.g. Orders!A1:D69660
  shapeDescription: string;
  rowsRead: number;
  settingsLines: [string, string][];
  generatedAt: Date;
  version: string;
  locale: string;
}

export interface SummaryLayout extends SheetLayout {
  /** The % matrix cells the heatmap colours. */
  heatmap: Area | null;
  /** Chart data: first column the offset, one column per series, header row first. */
  chartData: Area | null;
  chartTitle: string;
}

export const MAX_CHART_SERIES = 12;

export function summaryLayout(report: CohortReport, meta: SummaryMeta, dayCell: (day: DayNumber) => Date): SummaryLayout {
  const g = new Grid();
  const money = currencyFormat(meta.locale);
  const named: { name: string; area: Area }[] = [];
  const partial = report.periods.length > 0 && report.periods[report.periods.length - 1].partial;
  const lastDay = formatDay(report.lastDay);

  // Header block.
  g.add([meta.title], { bold: true });
  g.add(['Source', meta.sourceDescription]);
  g.add(['Data', meta.shapeDescription]);
  g.add(['Rows read', meta.rowsRead], (i) => (i === 1 ? { numberFormat: FORMAT.count } : undefined));
  const skippedText = describeSkippedRows(report.skipped);
  g.add(['Rows skipped', report.skipped.total], (i) => (i === 1 ? { numberFormat: FORMAT.count } : undefined));
  if (skippedText) g.add(['', skippedText]);
  for (const [k, v] of meta.settingsLines) g.add([k, v]);
  g.add(['Data until', dayCell(report.lastDay)], (i) => (i === 1 ? { numberFormat: FORMAT.date } : undefined));
  if (partial) g.add(['', `The last period is partial (data until ${lastDay}); its cells are grey.`]);
  g.add(['Generated', meta.generatedAt], (i) => (i === 1 ? { numberFormat: FORMAT.dateTime } : undefined));
  g.add(['Add-on version', meta.version]);
  // The header block as a two-column table: =VLOOKUP("Data until", RetentionSummaryInfo, 2, FALSE).
  named.push({ name: 'RetentionSummaryInfo', area: { row: 1, column: 1, rows: g.nextRow - 1, columns: 2 } });
  const frozenRows = 1;
  g.skip();

  // Per-period table.
  g.add(['Retention and churn per period'], TITLE);
  const periodHeader = ['Period', 'First day', 'Customers at start (S)', 'New (N)', 'Reactivated', 'Lost', 'Customers at end (E)',
    'Retention (E − N) / S', 'Churn lost / S', 'Still active of S (1 − churn)', 'Revenue', 'Revenue retention', 'Note'];
  const periodTop = g.add(periodHeader, HEADER);
  const periodFormats = ['', FORMAT.date, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count,
    FORMAT.percent, FORMAT.percent, FORMAT.percent, money, FORMAT.percent, ''];
  for (const r of report.total.perPeriod) {
    const cells: CellContent[] = [r.label, dayCell(r.startDay), r.start, r.newCustomers, r.reactivated, r.lost, r.end,
      r.crr, r.churn, r.churn === null ? null : 1 - r.churn, report.hasRevenue ? r.revenue : null, report.hasRevenue ? r.revenueRetention : null, r.partial ? 'partial period' : ''];
    g.add(cells, (i) => ({ numberFormat: periodFormats[i] || undefined, ...(r.partial ? PARTIAL : {}) }));
  }
  if (report.options.source === 'log') {
    g.add(['', 'Customers who return after a gap (reactivated) count in E but not in N, so (E − N) / S can exceed 100 % in a transaction log; "still active of S" is the share of S active again in the period.'], PARTIAL);
  }
  named.push({ name: 'RetentionPerPeriod', area: { row: periodTop, column: 1, rows: report.total.perPeriod.length + 1, columns: periodHeader.length } });
  g.skip();

  // Cohort matrices for everyone (or the chosen segment).
  const matrices = cohortBlocks(g, report, report.total, '', money, dayCell);
  named.push({ name: 'CohortCustomers', area: matrices.counts });
  named.push({ name: 'CohortRetention', area: matrices.retention });
  if (matrices.revenue) named.push({ name: 'CohortRevenue', area: matrices.revenue });

  // Value per cohort.
  g.add(['Value per cohort'], TITLE);
  const valueHeader = ['Cohort', 'First day', 'Customers', 'Revenue to date', 'Revenue per customer',
    'Revenue per active customer-period', 'Observed churn per period', 'CLV (value ÷ churn)'];
  const valueTop = g.add(valueHeader, HEADER);
  const valueFormats = ['', FORMAT.date, FORMAT.count, money, money, money, FORMAT.percent, money];
  for (const v of report.total.value) {
    g.add([v.label, dayCell(v.startDay), v.size, v.revenueToDate, v.revenuePerCustomer, v.revenuePerActivePeriod, v.churn, v.clv],
      (i) => ({ numberFormat: valueFormats[i] || undefined }));
  }
  g.add(['', 'CLV uses =CLV(value, churn): revenue per active customer-period ÷ observed churn, no discount. Blank where a cohort has no revenue or no observed churn yet.'], PARTIAL);
  named.push({ name: 'CohortValue', area: { row: valueTop, column: 1, rows: report.total.value.length + 1, columns: valueHeader.length } });
  g.skip();

  // One retention matrix per segment.
  for (const s of report.segments) {
    g.add([`Segment: ${s.name}`], TITLE);
    cohortBlocks(g, report, s.tables, s.name, money, dayCell, true);
  }

  // Chart data: retention by offset, one series per cohort, or the average when there are many.
  const chart = chartBlock(g, report.total);

  return {
    grid: g,
    frozenRows,
    namedAreas: named,
    heatmap: matrices.heatmap,
    chartData: chart,
    chartTitle: report.total.cohorts.length <= MAX_CHART_SERIES ? 'Retention by period since first period, per cohort' : 'Average retention by period since first period',
  };
}

interface MatrixAreas {
  counts: Area;
  retention: Area;
  revenue: Area | null;
  heatmap: Area | null;
}

function cohortBlocks(
  g: Grid,
  report: CohortReport,
  t: CohortTables,
  segment: string,
  money: string,
  dayCell: (day: DayNumber) => Date,
  retentionOnly = false,
): MatrixAreas {
  const suffix = segment ? ` — ${segment}` : '';
  const offsetHeader = Array.from({ length: t.offsets }, (_, k) => `+${k}`);
  const header = ['Cohort', 'First day', 'Customers', ...offsetHeader];
  // A cohort's cell at offset k lies in period (cohort + k); the last period may be partial.
  const lastPeriod = report.periods.length ? report.periods[report.periods.length - 1] : null;
  const isPartialCell = (cohortPeriod: number, k: number) => !!lastPeriod?.partial && cohortPeriod + k === lastPeriod.index;

  const block = (title: string, cells: (number | null)[][], format: string): Area => {
    g.add([title + suffix], TITLE);
    const top = g.add(header, HEADER);
    t.cohorts.forEach((c, i) => {
      g.add([c.label, dayCell(c.startDay), c.size, ...cells[i]], (j) => ({
        numberFormat: j === 1 ? FORMAT.date : j === 2 ? FORMAT.count : j >= 3 ? format : undefined,
        ...(j >= 3 && isPartialCell(c.period, j - 3) ? PARTIAL : {}),
      }));
    });
    return { row: top, column: 1, rows: t.cohorts.length + 1, columns: header.length };
  };

  let counts: Area = { row: 0, column: 0, rows: 0, columns: 0 };
  if (!retentionOnly) {
    counts = block('Customers per cohort', t.counts, FORMAT.count);
    g.skip();
  }
  const retention = block('Retention per cohort (%)', t.retention, FORMAT.percent);
  const total = t.cohorts.reduce((s, c) => s + c.size, 0);
  g.add(['Weighted average', '', total, ...t.average], (j) => ({
    bold: true,
    numberFormat: j === 2 ? FORMAT.count : j >= 3 ? FORMAT.percent : undefined,
  }));
  // Offset 0 is 100 % for every cohort of a log: left out of the colour scale, it would flatten the rest.
  const firstOffset = t.offsets > 1 ? 1 : 0;
  const heatmap: Area | null = t.cohorts.length && t.offsets
    ? { row: retention.row + 1, column: 4 + firstOffset, rows: t.cohorts.length, columns: t.offsets - firstOffset }
    : null;
  retention.rows += 1; // the average row belongs to the named table
  g.skip();
  let revenue: Area | null = null;
  if (!retentionOnly && report.hasRevenue && t.revenue) {
    revenue = block('Revenue per cohort', t.revenue, money);
    g.skip();
  }
  return { counts, retention, revenue, heatmap };
}

function chartBlock(g: Grid, t: CohortTables): Area | null {
  if (t.offsets === 0 || t.cohorts.length === 0) return null;
  g.add(['Chart data: retention by period since the cohort’s first period'], TITLE);
  const perCohort = t.cohorts.length <= MAX_CHART_SERIES;
  const names = perCohort ? t.cohorts.map((c) => c.label) : ['Weighted average'];
  const top = g.add(['Period', ...names], HEADER);
  for (let k = 0; k < t.offsets; k++) {
    const series = perCohort ? t.retention.map((row) => row[k]) : [t.average[k]];
    g.add([`+${k}`, ...series], (i) => (i > 0 ? { numberFormat: FORMAT.percent } : undefined));
  }
  return { row: top, column: 1, rows: t.offsets + 1, columns: names.length + 1 };
}
