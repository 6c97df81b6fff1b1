import { parseIsoDay } from '../core/calendar';
import { integer, languageOf, msg, render, renderValue, t, type AnyMessage } from '../i18n';
import { userInterfaceLanguage } from './language';
import { dateCell, skippedRowsMessage, type TransactionLog } from '../core/cohorts';
import { UserError } from '../core/errors';
import {
  anyCostRate,
  averageCostPerPurchase,
  costToServe,
  ifActive,
  resolveSegmentRates,
  scoreParsedLog,
  type CostColumns,
  type CustomerValueResult,
  type IfActive,
} from '../core/models';
import { costLines } from '../report/costLines';
import { currencyOfFormat } from '../report/formats';
import { customerSegments, customerValueLayout, customerValueTables, type ValueTables } from '../report/customerValueLayout';
import { replaceOwnedSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import { checkCostColumn, readCostColumn } from './costColumn';
import { withDocumentLock } from './documentLock';
import type { CustomerValueOutcome, CustomerValueSettings } from './protocol';
import { readSource, type SourceData } from './readSource';

/** The sheet's name for a new sheet, in the spreadsheet's language; an existing one keeps its name (ownership is by metadata). */
export function customerValueSheetName(locale: string): string {
  return t(languageOf(locale), 'cv.sheetName');
}

export const NEEDS_AMOUNTS = msg('server.needsAmounts');

/**
 * The sidebar's "Estimate customer value": read the source log, fit BG/NBD + Gamma-Gamma up to the
 * observation end (the as-of day, or the last date in the data), and write the "Customer value" sheet.
 * Under the document lock like the summary; everything is computed before the first write, and the
 * sheet is built aside and swapped in, so a failure leaves every sheet as it was.
 */
export function generateCustomerValue(settings: CustomerValueSettings): CustomerValueOutcome {
  const c = settings.columns;
  if (settings.shape !== 'log' || !(c.amount || (c.quantity && c.unitPrice))) throw new UserError(NEEDS_AMOUNTS);
  const asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
  if (settings.asOf && asOfDay === null) throw new UserError(msg('server.badAsOf', { date: settings.asOf }), 'asOf');
  return withDocumentLock(msg('server.busyValue'), () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const locale = ss.getSpreadsheetLocale();
    const costColumn = settings.costs.column;
    const source = readSource(settings, timeZone, locale, costColumn ? [costColumn] : []);
    const log = source.data;
    if (log.kind !== 'log' || !log.amount) throw new UserError(NEEDS_AMOUNTS);
    const result = scoreParsedLog(log, {
      endDay: asOfDay ?? undefined,
      horizonMonths: settings.horizonMonths,
      monthlyDiscountRate: settings.monthlyDiscountRate,
    });
    const segmentOf = customerSegments(log);
    const active = ifActive(result);
    const costs = costsOf(settings, source, log, result, active, segmentOf, locale);
    const options = { topShare: settings.topShare, aliveBelow: settings.aliveBelow, aliveFloor: settings.aliveFloor };
    const tables = customerValueTables(result, options, segmentOf, log.segmentNames, costs?.columns ?? null, active);
    const layout = customerValueLayout(
      result,
      tables,
      options,
      log.customerIds,
      {
        title: customerValueSheetName(locale),
        sourceDescription: source.description,
        columnLines: source.columnLines.map(([label, column]): [string, string] => [renderValue(label, languageOf(locale)), column]),
        rowsRead: source.rowsRead,
        rowsSkipped: log.skipped.total,
        skippedText: renderValue(skippedRowsMessage(log.skipped) ?? '', languageOf(locale)),
        segmentColumn: settings.columns.segment ? source.columnName(settings.columns.segment) : '',
        asOfChosen: asOfDay !== null,
        costLines: costs?.lines ?? [],
        generatedAt: new Date(),
        version: ADDON_VERSION,
        locale,
        moneyFormat: source.moneyFormat,
      },
      dateCell(timeZone),
    );
    const sheet = replaceOwnedSheet(ss, 'customerValue', customerValueSheetName(locale), layout, languageOf(locale));
    // The sidebar lists the warnings in the user's language, as its result line.
    const warnings = result.summary.warnings.map((w) => render(w.message, userInterfaceLanguage()));
    return {
      sheetName: sheet.name,
      rowsRead: source.rowsRead,
      rowsSkipped: log.skipped.total,
      customers: tables.scored,
      atRisk: tables.atRisk.length,
      lapsed: tables.lapsed.length,
      totalClv: tables.totalClv,
      warnings,
      message: outcomeMessage(settings, source, log, tables, sheet.name, warnings),
    };
  });
}

/** The cost to serve per customer and its description, or null when none was given (then nothing changes). */
function costsOf(
  settings: CustomerValueSettings,
  source: SourceData,
  log: TransactionLog,
  result: CustomerValueResult,
  active: IfActive,
  segmentOf: Int32Array | null,
  locale: string,
): { columns: CostColumns; lines: AnyMessage[] } | null {
  const { column } = settings.costs;
  if (!column && !anyCostRate(settings.costs)) return null;
  const resolved = resolveSegmentRates(settings.costs, log.segmentNames);
  let perPurchase: Float64Array | null = null;
  let blankCosts = 0;
  const columnName = column ? source.columnName(column) : '';
  if (column) {
    const k = settings.columns;
    checkCostColumn(column, [k.id, k.date, k.amount, k.segment], columnName);
    const perRow = readCostColumn(source.extraColumn(column), log, settings.headerRow + 1, columnName, locale);
    const average = averageCostPerPurchase(log.customer, log.day, perRow, result.summary.endDay, result.customers.purchases);
    perPurchase = average.perPurchase;
    blankCosts = average.blankCosts;
  }
  const columns = costToServe(result, active, {
    rates: (i) => resolved.bySegment[segmentOf ? segmentOf[i] : 0],
    costPerPurchase: perPurchase,
  });
  const lines = costLines({ settings: settings.costs, segmentNames: log.segmentNames, unmatched: resolved.unmatched, columnName, blankCosts, currency: currencyOfFormat(source.moneyFormat) });
  return { columns, lines };
}

/**
 * The sidebar's result line; with warnings it ends "But the model cannot be fully trusted:" and the warnings
 * (CustomerValueOutcome.warnings) follow it as a list. User-facing wording, together for the catalogue.
 */
function outcomeMessage(
  settings: CustomerValueSettings,
  source: SourceData,
  log: TransactionLog,
  tables: ValueTables,
  sheetName: string,
  warnings: string[],
): string {
  // In the user's language: the sidebar's result line.
  const language = userInterfaceLanguage();
  const params = {
    customers: msg('server.value.customers', { count: integer(tables.scored) }),
    rows: msg('server.value.rows', { count: integer(source.rowsRead) }),
    skipped: msg('server.value.skipped', { count: integer(log.skipped.total) }),
    months: integer(settings.horizonMonths),
    total: integer(Math.round(tables.totalClv)),
    net: integer(Math.round(tables.totalClv - tables.totalCost)),
    atRisk: msg('server.value.topAtRisk', { count: integer(tables.atRisk.length) }),
    lapsed: integer(tables.lapsed.length),
    sheet: sheetName,
  };
  const key = tables.hasCosts
    ? log.skipped.total ? 'server.value.doneNetSkipped' : 'server.value.doneNet'
    : log.skipped.total ? 'server.value.doneSkipped' : 'server.value.done';
  const done = msg(key, params);
  return render(warnings.length === 0 ? done : msg('server.value.untrusted', { done }), language);
}
