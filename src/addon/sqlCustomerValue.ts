// Straight from the modules, not the folder's index: the default bundle must not carry the warehouse dialect.
import { customerResultRows, customerValueFromRows } from '../core/sql/customerRows';
import { customerValueModelFromRows, rfmResultRows } from '../core/sql/rfmModel';
import { dateCell } from '../core/cohorts';
import { DEFAULT_AT_RISK, ifActive, type AtRiskOptions } from '../core/models';
import { integer, msg, render } from '../i18n';
import { customerValueLayout, customerValueTables } from '../report/customerValueLayout';
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
  /** rfmQuery's result rows, in the order of RFM_COLUMNS. */
  modelRows: unknown[][];
  /** customerQuery's result rows, in the order of CUSTOMER_COLUMNS. */
  customerRows: unknown[][];
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** The lists' thresholds; the sheet's defaults when left out. */
  lists?: AtRiskOptions;
  /** True when the observation end is an as-of day the analyst chose. */
  asOfChosen: boolean;
  /** What was read, e.g. "orders.parquet (DuckDB)". */
  sourceDescription: string;
  /** The columns used, as the header block names them. */
  columnLines: [string, string][];
  /** How the segment column is named; "" without one. */
  segmentColumn: string;
}

export function writeSqlCustomerValue(request: SqlCustomerValueRequest): CustomerValueOutcome {
  const model = customerValueModelFromRows(rfmResultRows(request.modelRows));
  const { result, ids, segmentOf, segmentNames } = customerValueFromRows(model, customerResultRows(request.customerRows), {
    horizonMonths: request.horizonMonths,
    monthlyDiscountRate: request.monthlyDiscountRate,
  });
  const options = request.lists ?? DEFAULT_AT_RISK;
  const tables = customerValueTables(result, options, segmentOf, segmentNames, null, ifActive(result));
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
        rowsSkipped: 0,
        skippedText: '',
        segmentColumn: request.segmentColumn,
        asOfChosen: request.asOfChosen,
        costLines: [],
        generatedAt: new Date(),
        version: ADDON_VERSION,
        locale,
      },
      dateCell(ss.getSpreadsheetTimeZone()),
    );
    const sheet = replaceOwnedSheet(ss, 'customerValue', customerValueSheetName(locale), layout);
    const language = userInterfaceLanguage();
    const warnings = result.summary.warnings.map((w) => render(w.message, language));
    const done = msg('server.value.done', {
      customers: msg('server.value.customers', { count: integer(tables.scored) }),
      rows: msg('server.value.rows', { count: integer(model.rowsRead) }),
      months: integer(request.horizonMonths),
      total: integer(Math.round(tables.totalClv)),
      atRisk: msg('server.value.topAtRisk', { count: integer(tables.atRisk.length) }),
      lapsed: integer(tables.lapsed.length),
      sheet: sheet.name,
    });
    return {
      sheetName: sheet.name,
      rowsRead: model.rowsRead,
      rowsSkipped: 0,
      customers: tables.scored,
      atRisk: tables.atRisk.length,
      lapsed: tables.lapsed.length,
      totalClv: tables.totalClv,
      warnings,
      message: render(warnings.length === 0 ? done : msg('server.value.untrusted', { done }), language),
    };
  });
}
