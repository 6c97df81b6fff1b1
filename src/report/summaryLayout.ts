import type { DayNumber } from '../core/calendar';
import { skippedRowsMessage, type CohortReport, type CohortTables } from '../core/cohorts';
import { periodLabeller } from '../core/periods';
import { languageOf, renderValue, t, type Language, type Param } from '../i18n';
import { date } from '../i18n/messages';
import { cellDateFormat, cellDateTimeFormat, FORMAT, PLAIN_MONEY } from './formats';
import { Grid, type Area, type SheetLayout } from './grid';
import { addPeriodTable } from './periodTable';
import { HEADER, NOTE, PARTIAL, TITLE } from './styles';

/**
 * The summary sheet as a grid: header block, per-period table, cohort matrices (customers, %,
 * revenue), weighted average, value per cohort, per-segment matrices and the chart's data. Labels in
 * the spreadsheet's language (the team reads the same sheet); pure: the writer turns it into a
 * handful of batched Sheets calls.
 */

export interface SummaryMeta {
  title: string;
  sourceDescription: string; // e.g. Orders!A1:D69660
  shapeDescription: Param;
  rowsRead: number;
  /** Label and value of each line of the header block, rendered in the sheet's language. */
  settingsLines: [Param, Param][];
  generatedAt: Date;
  version: string;
  locale: string;
  /** The money cells' format (moneyFormatOf the source amounts' format); two decimals, no symbol, without it. */
  moneyFormat?: string;
}

export interface SummaryLayout extends SheetLayout {
  /** The % matrix cells the heatmap colours: the total's, then each segment's (each its own scale). */
  heatmaps: Area[];
  /** Chart data: first column the offset, one column per series, header row first. */
  chartData: Area | null;
  chartTitle: string;
}

/** Columns 2 on hold dates, counts and the "Generated" time: wide enough for "2024. 12. 31. 23:59". */
const COLUMN_WIDTHS = { 2: 130 };

export const MAX_CHART_SERIES = 12;

