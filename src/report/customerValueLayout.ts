import type { DayNumber } from '../core/calendar';
import type { CustomerId, TransactionLog } from '../core/cohorts';
import type { CustomerValueResult } from '../core/models';
import { currencyFormat, FORMAT } from './formats';
import { Grid, type Area, type CellContent, type CellStyle, type SheetLayout } from './grid';
import { HEADER, NOTE, TITLE, WARNING } from './styles';

/**
 * The "Customer value" sheet as a grid: the fitted models, the top customers by CLV, the at-risk list
 * and CLV by segment. The selection (top share, at-risk filter, segment sums) is pure and separate from
 * the layout so it can be read on its own; the writer turns the grid into a handful of batched calls.
 *
 * Expected loss of value (the at-risk list's sort key): the BG/NBD forecast of a customer's purchases is
 * P(alive) × the forecast had they certainly not left, so their CLV is P(alive) × "CLV if still active",
 * and the expected loss is CLV if still active − CLV = (1 − P(alive)) × CLV if still active: the value the
 * model writes off because the customer may already have left — what winning them back would be worth.
 */

/** Rows of the top-customers table. */
export const TOP_CUSTOMERS = 100;
/** The at-risk list is cut here (with a line saying how many more there are), so the sheet stays usable. */
export const MAX_AT_RISK_ROWS = 5000;
/** Above this |ρ| between repeat-purchase count and average spend the sheet warns about the value model. */
export const CORRELATION_WARNING = 0.3;

export interface SegmentValue {
  name: string;
  /** Customers of the segment with a purchase on or before the observation end. */
  customers: number;
  clvSum: number;
  clvMean: number;
  pastValueSum: number;
  /** clvSum ÷ the CLV of all customers. */
  clvShare: number;
}

export interface AtRiskCustomer {
  index: number;
  /** CLV ÷ P(alive): the model's CLV had the customer certainly not left. */
  clvIfActive: number;
  /** clvIfActive − CLV = (1 − P(alive)) × clvIfActive; NaN when P(alive) underflowed to 0. */
  loss: number;
}

export interface ValueTables {
  /** Customers with a purchase on or before the observation end. */
  scored: number;
  /** Sum of the CLVs that are numbers (all of them unless the spend model has no finite mean). */
  totalClv: number;
  totalPastValue: number;
  /** Customer indexes, highest CLV first (at most TOP_CUSTOMERS). */
  top: number[];
  /** ⌈topShare × scored⌉: how many customers "the top share" is before ties. */
  topShareCount: number;
  /** Past value of the last of them: customers at or above it form the top share (ties included). */
  pastValueThreshold: number;
  /** Customers in the top share by past value (ties at the threshold included). */
  inTopShare: number;
  /** Every at-risk customer, largest expected loss first. */
  atRisk: AtRiskCustomer[];
  /** Per segment, largest CLV first; null without a segment column. */
  segments: SegmentValue[] | null;
}

export interface ValueOptions {
  /** Share of customers, by past value, the at-risk list looks at (0 < s ≤ 1). */
  topShare: number;
  /** P(alive) below this puts a top customer on the at-risk list (0 < t ≤ 1). */
  aliveBelow: number;
}

/** Segment index of each customer: the segment on their earliest row (first in sheet order on that day). */
export function customerSegments(log: TransactionLog): Int32Array | null {
  if (!log.segment) return null;
  const customers = log.customerIds.length;
  const first = new Int32Array(customers).fill(0x7fffffff);
  const segment = new Int32Array(customers).fill(-1);
  for (let k = 0; k < log.rows; k++) {
    const c = log.customer[k];
    if (log.day[k] < first[c]) {
      first[c] = log.day[k];
      segment[c] = log.segment[k];
    }
  }
  return segment;
}

