import type { EntryPoint } from './entryPoint';
import { asCustomFunction } from './functions/customFunction';
import { retention } from './functions/retention';
import { churn } from './functions/churn';
import { clv } from './functions/clv';
import { cohorts, retentionByPeriod } from './functions/cohorts';
import { onOpen, showSidebar } from './addon/menu';
import { writeSqlSummary } from './addon/sqlSummary';
import { writeSqlCustomerValue } from './addon/sqlCustomerValue';
import {
  asServerFunction,
  refreshSummary,
  sidebarCustomerValue,
  sidebarDetect,
  sidebarGenerate,
  sidebarInsertSample,
  sidebarSegments,
  sidebarShowSheet,
  sidebarState,
} from './addon/sidebarApi';

/**
 * Every function Apps Script calls by name: the one list the build writes top-level forwarders
 * (with their JSDoc) from. Adding an entry point anywhere else would leave it invisible to Sheets.
 */

const RANGE_OR_NUMBER = 'number|Array<Array<number>>';
const RANGE_OR_DATE = 'Date|Array<Array<Date>>';

export const entryPoints: EntryPoint[] = [
  {
    name: 'RETENTION',
    kind: 'customFunction',
    summary:
      'Customer retention rate (E − N) / S. Give start, end and new customer counts, or a customer table: signup dates, cancel dates and a period.',
    params: [
      { name: 'start_or_signup_dates', type: `${RANGE_OR_NUMBER}|Array<Array<Date>>`, description: 'Customers at the start of the period (S, a whole number above 0), or the signup-date column of a customer table.' },
      { name: 'end_or_cancel_dates', type: `${RANGE_OR_NUMBER}|Array<Array<Date>>`, description: 'Customers at the end of the period (E, a whole number), or the cancel-date column (blank = still active).' },
      { name: 'new_or_period_start', type: `${RANGE_OR_NUMBER}|${RANGE_OR_DATE}`, description: 'New customers acquired in the period (N, a whole number), or the first day of the period.' },
      { name: 'period_end', type: RANGE_OR_DATE, description: 'Customer-table form only: the last day of the period (inclusive).', optional: true },
    ],
    returns: { type: RANGE_OR_NUMBER, description: 'The retention rate as a fraction (0.6 = 60 %), one per row when given ranges.' },
    run: asCustomFunction('RETENTION', retention),
  },
  {
    name: 'CHURN',
    kind: 'customFunction',
    summary:
      'Customer churn rate: customers lost / customers at the start (never above 100 %). Give start and lost, or start, end and new, or a customer table and a period.',
    params: [
      { name: 'start_or_signup_dates', type: `${RANGE_OR_NUMBER}|Array<Array<Date>>`, description: 'Customers at the start of the period (S, a whole number above 0), or the signup-date column of a customer table.' },
      { name: 'lost_or_end', type: `${RANGE_OR_NUMBER}|Array<Array<Date>>`, description: 'Customers lost in the period (a whole number); with a third argument, customers at the end (E); or the cancel-date column.' },
      { name: 'new_or_period_start', type: `${RANGE_OR_NUMBER}|${RANGE_OR_DATE}`, description: 'New customers acquired in the period (N, a whole number), or the first day of the period.', optional: true },
      { name: 'period_end', type: RANGE_OR_DATE, description: 'Customer-table form only: the last day of the period (inclusive).', optional: true },
    ],
    returns: { type: RANGE_OR_NUMBER, description: 'The churn rate as a fraction (0.05 = 5 %), one per row when given ranges.' },
    run: asCustomFunction('CHURN', churn),
  },
  {
    name: 'CLV',
    kind: 'customFunction',
    summary:
      'Customer lifetime value. =CLV(value_per_period, churn_rate, [discount_rate]) gives value × (1 + discount) / (discount + churn); =CLV(customer_ids, dates, amounts, [horizon_months], [monthly_discount_rate], [output]) predicts each customer\'s value with BG/NBD and Gamma-Gamma.',
    params: [
      { name: 'value_or_customer_ids', type: `${RANGE_OR_NUMBER}|Array<Array<string>>`, description: 'Value (revenue or margin; negative for a customer who costs more than they bring) a customer brings each period, or the customer id of each purchase.' },
      { name: 'churn_rate_or_dates', type: `${RANGE_OR_NUMBER}|Array<Array<Date>>`, description: 'Probability a customer leaves after each period (0.05 or 5%), or the date of each purchase.' },
      { name: 'discount_rate_or_amounts', type: RANGE_OR_NUMBER, description: 'Discount rate per period, from 0 to 1 (default 0), or the amount of each purchase.', optional: true },
      { name: 'horizon_months', type: 'number', description: 'Predictive form: months ahead to value (default 12).', optional: true },
      { name: 'monthly_discount_rate', type: 'number', description: 'Predictive form: discount rate per month (default 0.01).', optional: true },
      { name: 'output', type: 'string', description: 'Predictive form: "customers" (default, one row per customer), "model" (the fitted parameters and warnings), "at risk" (top 20 % by past value with P(alive) from 10 % to below 50 %, largest expected loss first) or "lapsed" (those below 10 %, win-back candidates).', optional: true },
    ],
    returns: { type: 'number|Array<Array<*>>', description: 'The lifetime value, one per row when given ranges; or the predictive table.' },
    run: asCustomFunction('CLV', clv),
  },
  {
    name: 'COHORTS',
    kind: 'customFunction',
    summary:
      'Cohort table, spilled: one row per cohort (customers by the period of their first purchase, or of their signup in a customer table), one column per period since. Give customer ids and dates (a transaction log), or signup and cancel dates (a customer table).',
    params: [
      { name: 'customer_ids_or_signup_dates', type: 'Array<Array<string|number|Date>>', description: 'Customer id of each purchase (one column; whole columns like A2:A work), or the signup date of each customer.' },
      { name: 'dates_or_cancel_dates', type: 'Array<Array<Date>>', description: 'Date of each purchase (same rows), or the cancel date of each customer (blank = still active).' },
      { name: 'period', type: 'string', description: '"week" (ISO, Monday start), "week sunday", "month" (default), "quarter" or "year".', optional: true },
      { name: 'show', type: 'string', description: '"retention" (default, fractions), "customers" (counts) or "revenue" (sums, needs amounts or revenue).', optional: true },
      { name: 'amounts_or_revenue', type: 'Array<Array<number>>', description: 'Amount of each purchase (a negative amount is a refund: revenue, not a purchase), or the revenue per period of each customer.', optional: true },
      { name: 'mode', type: 'string', description: 'Log: "in" (default: active in that period) or "in or after" (a purchase then or later).', optional: true },
      { name: 'lapse_after', type: 'number', description: 'Log: a customer is active for this many periods after a purchase and lost after as many without one (default 1).', optional: true },
      { name: 'refunds', type: 'string', description: 'Log: "revenue" (default: refunds count in revenue only) or "activity" (refunds are purchases too).', optional: true },
    ],
    returns: { type: 'Array<Array<*>>', description: 'A header row, then per cohort: its first day, its size and one cell per period offset 0, 1, 2, …; a note row below when the last period is partial (the data ends before it does).' },
    run: asCustomFunction('COHORTS', cohorts),
  },
  {
    name: 'RETENTION_BY_PERIOD',
    kind: 'customFunction',
    summary:
      'Retention and churn per period, spilled: Start (S), New, Returning (log) or New and cancelled (customer table), End (E), Lost, CRR = (E − New − Returning) / S = 1 − Churn, Churn = Lost / S, revenue. Give customer ids and dates, or signup and cancel dates.',
    params: [
      { name: 'customer_ids_or_signup_dates', type: 'Array<Array<string|number|Date>>', description: 'Customer id of each purchase (one column), or the signup date of each customer.' },
      { name: 'dates_or_cancel_dates', type: 'Array<Array<Date>>', description: 'Date of each purchase (same rows), or the cancel date of each customer (blank = still active).' },
      { name: 'period', type: 'string', description: '"week", "month" (default), "quarter" or "year".', optional: true },
      { name: 'amounts_or_revenue', type: 'Array<Array<number>>', description: 'Amount of each purchase, or the revenue per period of each customer, for the revenue columns.', optional: true },
      { name: 'lapse_after', type: 'number', description: 'Log: a customer is lost after this many periods without a purchase (default 1: active in a period = bought in it).', optional: true },
      { name: 'refunds', type: 'string', description: 'Log: "revenue" (default: refunds count in revenue only) or "activity" (refunds are purchases too).', optional: true },
    ],
    returns: { type: 'Array<Array<*>>', description: 'A header row, then one row per period from the first purchase or signup to the last date.' },
    run: asCustomFunction('RETENTION_BY_PERIOD', retentionByPeriod),
  },
  {
    name: 'onOpen',
    kind: 'trigger',
    summary: 'Adds the add-on menu when the spreadsheet opens.',
    params: [{ name: 'e', type: 'Object', description: 'The open event.' }],
    returns: { type: 'void', description: 'Nothing.' },
    run: (e) => onOpen(e),
  },
  {
    name: 'onInstall',
    kind: 'trigger',
    summary: 'Adds the add-on menu right after the add-on is installed.',
    params: [{ name: 'e', type: 'Object', description: 'The install event.' }],
    returns: { type: 'void', description: 'Nothing.' },
    run: (e) => onOpen(e),
  },
  {
    name: 'showSidebar',
    kind: 'menu',
    summary: 'Opens the cohort report sidebar.',
    params: [],
    returns: { type: 'void', description: 'Nothing.' },
    run: () => showSidebar(),
  },
  {
    name: 'refreshSummary',
    kind: 'menu',
    summary: 'Regenerates the summary sheet, and the customer value sheet if there is one, with the settings saved in this document.',
    params: [],
    returns: { type: 'void', description: 'Nothing.' },
    run: () => refreshSummary(),
  },
  {
    name: 'sidebarState',
    kind: 'server',
    summary: 'Sidebar: the sheets, the saved settings and a proposal for the source sheet.',
    params: [],
    returns: { type: 'Object', description: 'A SidebarState (plain JSON).' },
    run: asServerFunction(sidebarState),
  },
  {
    name: 'sidebarDetect',
    kind: 'server',
    summary: 'Sidebar: proposes header row, data shape and column roles for a sheet.',
    params: [
      { name: 'sheetName', type: 'string', description: 'The source sheet.' },
      { name: 'headerRow', type: 'number', description: 'The header row to use instead of detecting it.', optional: true },
    ],
    returns: { type: 'Object', description: 'A SourceProposal (plain JSON).' },
    run: asServerFunction(sidebarDetect),
  },
  {
    name: 'sidebarSegments',
    kind: 'server',
    summary: 'Sidebar: the distinct values of a segment column.',
    params: [
      { name: 'sheetName', type: 'string', description: 'The source sheet.' },
      { name: 'headerRow', type: 'number', description: 'The header row.' },
      { name: 'column', type: 'number', description: 'The segment column, 1-based.' },
    ],
    returns: { type: 'Array<string>', description: 'Up to 50 segment names, sorted.' },
    run: asServerFunction(sidebarSegments),
  },
  {
    name: 'sidebarGenerate',
    kind: 'server',
    summary: 'Sidebar: generates the summary sheet and saves the settings in the document.',
    params: [{ name: 'settings', type: 'Object', description: 'ReportSettings (plain JSON).' }],
    returns: { type: 'Object', description: 'A ReportOutcome (plain JSON).' },
    run: asServerFunction(sidebarGenerate),
  },
  {
    name: 'sidebarCustomerValue',
    kind: 'server',
    summary:
      'Sidebar: fits BG/NBD and Gamma-Gamma to a transaction log with amounts and writes the "Customer value" sheet (warnings, model, top customers by CLV, at-risk and lapsed lists, CLV by segment, net of the cost to serve when given); saves its settings in the document.',
    params: [
      {
        name: 'settings',
        type: 'Object',
        description:
          'CustomerValueSettings (plain JSON): the source (sheetName, headerRow, shape "log", columns with an amount column, optional segment column), asOf ("YYYY-MM-DD" or ""), horizonMonths (1–600), monthlyDiscountRate (0.01 = 1 %), topShare (0.2 = top 20 % by past value), aliveBelow (0.5 = at risk below 50 % P(alive)), aliveFloor (0.1 = lapsed below 10 %) and costs (cost column, share of revenue and amount per customer a month, per segment).',
      },
    ],
    returns: { type: 'Object', description: 'A CustomerValueOutcome (plain JSON): the sheet written, customers scored, the at-risk and lapsed counts, the total CLV, the model warnings and a one-line message.' },
    run: asServerFunction(sidebarCustomerValue),
  },
  {
    name: 'sidebarInsertSample',
    kind: 'server',
    summary: 'Sidebar: inserts a sheet of made-up orders (a new sheet of the user\'s) and proposes it as the source.',
    params: [],
    returns: { type: 'Object', description: 'The new SidebarState (plain JSON).' },
    run: asServerFunction(sidebarInsertSample),
  },
  {
    name: 'sidebarShowSheet',
    kind: 'server',
    summary: 'Sidebar: activates a sheet (the summary or the customer value sheet, after writing it).',
    params: [{ name: 'sheetName', type: 'string', description: 'The sheet to show.' }],
    returns: { type: 'void', description: 'Nothing.' },
    run: asServerFunction(sidebarShowSheet),
  },
  {
    name: 'writeSqlSummary_',
    kind: 'server',
    summary:
      'Writes the summary sheet from the result of the SQL cohort query (src/core/sql), as counted by an SQL engine: DuckDB for npm start -- --engine duckdb, the warehouse in the warehouse build. Private (the trailing _): the sidebar cannot call it.',
    params: [{ name: 'request', type: 'Object', description: 'SqlSummaryRequest (plain JSON): the settings, the column names, the result rows, the source description and header lines.' }],
    returns: { type: 'Object', description: 'A ReportOutcome (plain JSON).' },
    run: asServerFunction(writeSqlSummary),
  },
  {
    name: 'writeSqlCustomerValue_',
    kind: 'server',
    summary:
      'Writes the Customer value sheet from the results of the SQL customer-value queries (src/core/sql: grouped RFM rows for the fits, and one row per customer for the lists, or, narrowed, the group rows and the candidates of valueQuery.ts), as an SQL engine computed them. Private (the trailing _): the sidebar cannot call it.',
    params: [{ name: 'request', type: 'Object', description: 'SqlCustomerValueRequest (plain JSON): both queries\' result rows, the horizon, discount and list thresholds, the source description and column lines.' }],
    returns: { type: 'Object', description: 'A CustomerValueOutcome (plain JSON).' },
    run: asServerFunction(writeSqlCustomerValue),
  },
];
