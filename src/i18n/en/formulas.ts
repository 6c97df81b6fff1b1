/**
 * The custom functions' messages (the #ERROR! tooltip): in the spreadsheet's language. {fn} is the
 * function's name, {arg} an argument's name (both as typed in formulas, never translated).
 */
export const formulas = {
  // How a value is named.
  'value.invalidDate': 'an invalid date',
  'value.someDate': 'a date',
  'value.date': 'the date {date}',
  'value.dateTime': 'the date and time {date} {time}',
  'value.invisible': 'text that shows nothing (invisible characters only)',
  'value.invalidNumber': 'an invalid number',
  'value.blank': 'blank',
  'zone.unknown': 'Unknown time zone "{zone}": expected an IANA name such as "Europe/Prague"',
  'value.unexpected': 'a value of an unexpected kind',

  // Where a value sits.
  'fn.got': 'got {value}',
  'fn.valueAt': '{place} is {value}',
  'fn.rowOfRange': 'row {row} of the range',
  'fn.cellOfRange': 'row {row}, column {column} of the range',
  'fn.rows': { one: '{count} row', other: '{count} rows' },
  'fn.columns': { one: '{count} column', other: '{count} columns' },
  'fn.size': '{rows} × {columns}',

  // What an argument must be.
  'fn.mustBe': '{fn}: {arg} must be {expected} ({at})',
  'fn.mustBeWhich': '{fn}: {arg} must be {expected} ({at}, which {why})',
  'fn.dateTwoDigitYear': '{fn}: {arg} must be a date ({at}, which has a two-digit year: write the year in full)',
  'fn.dateUnknownForm': "{fn}: {arg} must be a date ({at}, which is not written the way the spreadsheet's locale writes dates)",
  'fn.dateHeader': '{fn}: {arg} must be a date ({at}, which looks like a header: start the range on the row below it)',
  'fn.dateIsNumber': '{fn}: {arg} must be a date ({at}: format the cells as dates, not numbers)',
  'fn.expect.date': 'a date',
  'fn.expect.positive': 'a number greater than 0',
  'fn.expect.customers': 'a number of customers, 0 or more',
  'fn.expect.wholePositive': 'a whole number of customers greater than 0',
  'fn.expect.wholeCustomers': 'a whole number of customers, 0 or more',
  'fn.expect.value': 'a number (the value a customer brings per period)',
  'fn.expect.churn': 'a rate between 0 and 1, such as 0.05 or 5%',
  'fn.expect.discount': 'a rate from 0 to 1, such as 0.1 or 10%',
  'number.wrongDecimal': 'uses "{other}" as a decimal separator, but the spreadsheet\'s locale uses "{decimal}"',

  // Shapes and blanks.
  'fn.blank': '{fn}: {arg} is blank',
  'fn.blankAt': '{fn}: {arg} is blank in {place}',
  'fn.sameSize': '{fn}: {first} ({firstSize}) and {second} ({secondSize}) must be the same size',
  'fn.oneColumn': '{fn}: {arg} must be a single column or row (got {size})',
  'fn.unexpected': '{fn}: unexpected problem ({detail}). Please report it with the formula that caused it.',

  // RETENTION, CHURN: counts.
  'fn.churnArity': 'CHURN takes 2 arguments (start, lost), 3 (start, end, new) or 4 (signup_dates, cancel_dates, period_start, period_end); got {count}',
  'fn.retentionArity': 'RETENTION takes 3 arguments (start, end, new) or 4 (signup_dates, cancel_dates, period_start, period_end); got {count}',
  'fn.endBelowNew': '{fn}: end ({end}) is smaller than new ({new}); the customers at the end include the new ones',
  'fn.endBelowNewAt': '{fn}: end ({end}) is smaller than new ({new}) in {place}; the customers at the end include the new ones',
  'fn.moreThanStart': '{fn}: end − new ({kept}) is more than start ({start}); only customers present at the start can be retained (count returning customers as new)',
  'fn.moreThanStartAt': '{fn}: end − new ({kept}) is more than start ({start}) in {place}; only customers present at the start can be retained (count returning customers as new)',
  'fn.lostMoreThanStart': '{fn}: lost ({lost}) is more than start ({start}), a churn above 100 %. Only customers present at the start can be lost: count customers who joined and left within the period apart, not in lost',
  'fn.lostMoreThanStartAt': '{fn}: lost ({lost}) is more than start ({start}) in {place}, a churn above 100 %. Only customers present at the start can be lost: count customers who joined and left within the period apart, not in lost',

  // RETENTION, CHURN: a customer table.
  'fn.tableSizes': '{fn}: signup_dates ({signups}) and cancel_dates ({cancels}) must be the same size',
  'fn.signupBlank': '{fn}: signup_dates is blank in {place}, but that customer has a cancel date',
  'fn.cancelBeforeSignup': "{fn}: the cancel date in {place} is before that customer's signup date",
  'fn.noSignups': '{fn}: signup_dates holds no dates',
  'fn.periodEndFirst': '{fn}: period_end is before period_start',
  'fn.periodEndFirstAt': '{fn}: period_end is before period_start in {place}',
  'fn.noCustomersAtStart': '{fn}: no customer was active when the period began (S = 0), so the rate is undefined',

  // COHORTS, RETENTION_BY_PERIOD: the log's options.
  'fn.expect.lapse': 'a whole number of periods from 1 to {max}, such as {example}',
  'fn.refundsMustBe': '{arg} must be {choices} (got {got}): {revenue} (the default) counts negative amounts in revenue only, {activity} also as purchases',

  // CLV, the formula form.
  'fn.clvArity': 'CLV takes 2 or 3 arguments (value_per_period, churn_rate, [discount_rate]); got {count}',
  'fn.clvPredictiveHint': '{problem}. For the predictive form =CLV(customer_ids, dates, amounts, …), the second range must hold dates (date cells, or date text such as 2024-01-31)',
  'fn.clvPredictiveArity': 'CLV takes (customer_ids, dates, amounts, [horizon_months], [monthly_discount_rate], [output]); got {count} arguments',
  'fn.expect.horizon': 'a whole number of months from 1 to {max}, such as {example}',
  'fn.expect.monthlyRate': 'a monthly rate from 0 to 1, such as {example} or {examplePercent}',
  'fn.clvNeverLeaves': 'CLV: churn_rate is 0 and there is no discount_rate ({at}); a customer who never leaves has no finite value',
  'fn.takes': { one: '{fn} takes {usage}; got {count} argument', other: '{fn} takes {usage}; got {count} arguments' },
  'fn.showRevenue': 'COHORTS: show "revenue" needs the {arg} argument (the 5th)',
} as const;
