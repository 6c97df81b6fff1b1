import type { DayNumber } from '../core/calendar';
import { formatDay } from '../core/calendar';
import type { CustomerId } from '../core/cohorts';
import type { CustomerValueResult } from '../core/models';
import { addCustomerLists } from './customerValueLists';
import type { ValueOptions, ValueTables } from './customerValueTables';
import { currencyFormat, FORMAT } from './formats';
import { Grid, type Area, type CellContent, type CellStyle, type SheetLayout } from './grid';
import { HEADER, NOTE, TITLE, WARNING } from './styles';

export { customerSegments, customerValueTables, MAX_LIST_ROWS, TOP_CUSTOMERS, type SegmentValue, type ValueOptions, type ValueTables } from './customerValueTables';

/**
 * The "Customer value" sheet as a grid: warnings when the model cannot be trusted, the header block, the fitted
 * models, the top customers by CLV, the at-risk and lapsed lists and CLV by segment (gross, cost to serve and
 * net when costs are given). The selection and sums are in customerValueTables.ts; the writer turns the grid
 * into a handful of batched calls.
 */

export interface CustomerValueMeta {
  title: string;
  /** e.g. 'Orders'!A1:D69660 */
  sourceDescription: string;
  rowsRead: number;
  rowsSkipped: number;
  /** describeSkippedRows of the parse, or "". */
  skippedText: string;
  /** How the segment column is named, e.g. column D ("Plan"); "" without one. */
  segmentColumn: string;
  /** True when the observation end is an as-of date the analyst chose. */
  asOfChosen: boolean;
  /** The cost to serve in words, one line each (see describeCosts); [] without costs. */
  costLines: string[];
  generatedAt: Date;
  version: string;
  locale: string;
}

const PARAMETER = '0.0000';
const LOG_LIKELIHOOD = '#,##0.00';
const DECIMAL = '0.00';

const count = (v: number) => v.toLocaleString('en-US');
const orBlank = (v: number): number | null => (Number.isFinite(v) ? v : null);

function fmt(format: string | undefined): CellStyle | undefined {
  return format ? { numberFormat: format } : undefined;
}

