/**
 * What the cohort engine says about its input (src/core/cohorts): rows skipped and why, and why it
 * cannot compute. Shown under a spill and in a formula's error (the spreadsheet's language), in the
 * summary's header block (the same) and in the sidebar (the user's language). {column} names a
 * column as the caller does (an argument name such as dates, or column B ("Date")).
 */
export const input = {
  // One reason rows were skipped (or kept and noted), counted.
  'skipped.blankRow': { one: '{count} row entirely blank', other: '{count} rows entirely blank' },
  'skipped.blankId': { one: '{count} row with a blank cell in {column}', other: '{count} rows with a blank cell in {column}' },
  'skipped.placeholderId': { one: '{count} row whose value in {column} is {value}, which stands for a blank id', other: '{count} rows whose value in {column} is {value}, which stands for a blank id' },
  'skipped.invalidId': { one: '{count} row whose value in {column} is not text or a number', other: '{count} rows whose values in {column} are not text or numbers' },
  'skipped.blankDate': { one: '{count} row with a blank cell in {column}', other: '{count} rows with a blank cell in {column}' },
  'skipped.notADate': { one: '{count} row whose value in {column} is not a date', other: '{count} rows whose values in {column} are not dates' },
  'skipped.numberNotADate': { one: '{count} row whose value in {column} is a number, not a date — format the cells as dates', other: '{count} rows whose values in {column} are numbers, not dates — format the cells as dates' },
  'skipped.twoDigitYear': { one: '{count} row whose value in {column} has a two-digit year (which century is not guessed)', other: '{count} rows whose values in {column} have a two-digit year (which century is not guessed)' },
  'skipped.unknownDateForm': {
    one: "{count} row whose value in {column} is text in a date form the spreadsheet's locale does not use (day and month are not guessed)",
    other: "{count} rows whose values in {column} are text in a date form the spreadsheet's locale does not use (day and month are not guessed)",
  },
  'skipped.errorValue': { one: '{count} row with an error value in {column}', other: '{count} rows with an error value in {column}' },
  'skipped.badAmount': { one: '{count} row whose value in {column} is not a number', other: '{count} rows whose values in {column} are not numbers' },
  'skipped.cancelBeforeSignup': { one: '{count} row whose value in {column} is before the signup date', other: '{count} rows whose values in {column} are before the signup date' },
  'skipped.duplicateCustomer': { one: "{count} row whose value in {column} repeats an earlier row's", other: "{count} rows whose values in {column} repeat earlier rows'" },
  'skipped.afterAsOf': { one: '{count} row whose value in {column} is after the as-of day', other: '{count} rows whose values in {column} are after the as-of day' },
  'skipped.refundBeforeFirst': {
    one: "{count} row with a negative value in {column} dated before the customer's first purchase (a refund is not a purchase, and there is no cohort to put it in)",
    other: "{count} rows with negative values in {column} dated before the customer's first purchase (a refund is not a purchase, and there is no cohort to put it in)",
  },
  'skipped.repeatedHeader': { one: '{count} row repeating the header row', other: '{count} rows repeating the header row' },
  'skipped.placeholderCancelDate': { one: '{count} row whose value in {column} is text that stands for a missing date, read as no cancel date (still active)', other: '{count} rows whose values in {column} are text that stands for a missing date, read as no cancel date (still active)' },
  'skipped.paddedId': { one: '{count} row whose value in {column} has spaces around it, read without them as the same customer', other: '{count} rows whose values in {column} have spaces around them, read without them as the same customers' },
  'skipped.negativeAmount': { one: '{count} row with a negative value in {column} (refunds: kept in revenue)', other: '{count} rows with negative values in {column} (refunds: kept in revenue)' },

  // Where those rows are: {list} is "5, 9, …".
  'skipped.rows': { one: 'row {list}', other: 'rows {list}' },
  'skipped.rowsOfRange': { one: 'row {list} of the range', other: 'rows {list} of the range' },
  'skipped.where': '{tally} ({rows})',
  'skipped.whereExample': '{tally} ({rows}, e.g. {value})',
  'skipped.example': '{tally} ({value})',

  // The sentences.
  'skipped.header': 'Row {row} ({cells}) was read as a header and left out.',
  'skipped.headerAlone': 'Row {row} was read as a header and left out.',
  'skipped.headerOfRange': 'Row {row} of the range ({cells}) was read as a header and left out.',
  'skipped.headerOfRangeAlone': 'Row {row} of the range was read as a header and left out.',
  'skipped.total': { one: 'Skipped {count} row: {reasons}.', other: 'Skipped {count} rows: {reasons}.' },
  'skipped.kept': 'Kept {reasons}.',

  // Why nothing can be computed.
  'input.sizes': '{column} and {first} must cover the same rows, but their row counts differ ({column}: {rows}, {first}: {firstRows})',
  'input.empty': { one: 'no data rows: {columns} is empty', other: 'no data rows: {columns} are empty' },
  'input.onlyHeader': 'no data rows: the range holds only a header row (row {row}: {cells})',
  'input.onlyHeaderOfRange': 'no data rows: the range holds only a header row (row {row} of the range: {cells})',
  'input.allSkipped': 'no data rows: every row was skipped. {skipped}',
  'input.asOfBeforeData': 'no data rows: the as-of day {asOf} is before the first date in the data ({first})',
  'input.tooManyPeriods': 'the dates run from {first} to {last}, {periods}: more than {max}. Choose a longer period or check the date column for a mistyped year',
  'input.dayRows': { one: '{date} (row {list})', other: '{date} (rows {list})' },
  'input.dayRowsOfRange': { one: '{date} (row {list} of the range)', other: '{date} (rows {list} of the range)' },
  'input.tooLarge': '{customers} customers over {periods} periods is too large to compute: choose a longer period',
  'input.breakdownTooLarge': 'a breakdown by {segments} segments over {periods} periods is too large: choose a longer period or a segment column with fewer values',
  'input.noPurchases': 'no purchases: every row has a negative value in {column}. Refunds are not counted as purchases; choose to count them as activity if they are not refunds',
  'input.noPurchasesAsOf': 'no purchases: every row up to the as-of day has a negative value in {column}. Refunds are not counted as purchases; choose to count them as activity if they are not refunds',
  'input.segmentWithoutColumn': 'segment "{segment}" was asked for but no segment column was given',
  'input.breakdownWithoutColumn': 'a breakdown by segment needs a segment column',
  'input.segmentAndBreakdown': 'choose either one segment or a breakdown by segment, not both',
  'input.andMore': { one: '{list} and {count} more', other: '{list} and {count} more' },
  'input.segmentUnknown': 'segment "{segment}" does not occur in the segment column (it holds {names})',
  'input.lapseRangeWeek': 'the lapse window must be a whole number of weeks from 1 to {max} (got {got})',
  'input.lapseRangeMonth': 'the lapse window must be a whole number of months from 1 to {max} (got {got})',
  'input.lapseRangeQuarter': 'the lapse window must be a whole number of quarters from 1 to {max} (got {got})',
  'input.lapseRangeYear': 'the lapse window must be a whole number of years from 1 to {max} (got {got})',
  'input.lapseTable': 'a lapse window applies to a transaction log: in a customer table a customer is lost on their cancel date',

  // The header rows of =COHORTS and =RETENTION_BY_PERIOD (English ones are named in docs/functions.md and issue 8).
  'spill.cohort': 'Cohort',
  'spill.customers': 'Customers',
  'spill.period': 'Period',
  'spill.label': 'Label',
  'spill.start': 'Start',
  'spill.new': 'New',
  'spill.returning': 'Returning',
  'spill.newCancelled': 'New and cancelled',
  'spill.end': 'End',
  'spill.lost': 'Lost',
  'spill.crr': 'CRR',
  'spill.churn': 'Churn',
  'spill.revenue': 'Revenue',
  'spill.revenueRetention': 'Revenue retention',
  'spill.partial': 'Partial',
  // The note under =COHORTS when its last period is partial: those cells lie on a diagonal (each cohort row's last filled cell), so no column can flag them.
  'spill.partialNote': 'The last period ({unit} from {start}) is partial: data until {date}. The last filled cell of each cohort row counts purchases only up to that day, so customers who have not bought yet are missing from it.',
  'spill.partialNoteTable': 'The last period ({unit} from {start}) is partial: data until {date}. The last filled cell of each cohort row counts the customers active on that day; cancellations later in the {unit} are not counted yet.',
} as const;