export function customerValueTables(
  result: CustomerValueResult,
  options: ValueOptions,
  segmentOf: Int32Array | null,
  segmentNames: readonly string[] | null,
): ValueTables {
  const c = result.customers;
  const n = c.purchases.length;
  const scoredIndexes: number[] = [];
  let totalClv = 0;
  let totalPastValue = 0;
  for (let i = 0; i < n; i++) {
    if (c.purchases[i] <= 0) continue;
    scoredIndexes.push(i);
    if (Number.isFinite(c.clv[i])) totalClv += c.clv[i];
    totalPastValue += c.pastValue[i];
  }
  const scored = scoredIndexes.length;

  const top = scoredIndexes.filter((i) => Number.isFinite(c.clv[i]));
  top.sort((x, y) => c.clv[y] - c.clv[x] || c.pastValue[y] - c.pastValue[x] || x - y);
  top.length = Math.min(top.length, TOP_CUSTOMERS);

  // The top share by past value: the ⌈share × customers⌉ highest, and anyone tied with the last of them.
  // (The small epsilon keeps 0.2 × 23570 = 4714.000000000001 from rounding up to 4715.)
  const topShareCount = Math.min(scored, Math.max(1, Math.ceil(options.topShare * scored - 1e-9)));
  const byPastValue = scoredIndexes.map((i) => c.pastValue[i]).sort((x, y) => y - x);
  const pastValueThreshold = scored ? byPastValue[topShareCount - 1] : NaN;
  let inTopShare = 0;
  const atRisk: AtRiskCustomer[] = [];
  for (const i of scoredIndexes) {
    if (!(c.pastValue[i] >= pastValueThreshold)) continue;
    inTopShare++;
    const alive = c.probabilityAlive[i];
    if (!(alive < options.aliveBelow)) continue;
    const clvIfActive = alive > 0 ? c.clv[i] / alive : NaN;
    atRisk.push({ index: i, clvIfActive, loss: alive > 0 ? c.clv[i] * ((1 - alive) / alive) : NaN });
  }
  const key = (v: number) => (Number.isFinite(v) ? v : -Infinity);
  atRisk.sort((x, y) => key(y.loss) - key(x.loss) || c.pastValue[y.index] - c.pastValue[x.index] || x.index - y.index);

  let segments: SegmentValue[] | null = null;
  if (segmentOf && segmentNames) {
    const count = new Float64Array(segmentNames.length);
    const clv = new Float64Array(segmentNames.length);
    const past = new Float64Array(segmentNames.length);
    for (const i of scoredIndexes) {
      const s = segmentOf[i];
      count[s]++;
      if (Number.isFinite(c.clv[i])) clv[s] += c.clv[i];
      past[s] += c.pastValue[i];
    }
    segments = segmentNames
      .map((name, s) => ({
        name,
        customers: count[s],
        clvSum: clv[s],
        clvMean: count[s] ? clv[s] / count[s] : NaN,
        pastValueSum: past[s],
        clvShare: totalClv ? clv[s] / totalClv : NaN,
      }))
      .filter((s) => s.customers > 0)
      .sort((x, y) => y.clvSum - x.clvSum || x.name.localeCompare(y.name));
  }
  return { scored, totalClv, totalPastValue, top, topShareCount, pastValueThreshold, inTopShare, atRisk, segments };
}

export interface CustomerValueMeta {
  title: string;
  /** e.g. Orders!A1:D69660 */
  sourceDescription: string;
  /** The columns used, e.g. ["Date column", 'B ("Order date")']. */
  columnLines?: [string, string][];
  rowsRead: number;
  rowsSkipped: number;
  /** describeSkippedRows of the parse, or "". */
  skippedText: string;
  /** How the segment column is named, e.g. column D ("Plan"); "" without one. */
  segmentColumn: string;
  /** True when the observation end is an as-of date the analyst chose. */
  asOfChosen: boolean;
  generatedAt: Date;
  version: string;
  locale: string;
}

const PARAMETER = '0.0000';
const LOG_LIKELIHOOD = '#,##0.00';
const DECIMAL = '0.00';