export function customerValueLayout(
  result: CustomerValueResult,
  tables: ValueTables,
  options: ValueOptions,
  ids: readonly CustomerId[],
  meta: CustomerValueMeta,
  dayCell: (day: DayNumber) => Date,
): SheetLayout {
  const g = new Grid();
  const s = result.summary;
  const c = result.customers;
  const money = currencyFormat(meta.locale);
  const named: { name: string; area: Area }[] = [];
  const horizon = `next ${s.horizonMonths} ${s.horizonMonths === 1 ? 'month' : 'months'}`;
  const labelled = (label: string, value: CellContent, format?: string) => g.add([label, value], (i) => (i === 1 ? fmt(format) : undefined));

  // Title, then what makes the model untrustworthy, where nobody can miss it.
  g.add([meta.title], TITLE);
  for (const warning of s.warnings) g.add(['Caution', warning.message], (i) => (i === 0 ? { ...WARNING, bold: true } : WARNING));

  // Header block.
  labelled('Source', meta.sourceDescription);
  labelled('Data', 'Transaction log (one row per purchase), with amounts');
  labelled('Rows read', meta.rowsRead, FORMAT.count);
  labelled('Rows skipped', meta.rowsSkipped, FORMAT.count);
  if (meta.skippedText) g.add(['', meta.skippedText], NOTE);
  labelled('Observation end', dayCell(s.endDay), FORMAT.date);
  g.add(['', meta.asOfChosen ? 'The "as of" date chosen in the sidebar; later rows are ignored.' : 'The last date in the data.'], NOTE);
  labelled(`Total CLV, ${horizon}`, tables.totalClv, money);
  if (tables.hasCosts) {
    labelled(`Total cost to serve, ${horizon}`, tables.totalCost, money);
    labelled(`Total net value, ${horizon}`, tables.totalClv - tables.totalCost, money);
    meta.costLines.forEach((line, k) => g.add([k === 0 ? 'Cost to serve' : '', line], (i) => (i === 1 ? NOTE : undefined)));
  }
  labelled('Total past value', tables.totalPastValue, money);
  labelled('Generated', meta.generatedAt, FORMAT.dateTime);
  labelled('Add-on version', meta.version);
  g.skip();

  // The fitted models.
  g.add(['Model: BG/NBD (purchases) and Gamma-Gamma (spend)'], TITLE);
  const modelTop = g.add(['Quantity', 'Value', 'Meaning'], HEADER);
  const model: [string, CellContent, string | undefined, string][] = [
    ['r', s.r, PARAMETER, 'BG/NBD: shape of the purchase rates across customers'],
    ['alpha', s.alpha, PARAMETER, `BG/NBD: scale of the purchase rates, in ${s.unit}`],
    ['a', s.a, PARAMETER, 'BG/NBD: drop-out probability after a purchase ~ Beta(a, b)'],
    ['b', s.b, PARAMETER, 'BG/NBD: drop-out probability after a purchase ~ Beta(a, b)'],
    ['p', s.p, PARAMETER, 'Gamma-Gamma: shape of a customer’s purchase amounts'],
    ['q', s.q, PARAMETER, 'Gamma-Gamma: shape of the amount scale across customers'],
    ['v', s.v, PARAMETER, 'Gamma-Gamma: scale of the amount scale across customers'],
    ['BG/NBD log-likelihood', s.bgNbdLogLikelihood, LOG_LIKELIHOOD, ''],
    ['Gamma-Gamma log-likelihood', s.gammaGammaLogLikelihood, LOG_LIKELIHOOD, ''],
    ['BG/NBD converged', s.bgNbdConverged, undefined, s.bgNbdConverged ? '' : 'The parameters are not estimates: see the notes'],
    ['Gamma-Gamma converged', s.gammaGammaConverged, undefined, s.gammaGammaConverged ? '' : 'The parameters are not estimates: see the notes'],
    ['Time unit', s.unit, undefined, `Recency, age and alpha are in ${s.unit}; predictions do not depend on it`],
    ['Customers', s.customers, FORMAT.count, 'With a purchase on or before the observation end'],
    ['Customers in the spend model', s.spendCustomers, FORMAT.count, 'With a repeat purchase of positive amount'],
    ['Observation end', dayCell(s.endDay), FORMAT.date, 'Inclusive'],
    ['Horizon (months)', s.horizonMonths, FORMAT.count, '1 month = 365.25 / 12 days'],
    ['Monthly discount rate', s.monthlyDiscountRate, '0.00%', 'Each month’s expected purchases are discounted to today'],
    ['Spend–frequency correlation', orBlank(s.spendFrequencyCorrelation), '0.000', 'Pearson ρ of repeat purchases and average spend; the spend model assumes 0'],
  ];
  for (const [label, value, format, meaning] of model) {
    g.add([label, value, meaning], (i) => (i === 1 ? fmt(format) : i === 2 ? NOTE : undefined));
  }
  named.push({ name: 'CustomerValueModel', area: { row: modelTop, column: 1, rows: model.length + 1, columns: 3 } });
  for (const note of s.notes) g.add(['Note', note], (i) => (i === 1 ? NOTE : undefined));
  g.skip();

  // Top customers by CLV.
  g.add([`Top ${count(tables.top.length)} customers by CLV, ${horizon}`], TITLE);
  const topHeader = ['Customer', 'Purchases', 'Last purchase', 'Past value', 'P(alive)', `Expected purchases, ${horizon}`, 'Expected average value', 'CLV'];
  const topFormats = [undefined, FORMAT.count, FORMAT.date, money, FORMAT.percent, DECIMAL, money, money];
  const topRow = g.add(topHeader, HEADER);
  for (const i of tables.top) {
    g.add([ids[i], c.purchases[i], dayCell(c.lastPurchaseDay[i]), c.pastValue[i], c.probabilityAlive[i], c.expectedPurchases[i], c.expectedAverageValue[i], c.clv[i]],
      (j) => fmt(topFormats[j]));
  }
  named.push({ name: 'CustomerValueTop', area: { row: topRow, column: 1, rows: tables.top.length + 1, columns: topHeader.length } });
  g.add(['', 'Purchases are distinct purchase days. Past value is the sum of all amounts up to the observation end, refunds included. CLV is the expected value of the purchases in the horizon, discounted monthly.'], NOTE);
  g.skip();

  // Whom to reach: at risk, then lapsed.
  named.push(...addCustomerLists(g, tables, options, ids, money, formatDay(s.endDay), dayCell));

  // CLV by segment.
  if (tables.segments) {
    g.add([`CLV by segment (${meta.segmentColumn}), ${horizon}`], TITLE);
    const segmentHeader = ['Segment', 'Customers', 'CLV (sum)', 'CLV per customer', 'Past value (sum)', 'Share of total CLV'];
    const segmentFormats = [undefined, FORMAT.count, money, money, money, FORMAT.percent];
    if (tables.hasCosts) {
      segmentHeader.push('Cost to serve (sum)', 'Net value (sum)', 'Net value per customer');
      segmentFormats.push(money, money, money);
    }
    const segmentRow = g.add(segmentHeader, HEADER);
    for (const seg of tables.segments) {
      const cells: CellContent[] = [seg.name, seg.customers, seg.clvSum, orBlank(seg.clvMean), seg.pastValueSum, orBlank(seg.clvShare)];
      if (tables.hasCosts) cells.push(seg.costSum, seg.netSum, orBlank(seg.netMean));
      g.add(cells, (j) => fmt(segmentFormats[j]));
    }
    named.push({ name: 'CustomerValueBySegment', area: { row: segmentRow, column: 1, rows: tables.segments.length + 1, columns: segmentHeader.length } });
    g.add(['', 'A customer belongs to the segment on their earliest row, the one they were acquired in.'], NOTE);
    if (tables.hasCosts) {
      g.add(['', 'CLV is the gross value; net value = CLV − cost to serve over the same horizon, discounted the same way. Largest net value first.'], NOTE);
    }
  } else {
    g.add(['CLV by segment'], TITLE);
    g.add(['', 'Choose a segment column in the sidebar to see CLV per segment.'], NOTE);
  }

  return {
    grid: g,
    frozenRows: 1,
    namedAreas: named,
    columnWidths: { 2: 110, 3: 110, 4: 110, 5: 90, 6: 130, 7: 130, 8: 130, 9: 110, 10: 110, 11: 130 },
  };
}
