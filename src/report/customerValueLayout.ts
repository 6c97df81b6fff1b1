import type { DayNumber } from '../core/calendar';
import type { CustomerId } from '../core/cohorts';
import type { CustomerValueResult } from '../core/models';
import { addCustomerLists } from './customerValueLists';
import type { ValueOptions, ValueTables } from './customerValueTables';
import { cellDateFormat, cellDateTimeFormat, FORMAT, PLAIN_MONEY } from './formats';
import { Grid, type Area, type CellContent, type CellStyle, type SheetLayout } from './grid';
import { HEADER, NOTE, TITLE, WARNING } from './styles';
import { languageOf, render, t, type AnyMessage } from '../i18n';
import { integer } from '../i18n/messages';

export { customerSegments, customerValueTables, MAX_LIST_ROWS, TOP_CUSTOMERS, type SegmentValue, type ValueOptions, type ValueTables } from './customerValueTables';

/**
 * The "Customer value" sheet as a grid: warnings when the model cannot be trusted, the header block, the fitted
 * models, the top customers by CLV, the at-risk and lapsed lists and CLV by segment (gross, cost to serve and
 * net when costs are given). The selection and sums are in customerValueTables.ts; the writer turns the grid
 * into a handful of batched calls.
 */

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
  /** The cost to serve in words, one line each (see costLines.ts); [] without costs. */
  costLines: AnyMessage[];
  generatedAt: Date;
  version: string;
  locale: string;
  /** The money cells' format (moneyFormatOf the source amounts' format); two decimals, no symbol, without it. */
  moneyFormat?: string;
}