export function summaryLayout(report: CohortReport, meta: SummaryMeta, dayCell: (day: DayNumber) => Date): SummaryLayout {
  const g = new Grid();
  const language = languageOf(meta.locale);
  const text = (value: Param) => renderValue(value, language);
  const formats: Formats = { money: meta.moneyFormat ?? PLAIN_MONEY, date: cellDateFormat(language) };
  const named: { name: string; area: Area }[] = [];
  const partial = report.periods.length > 0 && report.periods[report.periods.length - 1].partial;
  const label = reportLabeller(report, language);

  // Header block.
  g.add([meta.title], { bold: true });
  g.add([t(language, 'summary.source'), meta.sourceDescription]);
  g.add([t(language, 'summary.data'), text(meta.shapeDescription)]);
  g.add([t(language, 'summary.rowsRead'), meta.rowsRead], (i) => (i === 1 ? { numberFormat: FORMAT.count } : undefined));
  const skipped = skippedRowsMessage(report.skipped);
  g.add([t(language, 'summary.rowsSkipped'), report.skipped.total], (i) => (i === 1 ? { numberFormat: FORMAT.count } : undefined));
  if (skipped !== null) g.add(['', text(skipped)]);
  for (const [k, v] of meta.settingsLines) g.add([text(k), text(v)]);
  g.add([t(language, 'summary.dataUntil'), dayCell(report.lastDay)], (i) => (i === 1 ? { numberFormat: formats.date } : undefined));
  if (partial) g.add(['', t(language, 'summary.partialNote', { date: date(report.lastDay) })]);
  g.add([t(language, 'summary.generated'), meta.generatedAt], (i) => (i === 1 ? { numberFormat: cellDateTimeFormat(language) } : undefined));
  g.add([t(language, 'summary.version'), meta.version]);
  // The header block as a two-column table: =VLOOKUP("Data until", RetentionSummaryInfo, 2, FALSE).
  named.push({ name: 'RetentionSummaryInfo', area: { row: 1, column: 1, rows: g.nextRow - 1, columns: 2 } });
  const frozenRows = 1;
  g.skip();

  // Per-period table.
  named.push({ name: 'RetentionPerPeriod', area: addPeriodTable(g, report, formats.money, dayCell, language, formats.date) });
  g.skip();

  // Cohort matrices for everyone (or the chosen segment).
  const matrices = cohortBlocks(g, report, report.total, '', formats, dayCell, language);
  named.push({ name: 'CohortCustomers', area: matrices.counts });
  named.push({ name: 'CohortRetention', area: matrices.retention });
  if (matrices.revenue) named.push({ name: 'CohortRevenue', area: matrices.revenue });
  const heatmaps = matrices.heatmap ? [matrices.heatmap] : [];

  // Value per cohort.
  g.add([t(language, 'summary.value.title')], TITLE);
  const valueHeader = [t(language, 'summary.col.cohort'), t(language, 'summary.col.firstDay'), t(language, 'summary.col.customers'),
    t(language, 'summary.value.revenueToDate'), t(language, 'summary.value.perCustomer'), t(language, 'summary.value.perPeriod'),
    t(language, 'summary.value.churn'), t(language, 'summary.value.future')];
  const valueTop = g.add(valueHeader, HEADER);
  const valueFormats = ['', formats.date, FORMAT.count, formats.money, formats.money, formats.money, FORMAT.percent, formats.money];
  for (const v of report.total.value) {
    g.add([label(v.period), dayCell(v.startDay), v.size, v.revenueToDate, v.revenuePerCustomer, v.revenuePerActivePeriod, v.churn, v.clv],
      (i) => ({ numberFormat: valueFormats[i] || undefined }));
  }
  g.add(['', t(language, 'summary.value.note')], NOTE);
  named.push({ name: 'CohortValue', area: { row: valueTop, column: 1, rows: report.total.value.length + 1, columns: valueHeader.length } });
  g.skip();

  // One retention matrix per segment, each with its heatmap.
  for (const s of report.segments) {
    g.add([t(language, 'summary.segment', { name: s.name })], TITLE);
    const blocks = cohortBlocks(g, report, s.tables, s.name, formats, dayCell, language, true);
    if (blocks.heatmap) heatmaps.push(blocks.heatmap);
  }

  // Chart data: retention by offset, one series per cohort, or the average when there are many.
  const chart = chartBlock(g, report, report.total, language);

  return {
    grid: g,
    frozenRows,
    // Cohort and period labels stay in view while scrolling across the offsets.
    frozenColumns: 1,
    columnWidths: COLUMN_WIDTHS,
    namedAreas: named,
    heatmaps,
    chartData: chart,
    // Beside the table it draws: right of the retention matrix, level with its title.
    chartAnchor: { row: matrices.retention.row - 1, column: matrices.retention.column + matrices.retention.columns + 1 },
    chartTitle: t(language, report.total.cohorts.length <= MAX_CHART_SERIES ? 'summary.chart.perCohort' : 'summary.chart.average'),
  };
}