const pct = (v: number) => `${Number((v * 100).toFixed(2))} %`;
const count = (v: number) => v.toLocaleString('en-US');

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

  // Header block.
  g.add([meta.title], TITLE);
  labelled('Source', meta.sourceDescription);
  labelled('Data', 'Transaction log (one row per purchase), with amounts');
  for (const [label, column] of meta.columnLines ?? []) labelled(label, column);
  labelled('Rows read', meta.rowsRead, FORMAT.count);
  labelled('Rows skipped', meta.rowsSkipped, FORMAT.count);
  if (meta.skippedText) g.add(['', meta.skippedText], NOTE);
  labelled('Observation end', dayCell(s.endDay), FORMAT.date);
  g.add(['', meta.asOfChosen ? 'The "as of" date chosen in the sidebar; later rows are ignored.' : 'The last date in the data.'], NOTE);
  labelled(`Total CLV, ${horizon}`, tables.totalClv, money);
  labelled('Total past value', tables.totalPastValue, money);
  labelled('Generated', meta.generatedAt, FORMAT.dateTime);
  labelled('Add-on version', meta.version);
  named.push({ name: 'CustomerValueInfo', area: { row: 1, column: 1, rows: g.nextRow - 1, columns: 2 } });
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
    ['Spend–frequency correlation', Number.isFinite(s.spendFrequencyCorrelation) ? s.spendFrequencyCorrelation : null, '0.000',
      'Pearson ρ of repeat purchases and average spend; the spend model assumes 0'],
  ];
  for (const [label, value, format, meaning] of model) {
    g.add([label, value, meaning], (i) => (i === 1 ? fmt(format) : i === 2 ? NOTE : undefined));
  }
  named.push({ name: 'CustomerValueModel', area: { row: modelTop, column: 1, rows: model.length + 1, columns: 3 } });
  const rho = s.spendFrequencyCorrelation;
  if (Math.abs(rho) > CORRELATION_WARNING) {
    g.add(['Caution', `Spend and purchase frequency are correlated (ρ = ${rho.toFixed(2)}): the Gamma-Gamma model assumes they are independent, so the expected values and CLVs may be biased.`], (i) => (i === 0 ? { ...WARNING, bold: true } : WARNING));
  }
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

  // At-risk customers.
  const shown = tables.atRisk.slice(0, MAX_AT_RISK_ROWS);
  g.add([`At-risk customers: top ${pct(options.topShare)} by past value with P(alive) below ${pct(options.aliveBelow)}`], TITLE);
  labelled('Past value at least', Number.isFinite(tables.pastValueThreshold) ? tables.pastValueThreshold : null, money);
  g.add(['', `The top ${pct(options.topShare)}: the ${count(tables.topShareCount)} customers (${pct(options.topShare)} of ${count(tables.scored)}, rounded up) with the highest past value, and anyone tied with the last of them — ${count(tables.inTopShare)} customers. ${count(tables.atRisk.length)} of them have P(alive) below ${pct(options.aliveBelow)}.`], NOTE);
  const riskHeader = ['Customer', 'Purchases', 'Last purchase', 'Past value', 'P(alive)', 'CLV', 'CLV if still active', 'Expected loss of value'];
  const riskFormats = [undefined, FORMAT.count, FORMAT.date, money, FORMAT.percent, money, money, money];
  const riskRow = g.add(riskHeader, HEADER);
  for (const r of shown) {
    const i = r.index;
    g.add([ids[i], c.purchases[i], dayCell(c.lastPurchaseDay[i]), c.pastValue[i], c.probabilityAlive[i], c.clv[i],
      Number.isFinite(r.clvIfActive) ? r.clvIfActive : null, Number.isFinite(r.loss) ? r.loss : null], (j) => fmt(riskFormats[j]));
  }
  named.push({ name: 'CustomerValueAtRisk', area: { row: riskRow, column: 1, rows: shown.length + 1, columns: riskHeader.length } });
  if (tables.atRisk.length > shown.length) {
    g.add(['', `Only the ${count(shown.length)} with the largest expected loss are listed; ${count(tables.atRisk.length - shown.length)} more are at risk.`], WARNING);
  }
  if (tables.atRisk.length === 0) g.add(['', 'Nobody: no customer in the top share has a P(alive) below the threshold.'], NOTE);
  g.add(['', 'Expected loss of value = CLV if still active − CLV = (1 − P(alive)) × CLV if still active, where CLV if still active = CLV ÷ P(alive) is the model’s CLV had the customer certainly not left (the model forecasts P(alive) × that). It is the value written off because the customer may already have left: what winning them back would be worth.'], NOTE);
  g.skip();

  // CLV by segment.
  if (tables.segments) {
    g.add([`CLV by segment (${meta.segmentColumn}), ${horizon}`], TITLE);
    const segmentHeader = ['Segment', 'Customers', 'CLV (sum)', 'CLV per customer', 'Past value (sum)', 'Share of total CLV'];
    const segmentFormats = [undefined, FORMAT.count, money, money, money, FORMAT.percent];
    const segmentRow = g.add(segmentHeader, HEADER);
    for (const seg of tables.segments) {
      g.add([seg.name, seg.customers, seg.clvSum, Number.isFinite(seg.clvMean) ? seg.clvMean : null, seg.pastValueSum, Number.isFinite(seg.clvShare) ? seg.clvShare : null],
        (j) => fmt(segmentFormats[j]));
    }
    named.push({ name: 'CustomerValueBySegment', area: { row: segmentRow, column: 1, rows: tables.segments.length + 1, columns: segmentHeader.length } });
    g.add(['', 'A customer belongs to the segment on their earliest row, the one they were acquired in.'], NOTE);
  } else {
    g.add(['CLV by segment'], TITLE);
    g.add(['', 'Choose a segment column in the sidebar to see CLV per segment.'], NOTE);
  }

  return {
    grid: g,
    frozenRows: 1,
    namedAreas: named,
    columnWidths: { 2: 110, 3: 110, 4: 110, 5: 90, 6: 130, 7: 130, 8: 130 },
  };
}