const PARAMETER = '0.0000';
const LOG_LIKELIHOOD = '#,##0.00';
const DECIMAL = '0.00';

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
  const money = meta.moneyFormat ?? PLAIN_MONEY;
  const named: { name: string; area: Area }[] = [];
  // Labels in the spreadsheet's language: the team reads the same sheet.
  const language = languageOf(meta.locale);
  const horizon = t(language, 'cv.horizon', { count: s.horizonMonths });
  const unit = t(language, s.unit === 'days' ? 'cv.unit.days' : 'cv.unit.weeks');
  const dateFormat = cellDateFormat(language);
  const dateTime = cellDateTimeFormat(language);
  const labelled = (label: string, value: CellContent, format?: string) => g.add([label, value], (i) => (i === 1 ? fmt(format) : undefined));

  // Title, then what makes the model untrustworthy, where nobody can miss it.
  g.add([meta.title], TITLE);
  for (const warning of s.warnings) g.add([t(language, 'cv.caution'), render(warning.message, language)], (i) => (i === 0 ? { ...WARNING, bold: true } : WARNING));

  // Header block.
  labelled(t(language, 'cv.source'), meta.sourceDescription);
  labelled(t(language, 'cv.data'), t(language, 'cv.dataLog'));
  for (const [label, column] of meta.columnLines ?? []) labelled(label, column);
  labelled(t(language, 'cv.rowsRead'), meta.rowsRead, FORMAT.count);
  labelled(t(language, 'cv.rowsSkipped'), meta.rowsSkipped, FORMAT.count);
  if (meta.skippedText) g.add(['', meta.skippedText], NOTE);
  labelled(t(language, 'cv.observationEnd'), dayCell(s.endDay), dateFormat);
  g.add(['', t(language, meta.asOfChosen ? 'cv.asOfChosen' : 'cv.asOfLast')], NOTE);
  labelled(t(language, 'cv.totalClv', { horizon }), tables.totalClv, money);
  if (tables.hasCosts) {
    labelled(t(language, 'cv.totalCost', { horizon }), tables.totalCost, money);
    labelled(t(language, 'cv.totalNet', { horizon }), tables.totalClv - tables.totalCost, money);
    meta.costLines.forEach((line, k) => g.add([k === 0 ? t(language, 'cv.costToServe') : '', render(line, language)], (i) => (i === 1 ? NOTE : undefined)));
  }
  labelled(t(language, 'cv.totalPast'), tables.totalPastValue, money);
  labelled(t(language, 'cv.generated'), meta.generatedAt, dateTime);
  labelled(t(language, 'cv.version'), meta.version);
  named.push({ name: 'CustomerValueInfo', area: { row: 1, column: 1, rows: g.nextRow - 1, columns: 2 } });
  g.skip();

  // The fitted models.
  g.add([t(language, 'cv.model.title')], TITLE);
  const modelTop = g.add([t(language, 'cv.model.quantity'), t(language, 'cv.model.value'), t(language, 'cv.model.meaning')], HEADER);
  const notEstimates = t(language, 'cv.model.notEstimates');
  const model: [string, CellContent, string | undefined, string][] = [
    ['r', s.r, PARAMETER, t(language, 'cv.model.r')],
    ['alpha', s.alpha, PARAMETER, t(language, 'cv.model.alpha', { unit })],
    ['a', s.a, PARAMETER, t(language, 'cv.model.ab')],
    ['b', s.b, PARAMETER, t(language, 'cv.model.ab')],
    ['p', s.p, PARAMETER, t(language, 'cv.model.p')],
    ['q', s.q, PARAMETER, t(language, 'cv.model.q')],
    ['v', s.v, PARAMETER, t(language, 'cv.model.v')],
    [t(language, 'cv.model.bgLikelihood'), s.bgNbdLogLikelihood, LOG_LIKELIHOOD, ''],
    [t(language, 'cv.model.ggLikelihood'), s.gammaGammaLogLikelihood, LOG_LIKELIHOOD, ''],
    [t(language, 'cv.model.bgConverged'), s.bgNbdConverged, undefined, s.bgNbdConverged ? '' : notEstimates],
    [t(language, 'cv.model.ggConverged'), s.gammaGammaConverged, undefined, s.gammaGammaConverged ? '' : notEstimates],
    [t(language, 'cv.model.unit'), t(language, s.unit === 'days' ? 'cv.model.unitDays' : 'cv.model.unitWeeks'), undefined, t(language, 'cv.model.unitMeaning', { unit })],
    [t(language, 'cv.model.customers'), s.customers, FORMAT.count, t(language, 'cv.model.customersMeaning')],
    [t(language, 'cv.model.spendCustomers'), s.spendCustomers, FORMAT.count, t(language, 'cv.model.spendCustomersMeaning')],
    [t(language, 'cv.observationEnd'), dayCell(s.endDay), dateFormat, t(language, 'cv.model.inclusive')],
    [t(language, 'cv.model.horizon'), s.horizonMonths, FORMAT.count, t(language, 'cv.model.horizonMeaning')],
    [t(language, 'cv.model.discount'), s.monthlyDiscountRate, '0.00%', t(language, 'cv.model.discountMeaning')],
    [t(language, 'cv.model.correlation'), orBlank(s.spendFrequencyCorrelation), '0.000', t(language, 'cv.model.correlationMeaning')],
  ];
  for (const [label, value, format, meaning] of model) {
    g.add([label, value, meaning], (i) => (i === 1 ? fmt(format) : i === 2 ? NOTE : undefined));
  }
  named.push({ name: 'CustomerValueModel', area: { row: modelTop, column: 1, rows: model.length + 1, columns: 3 } });
  for (const note of s.notes) g.add([t(language, 'cv.note'), render(note, language)], (i) => (i === 1 ? NOTE : undefined));
  g.skip();

  // Top customers by CLV.
  g.add([t(language, 'cv.top.title', { count: integer(tables.top.length), horizon })], TITLE);
  const topHeader = [
    t(language, 'cv.col.customer'), t(language, 'cv.col.purchases'), t(language, 'cv.col.lastPurchase'), t(language, 'cv.col.pastValue'),
    t(language, 'cv.col.alive'), t(language, 'cv.col.expectedPurchases', { horizon }), t(language, 'cv.col.averageValue'), t(language, 'cv.col.clv'),
  ];
  const topFormats = [undefined, FORMAT.count, dateFormat, money, FORMAT.percent, DECIMAL, money, money];
  const topRow = g.add(topHeader, HEADER);
  for (const i of tables.top) {
    g.add([ids[i], c.purchases[i], dayCell(c.lastPurchaseDay[i]), c.pastValue[i], c.probabilityAlive[i], c.expectedPurchases[i], c.expectedAverageValue[i], c.clv[i]],
      (j) => fmt(topFormats[j]));
  }
  named.push({ name: 'CustomerValueTop', area: { row: topRow, column: 1, rows: tables.top.length + 1, columns: topHeader.length } });
  g.add(['', t(language, 'cv.top.note')], NOTE);
  g.skip();

  // Whom to reach: at risk, then lapsed.
  named.push(...addCustomerLists(g, tables, options, ids, money, language, s.endDay, dayCell));

  // CLV by segment.
  if (tables.segments) {
    g.add([t(language, 'cv.segments.title', { column: meta.segmentColumn, horizon })], TITLE);
    const segmentHeader = [
      t(language, 'cv.col.segment'), t(language, 'cv.col.customers'), t(language, 'cv.col.clvSum'), t(language, 'cv.col.clvMean'),
      t(language, 'cv.col.pastSum'), t(language, 'cv.col.clvShare'),
    ];
    const segmentFormats = [undefined, FORMAT.count, money, money, money, FORMAT.percent];
    if (tables.hasCosts) {
      segmentHeader.push(t(language, 'cv.col.costSum'), t(language, 'cv.col.netSum'), t(language, 'cv.col.netMean'));
      segmentFormats.push(money, money, money);
    }
    const segmentRow = g.add(segmentHeader, HEADER);
    for (const seg of tables.segments) {
      const cells: CellContent[] = [seg.name, seg.customers, seg.clvSum, orBlank(seg.clvMean), seg.pastValueSum, orBlank(seg.clvShare)];
      if (tables.hasCosts) cells.push(seg.costSum, seg.netSum, orBlank(seg.netMean));
      g.add(cells, (j) => fmt(segmentFormats[j]));
    }
    named.push({ name: 'CustomerValueBySegment', area: { row: segmentRow, column: 1, rows: tables.segments.length + 1, columns: segmentHeader.length } });
    g.add(['', t(language, 'cv.segments.note')], NOTE);
    if (tables.hasCosts) g.add(['', t(language, 'cv.segments.netNote')], NOTE);
  } else {
    g.add([t(language, 'cv.segments.titleNone')], TITLE);
    g.add(['', t(language, 'cv.segments.choose')], NOTE);
  }

  return {
    grid: g,
    frozenRows: 1,
    namedAreas: named,
    columnWidths: { 2: 110, 3: 110, 4: 110, 5: 90, 6: 130, 7: 130, 8: 130, 9: 110, 10: 110, 11: 130 },
  };
}