interface Formats {
  money: string;
  date: string;
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
  tables: CohortTables,
  segment: string,
  formats: Formats,
  dayCell: (day: DayNumber) => Date,
  language: Language,
  retentionOnly = false,
): MatrixAreas {
  const suffix = segment ? ` — ${segment}` : '';
  const label = reportLabeller(report, language);
  const offsetHeader = Array.from({ length: tables.offsets }, (_, k) => `+${k}`);
  const header = [t(language, 'summary.col.cohort'), t(language, 'summary.col.firstDay'), t(language, 'summary.col.customers'), ...offsetHeader];
  // A cohort's cell at offset k lies in period (cohort + k); the last period may be partial.
  const lastPeriod = report.periods.length ? report.periods[report.periods.length - 1] : null;
  const isPartialCell = (cohortPeriod: number, k: number) => !!lastPeriod?.partial && cohortPeriod + k === lastPeriod.index;

  const block = (title: string, cells: (number | null)[][], format: string): Area => {
    g.add([title + suffix], TITLE);
    const top = g.add(header, HEADER);
    tables.cohorts.forEach((c, i) => {
      g.add([label(c.period), dayCell(c.startDay), c.size, ...cells[i]], (j) => ({
        numberFormat: j === 1 ? formats.date : j === 2 ? FORMAT.count : j >= 3 ? format : undefined,
        ...(j >= 3 && isPartialCell(c.period, j - 3) ? PARTIAL : {}),
      }));
    });
    return { row: top, column: 1, rows: tables.cohorts.length + 1, columns: header.length };
  };

  let counts: Area = { row: 0, column: 0, rows: 0, columns: 0 };
  if (!retentionOnly) {
    counts = block(t(language, 'summary.matrix.customers'), tables.counts, FORMAT.count);
    g.skip();
  }
  const retention = block(t(language, 'summary.matrix.retention'), tables.retention, FORMAT.percent);
  const total = tables.cohorts.reduce((sum, c) => sum + c.size, 0);
  g.add([t(language, 'summary.weightedAverage'), '', total, ...tables.average], (j) => ({
    bold: true,
    numberFormat: j === 2 ? FORMAT.count : j >= 3 ? FORMAT.percent : undefined,
  }));
  // Offset 0 is 100 % for every cohort of a log: left out of the colour scale, it would flatten the rest.
  const firstOffset = tables.offsets > 1 ? 1 : 0;
  const heatmap: Area | null = tables.cohorts.length && tables.offsets
    ? { row: retention.row + 1, column: 4 + firstOffset, rows: tables.cohorts.length, columns: tables.offsets - firstOffset }
    : null;
  retention.rows += 1; // the average row belongs to the named table
  g.skip();
  let revenue: Area | null = null;
  if (!retentionOnly && report.hasRevenue && tables.revenue) {
    revenue = block(t(language, 'summary.matrix.revenue'), tables.revenue, formats.money);
    g.skip();
  }
  return { counts, retention, revenue, heatmap };
}

/**
 * The chart's data. Curves start at +1 (+0 is 100 % for every cohort of a log and would flatten
 * curves of a few percent) and stop before the partial last period: its cells would dip with
 * customers who have not bought yet.
 */
function chartBlock(g: Grid, report: CohortReport, tables: CohortTables, language: Language): Area | null {
  const firstOffset = tables.offsets > 1 ? 1 : 0;
  if (tables.offsets === 0 || tables.cohorts.length === 0) return null;
  g.add([t(language, 'summary.chart.data')], TITLE);
  const perCohort = tables.cohorts.length <= MAX_CHART_SERIES;
  const label = reportLabeller(report, language);
  const names = perCohort ? tables.cohorts.map((c) => label(c.period)) : [t(language, 'summary.weightedAverage')];
  const top = g.add([t(language, 'summary.col.period'), ...names], HEADER);
  const last = report.periods.length ? report.periods[report.periods.length - 1] : null;
  const complete = (cohortPeriod: number, k: number) => !(last?.partial && cohortPeriod + k === last.index);
  for (let k = firstOffset; k < tables.offsets; k++) {
    const series = perCohort ? tables.retention.map((row, i) => (complete(tables.cohorts[i].period, k) ? row[k] : null)) : [tables.average[k]];
    g.add([`+${k}`, ...series], (i) => (i > 0 ? { numberFormat: FORMAT.percent } : undefined));
  }
  return { row: top, column: 1, rows: tables.offsets - firstOffset + 1, columns: names.length + 1 };
}

/** Period labels in the sheet's language (the engines' own labels are English). */
export function reportLabeller(report: CohortReport, language: Language): (period: number) => string {
  return periodLabeller({ unit: report.options.period, weekStart: report.options.weekStart }, language);
}
