/**
 * The summary sheet: written into cells, so in the spreadsheet's language. {unit} is a period noun
 * (unit.*), {lapse} a number of periods (units.*), {date} a day in the language's form.
 */
export const summary = {
  'summary.sheetName': 'Retention summary',

  // Periods as nouns, and counted.
  'unit.week': 'week',
  'unit.month': 'month',
  'unit.quarter': 'quarter',
  'unit.year': 'year',
  'units.week': { one: '{count} week', other: '{count} weeks' },
  'units.month': { one: '{count} month', other: '{count} months' },
  'units.quarter': { one: '{count} quarter', other: '{count} quarters' },
  'units.year': { one: '{count} year', other: '{count} years' },

  // The header block.
  'summary.source': 'Source',
  'summary.data': 'Data',
  'summary.shapeLog': 'Transaction log (one row per purchase or activity)',
  'summary.shapeTable': 'Customer table (one row per customer)',
  'summary.rowsRead': 'Rows read',
  'summary.rowsSkipped': 'Rows skipped',
  'summary.dataUntil': 'Data until',
  'summary.partialNote': 'The last period is partial (data until {date}): its cells are grey and left out of the weighted averages, the chart and the observed churn.',
  'summary.generated': 'Generated',
  'summary.version': 'Add-on version',

  // The settings, as the header block lists them.
  'summary.setting.period': 'Period',
  'summary.period.weekMonday': 'week (starting Monday, ISO)',
  'summary.period.weekSunday': 'week (starting Sunday)',
  'summary.setting.mode': 'Retention counts customers',
  'summary.mode.in': 'active in the period',
  'summary.mode.later': 'active in the period or any later one',
  'summary.setting.asOf': 'As of',
  'summary.asOf.last': 'the last date in the data',
  'summary.asOf.today': 'today, {date} (the table holds later dates, such as scheduled cancellations)',
  'summary.setting.customers': 'Customers',
  'summary.customers.segment': 'segment "{segment}" of {column}',
  'summary.customers.breakdown': 'all, and broken down by {column}',
  'summary.customers.all': 'all',
  'summary.setting.newCustomers': 'New customers',
  'summary.counting.table': 'signed up in the {unit} and still active at its end; those who sign up and cancel in the same {unit} are counted apart (New and cancelled), neither as new nor as lost',
  'summary.setting.lostAfter': 'A customer is lost after',
  'summary.counting.lapseOne': '{lapse} without a purchase (active in a {unit}: bought in it)',
  'summary.counting.lapse': '{lapse} without a purchase (active in a {unit}: bought in it or in the {before} before)',
  'summary.setting.amount': 'Amount',
  'summary.setting.refunds': 'Refunds',
  'summary.refunds.activity': 'rows with a negative amount count in revenue and as purchases (they make a customer active)',
  'summary.refunds.notActivity': 'rows with a negative amount count in revenue, not as purchases (they do not make a customer active, new or returning)',

  // Retention and churn per period.
  'summary.perPeriod.title': 'Retention and churn per period',
  'summary.col.period': 'Period',
  'summary.col.firstDay': 'First day',
  'summary.col.startLog': 'Customers at start (S)\nactive in the previous {unit}',
  'summary.col.newLog': 'New\nfirst purchase in the {unit}',
  'summary.col.returning': 'Returning\nbought again after {lapse} or more without a purchase',
  'summary.col.lostLogOne': 'Lost\nof S: no purchase in the {unit}',
  'summary.col.lostLog': 'Lost\nof S: no purchase in the last {lapse}',
  'summary.col.endLog': 'Customers at end (E)\nS − lost + new + returning',
  'summary.col.retentionLog': 'Retention (kept of S)\n(E − new − returning) ÷ S',
  'summary.col.churn': 'Churn (lost of S)\nlost ÷ S',
  'summary.col.revenueLog': 'Revenue\namounts dated in the {unit}',
  'summary.col.revenueRetention': "Revenue retention\nrevenue from S ÷ previous {unit}'s revenue",
  'summary.col.note': 'Note',
  'summary.col.startTable': 'Customers at start (S)\nactive when the {unit} began',
  'summary.col.newTable': "New\nsigned up, still active at the {unit}'s end",
  'summary.col.newCancelled': 'New and cancelled\nsigned up and cancelled in the {unit}',
  'summary.col.lostTable': 'Lost\nof S: cancelled in the {unit}',
  'summary.col.endTable': 'Customers at end (E)\nS − lost + new',
  'summary.col.retentionTable': 'Retention (kept of S)\n(E − new) ÷ S',
  'summary.col.revenueTable': "Revenue\nper period, customers active at the {unit}'s end",
  'summary.row.partial': 'partial {unit}: data until {date}, so customers who have not bought yet count as lost',
  'summary.row.partialTable': 'partial {unit}: data until {date}; cancellations later in the {unit} are not counted yet',
  'summary.row.windowFilling': 'nobody can be lost yet: fewer than {lapse} since the data begins',
  'summary.note.table': 'A customer is active from the signup date until the day before the cancel date. New customers who sign up and cancel in the same {unit} are counted apart (New and cancelled), neither as new nor as lost, so churn is the share of the customers at the start who cancelled, and retention = 1 − churn.',
  'summary.note.lapseOne': 'A customer is active in a {unit} when they bought in it, and lost after a {unit} without a purchase.',
  'summary.note.lapse': 'A customer is active in a {unit} when they bought in it or in the {before} before, and lost after {lapse} without a purchase.',
  'summary.note.returning': 'Returning customers were active before, lapsed and bought again: like new ones they are gained in the {unit}, so retention = (E − new − returning) ÷ S = 1 − churn.',

  // The cohort matrices.
  'summary.col.cohort': 'Cohort',
  'summary.col.customers': 'Customers',
  'summary.matrix.customers': 'Customers per cohort',
  'summary.matrix.retention': 'Retention per cohort (%)',
  'summary.matrix.revenue': 'Revenue per cohort',
  'summary.weightedAverage': 'Weighted average',
  'summary.segment': 'Segment: {name}',

  // Value per cohort.
  'summary.value.title': 'Value per cohort',
  'summary.value.revenueToDate': 'Revenue to date',
  'summary.value.perCustomer': 'Revenue to date per customer',
  'summary.value.perPeriod': 'Revenue per active customer-period (m)',
  'summary.value.churn': 'Observed churn per period',
  'summary.value.future': 'Expected future value of an active customer\nm ÷ churn, as =CLV(m, churn)',
  'summary.value.note': 'Lifetime value of a customer = revenue to date + expected future value. The expected future value is what a customer who is active now brings from now on: m in each period while they stay, 1 ÷ churn periods on average (=CLV(m, churn), no discount); it does not include what they have already spent. Observed churn leaves out the partial last period. Blank where a cohort has no revenue or no observed churn yet.',

  // The chart.
  'summary.chart.data': 'Chart data: retention by period since the cohort’s first period, from +1 (complete periods only)',
  'summary.chart.perCohort': 'Retention by period since first period, per cohort',
  'summary.chart.average': 'Average retention by period since first period',

  // Period labels (i18n-4): a Sunday-start week by its first day, {start} a day in the language's form.
  // The other periods are labelled 2024-W05, 2024-01, 2024-Q1, 2024 in every language (src/core/periods.ts).
  'period.sundayWeek': 'week of {start}',
} as const;
