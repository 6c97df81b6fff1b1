// Straight from the modules, not the folder's index: the default bundle must not carry the warehouse dialect.
import { customerResultRows, customerValueFromRows } from '../core/sql/customerRows';
import { customerValueModelFromRows, rfmResultRows, type SqlCustomerValueModel } from '../core/sql/rfmModel';
import { groupSegmentNames, narrowedCustomerValue, segmentRatesOf, valueGroupRows } from '../core/sql/narrowing';
import { sqlValueTables } from '../report/sqlValueTables';
import { dateCell, skippedRowsMessage, type SkippedRows } from '../core/cohorts';
import { UserError } from '../core/errors';
import { valueMessage } from '../core/cells';
import {
  anyCostRate, costToServe, DEFAULT_AT_RISK, ifActive, NO_COST_RATES, type AtRiskOptions, type CostColumns, type CostRateSettings, type CustomerValueResult, type IfActive,
} from '../core/models';
import { integer, languageOf, msg, render, renderValue, type AnyMessage } from '../i18n';
import { costLines } from '../report/costLines';
import { customerValueLayout, customerValueTables, type ValueTables } from '../report/customerValueLayout';
import { replaceOwnedSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import { customerValueSheetName } from './customerValue';
import { withDocumentLock } from './documentLock';
import { userInterfaceLanguage } from './language';
import type { CustomerValueOutcome } from './protocol';

/**
 * The Customer value sheet of a log an SQL engine summarised (DuckDB for `npm start -- --engine
 * duckdb`; BigQuery's dialect runs the same queries): the models are fitted here on rfmQuery's grouped
 * rows, every customer of customerQuery's rows is scored with them, and the sheet's own selection and
 * layout write the top customers, the at-risk and lapsed lists and CLV by segment into the same owned
 * sheet as a sheet source does.
 */
export interface SqlCustomerValueRequest {
  /** rfmQuery's result rows, in the order of RFM_COLUMNS (or, narrowed, valueGroupsQuery's: VALUE_COLUMNS). */
  modelRows: unknown[][];
  /** customerQuery's result rows, in the order of CUSTOMER_COLUMNS (narrowed: valueCandidatesQuery's, CANDIDATE_COLUMNS). */
  customerRows: unknown[][];
  /** True when the rows are valueQuery.ts's: groups and candidates instead of every customer. */
  narrowed?: boolean;
  /** Rows of the top customers and of each list the sheet shows (TOP_CUSTOMERS, MAX_LIST_ROWS); the tests make them small. */
  limits?: { topRows: number; listRows: number };
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** The lists' thresholds; the sheet's defaults when left out. */
  lists?: AtRiskOptions;
  /**
   * The cost to serve as a share of revenue and an amount per customer per month, per segment (the sidebar's
   * cost lines, docs/models.md); none, or every rate 0, writes the gross sheet.
   */
  costs?: CostRateSettings;
  /**
   * How the header block names the cost column (a cost per row, blank = 0) when the queries read one
   * (SqlLogColumns.cost); left out without one.
   */
  costColumn?: string;
  /**
   * The models the caller already fitted on `modelRows` (customerValueModelFromRows of their RFM rows, as the
   * narrowed queries need them for the second query): used as they are, not fitted again.
   */
  fitted?: SqlCustomerValueModel;
  /** True when the observation end is an as-of day the analyst chose. */
  asOfChosen: boolean;
  /** What was read, e.g. "orders.parquet (DuckDB)". */
  sourceDescription: string;
  /** The columns used, as the header block names them. */
  columnLines: [string, string][];
  /** How the segment column is named; "" without one. */
  segmentColumn: string;
  /** The columns' names, for the skipped rows' description. */
  names: { id: string; date: string; amount: string };
  /** Per skip reason, the sheet rows (file lines) of its first skipped rows, where the engine knows them (DuckDB's files). */
  skippedRowNumbers?: Record<string, number[]>;
  /** Per reason, the cell a note quotes of its first row (skippedRowsQuery's value), where the engine knows it. */
  skippedRowValues?: Record<string, string>;
}

/**
 * The skipped rows as the sheet describes them ("Skipped 3 rows: 2 rows whose date is not a date…"), then the kept rows
 * a sheet's Customer value mentions (refunds, then ids read without the white space around them), with the first rows'
 * numbers and the first value where the engine knows them (a file's lines; a warehouse table has no row numbers).
 * Known rows put the reasons in the order of their first rows, as a sheet meets them.
 */
function skippedRows(model: SqlCustomerValueModel, names: SqlCustomerValueRequest['names'], rowNumbers: Record<string, number[]>, values: Record<string, string>): SkippedRows {
  const column = (reason: string) => (reason === 'blank row' || reason === 'repeated header' ? '' : reason === 'blank id' || reason === 'padded id' ? names.id : reason === 'bad amount' || reason === 'negative amount' ? names.amount : names.date);
  // The query's 'refund' rows are every refund's, the summary's 'negative amount' only the kept ones'.
  const rowsOf = (reason: string) => [...(rowNumbers[reason === 'negative amount' ? 'refund' : reason] ?? [])];
  const tally = <R extends string>(reason: string, count: number) =>
    ({ reason: reason as R, column: column(reason), count, firstRows: rowsOf(reason), firstValue: reason in values ? valueMessage(values[reason]) : null });
  const first = (t: { firstRows: number[] }) => t.firstRows[0] ?? Infinity;
  const reasons = model.skipped.map((s) => tally<SkippedRows['reasons'][number]['reason']>(s.reason, s.rows)).sort((a, b) => first(a) - first(b));
  const notes = [
    ...(model.notes.refunds > 0 ? [tally<SkippedRows['notes'][number]['reason']>('negative amount', model.notes.refunds)] : []),
    ...(model.notes.paddedIds > 0 ? [tally<SkippedRows['notes'][number]['reason']>('padded id', model.notes.paddedIds)] : []),
  ];
  return { total: reasons.reduce((t, r) => t + r.count, 0), reasons, notes, headerRow: null, headerText: null, rowsOfRange: false };
}

/** The candidates' (or customers') cost to serve, with the rates of their segment and their cost per purchase day. */
function costsOfCustomers(
  result: CustomerValueResult,
  active: IfActive,
  rates: ReturnType<typeof segmentRatesOf>['rates'],
  customers: { segmentOf: Int32Array | null; segmentNames: readonly string[] | null; costPerPurchase: Float64Array },
  perPurchase: boolean,
): CostColumns {
  const { segmentOf, segmentNames } = customers;
  return costToServe(result, active, {
    rates: (i) => rates(segmentOf && segmentNames ? segmentNames[segmentOf[i]] : null),
    costPerPurchase: perPurchase ? customers.costPerPurchase : null,
  });
}

/** The cost column's blank and bad rows (rfmQuery's 'costs' row); a cost that is not a number refuses the column, as in a sheet. */
function costColumnRows(rows: readonly (readonly unknown[])[], column: string): number {
  const r = rows.find((row) => row[0] === 'costs');
  const bad = r ? Number(r[2]) : 0;
  if (bad > 0) throw new UserError(msg('server.costNotNumbers', { column, rows: msg('server.value.rows', { count: integer(bad) }) }));
  return r ? Number(r[1]) : 0;
}

/** The fitted model, the scored customers and what the sheet shows, from either kind of rows. */
export function sqlCustomerValueTables(request: SqlCustomerValueRequest): {
  model: SqlCustomerValueModel; result: CustomerValueResult; ids: (string | number)[]; tables: ValueTables; costLines: AnyMessage[];
} {
  const horizon = { horizonMonths: request.horizonMonths, monthlyDiscountRate: request.monthlyDiscountRate };
  const options = request.lists ?? DEFAULT_AT_RISK;
  const column = request.costColumn ?? '';
  const perPurchase = column !== '';
  // As a sheet source: a cost column, or any rate above 0, gives the sheet net of the cost to serve.
  const costs = perPurchase || (request.costs && anyCostRate(request.costs)) ? request.costs ?? NO_COST_RATES : null;
  const blankCosts = perPurchase ? costColumnRows(request.modelRows, column) : 0;
  const lines = (segmentNames: readonly string[] | null, unmatched: string[]) =>
    costs ? costLines({ settings: costs, segmentNames, unmatched, columnName: column, blankCosts, currency: null }) : [];
  if (request.narrowed) {
    const groups = valueGroupRows(request.modelRows);
    const model = request.fitted ?? customerValueModelFromRows(groups.rfm);
    const v = narrowedCustomerValue(model, groups, request.customerRows, horizon, options, costs && { rates: costs, perPurchase });
    const active = ifActive(v.result);
    const names = groupSegmentNames(groups);
    const rates = costs ? segmentRatesOf(costs, names) : null;
    const candidateCosts = rates ? costsOfCustomers(v.result, active, rates.rates, v, perPurchase) : null;
    const tables = sqlValueTables(v.result, v.inTop, v.totals, groups.cut, options, request.limits, candidateCosts, active, { counted: v.negativesCounted, countedNegative: v.countedNegative });
    return { model, result: v.result, ids: v.ids, tables, costLines: lines(names, rates?.unmatched ?? []) };
  }
  const model = request.fitted ?? customerValueModelFromRows(rfmResultRows(request.modelRows));
  const customers = customerValueFromRows(model, customerResultRows(request.customerRows), horizon);
  const { result, ids, segmentOf, segmentNames } = customers;
  const active = ifActive(result);
  const rates = costs ? segmentRatesOf(costs, segmentNames) : null;
  const customerCosts = rates ? costsOfCustomers(result, active, rates.rates, customers, perPurchase) : null;
  const tables = customerValueTables(result, options, segmentOf, segmentNames, customerCosts, active);
  return { model, result, ids, tables, costLines: lines(segmentNames, rates?.unmatched ?? []) };
}

export function writeSqlCustomerValue(request: SqlCustomerValueRequest): CustomerValueOutcome {
  const { model, result, ids, tables, costLines } = sqlCustomerValueTables(request);
  const options = request.lists ?? DEFAULT_AT_RISK;
  const skipped = skippedRows(model, request.names, request.skippedRowNumbers ?? {}, request.skippedRowValues ?? {});
  return withDocumentLock(msg('server.busyValue'), () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = ss.getSpreadsheetLocale();
    const layout = customerValueLayout(
      result,
      tables,
      options,
      ids,
      {
        title: customerValueSheetName(locale),
        sourceDescription: request.sourceDescription,
        columnLines: request.columnLines,
        rowsRead: model.rowsRead,
        rowsSkipped: skipped.total,
        skippedText: renderValue(skippedRowsMessage(skipped) ?? '', languageOf(locale)),
        segmentColumn: request.segmentColumn,
        asOfChosen: request.asOfChosen,
        costLines,
        generatedAt: new Date(),
        version: ADDON_VERSION,
        locale,
      },
      dateCell(ss.getSpreadsheetTimeZone()),
    );
    const sheet = replaceOwnedSheet(ss, 'customerValue', customerValueSheetName(locale), layout, languageOf(locale));
    const language = userInterfaceLanguage();
    const warnings = result.summary.warnings.map((w) => render(w.message, language));
    const key = tables.hasCosts
      ? skipped.total ? 'server.value.doneNetSkipped' : 'server.value.doneNet'
      : skipped.total ? 'server.value.doneSkipped' : 'server.value.done';
    const done = msg(key, {
      customers: msg('server.value.customers', { count: integer(tables.scored) }),
      rows: msg('server.value.rows', { count: integer(model.rowsRead) }),
      skipped: msg('server.value.skipped', { count: integer(skipped.total) }),
      months: integer(request.horizonMonths),
      total: integer(Math.round(tables.totalClv)),
      net: integer(Math.round(tables.totalClv - tables.totalCost)),
      atRisk: msg('server.value.topAtRisk', { count: integer(tables.atRiskCount ?? tables.atRisk.length) }),
      lapsed: integer(tables.lapsedCount ?? tables.lapsed.length),
      sheet: sheet.name,
    });
    return {
      sheetName: sheet.name,
      rowsRead: model.rowsRead,
      rowsSkipped: skipped.total,
      customers: tables.scored,
      atRisk: tables.atRiskCount ?? tables.atRisk.length,
      lapsed: tables.lapsedCount ?? tables.lapsed.length,
      totalClv: tables.totalClv,
      warnings,
      message: render(warnings.length === 0 ? done : msg('server.value.untrusted', { done }), language),
    };
  });
}
