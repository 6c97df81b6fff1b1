import type { DayNumber } from '../core/calendar';
import { formatDay } from '../core/calendar';
import { describeSkippedRows, type CohortReport, type CohortTables } from '../core/cohorts';
import { currencyFormat, FORMAT } from './formats';
import { Grid, type Area, type SheetLayout } from './grid';
import { addPeriodTable } from './periodTable';
import { HEADER, NOTE, PARTIAL, TITLE } from './styles';

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

const VALUE_NOTE =
  'Lifetime value of a customer = revenue to date + expected future value. The expected future value is what a customer who is active now ' +
  'brings from now on: m in each period while they stay, 1 ÷ churn periods on average (=CLV(m, churn), no discount); it does not include what ' +
  'they have already spent. Observed churn leaves out the partial last period. Blank where a cohort has no revenue or no observed churn yet.';

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
  if (partial) g.add(['', `The last period is partial (data until ${lastDay}): its cells are grey and left out of the weighted averages, the chart and the observed churn.`]);
  g.add(['Generated', meta.generatedAt], (i) => (i === 1 ? { numberFormat: FORMAT.dateTime } : undefined));
  g.add(['Add-on version', meta.version]);
  // The header block as a two-column table: =VLOOKUP("Data until", RetentionSummaryInfo, 2, FALSE).
  named.push({ name: 'RetentionSummaryInfo', area: { row: 1, column: 1, rows: g.nextRow - 1, columns: 2 } });
  const frozenRows = 1;
  g.skip();

  // Per-period table.
  named.push({ name: 'RetentionPerPeriod', area: addPeriodTable(g, report, money, dayCell) });
  g.skip();

  // Cohort matrices for everyone (or the chosen segment).
  const matrices = cohortBlocks(g, report, report.total, '', money, dayCell);
  named.push({ name: 'CohortCustomers', area: matrices.counts });
  named.push({ name: 'CohortRetention', area: matrices.retention });
  if (matrices.revenue) named.push({ name: 'CohortRevenue', area: matrices.revenue });

  // Value per cohort.
  g.add(['Value per cohort'], TITLE);
  const valueHeader = ['Cohort', 'First day', 'Customers', 'Revenue to date', 'Revenue to date per customer',
    'Revenue per active customer-period (m)', 'Observed churn per period',
    'Expected future value of an active customer\nm ÷ churn, as =CLV(m, churn)'];
  const valueTop = g.add(valueHeader, HEADER);
  const valueFormats = ['', FORMAT.date, FORMAT.count, money, money, money, FORMAT.percent, money];
  for (const v of report.total.value) {
    g.add([v.label, dayCell(v.startDay), v.size, v.revenueToDate, v.revenuePerCustomer, v.revenuePerActivePeriod, v.churn, v.clv],
      (i) => ({ numberFormat: valueFormats[i] || undefined }));
  }
  g.add(['', VALUE_NOTE], NOTE);
  named.push({ name: 'CohortValue', area: { row: valueTop, column: 1, rows: report.total.value.length + 1, columns: valueHeader.length } });
  g.skip();

  // One retention matrix per segment.
  for (const s of report.segments) {
    g.add([`Segment: ${s.name}`], TITLE);
    cohortBlocks(g, report, s.tables, s.name, money, dayCell, true);
  }

  // Chart data: retention by offset, one series per cohort, or the average when there are many.
  const chart = chartBlock(g, report, report.total);

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

// Curves stop before the partial last period: its cells would dip with customers who have not bought yet.
function chartBlock(g: Grid, report: CohortReport, t: CohortTables): Area | null {
  if (t.offsets === 0 || t.cohorts.length === 0) return null;
  g.add(['Chart data: retention by period since the cohort’s first period (complete periods only)'], TITLE);
  const perCohort = t.cohorts.length <= MAX_CHART_SERIES;
  const names = perCohort ? t.cohorts.map((c) => c.label) : ['Weighted average'];
  const top = g.add(['Period', ...names], HEADER);
  const last = report.periods.length ? report.periods[report.periods.length - 1] : null;
  const complete = (cohortPeriod: number, k: number) => !(last?.partial && cohortPeriod + k === last.index);
  for (let k = 0; k < t.offsets; k++) {
    const series = perCohort ? t.retention.map((row, i) => (complete(t.cohorts[i].period, k) ? row[k] : null)) : [t.average[k]];
    g.add([`+${k}`, ...series], (i) => (i > 0 ? { numberFormat: FORMAT.percent } : undefined));
  }
  return { row: top, column: 1, rows: t.offsets + 1, columns: names.length + 1 };
}
