/** Why the sidebar proposes a data shape and columns: in the user's language. */
export const detect = {
  'detect.tableBoth': 'One row per customer with signup and cancel dates: read as a customer table.',
  'detect.tableSignup': 'One row per customer with a signup date: read as a customer table.',
  'detect.logRepeats': 'Customers appear on several rows with dates: read as a transaction log (one row per purchase).',
  'detect.log': 'Read as a transaction log (one row per purchase or activity).',
  'detect.quantityPrice': 'No amount column: the amount of each row is "{quantity}" × "{price}" (quantity × unit price).',
  'detect.priceOnly': '"{price}" looks like a unit price, not an order amount, so it is not used as the amount; choose it under Amount if it holds what each row is worth.',
  'detect.amountAsText': '"{amount}" looks like the amount, but its numbers use the other decimal separator ("{example}"), so this spreadsheet\'s locale reads them as text and the column is not used: set the spreadsheet\'s locale to the file\'s (File → Settings) or convert the column, then detect again.',
} as const;
