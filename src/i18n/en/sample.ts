/** The sample sheet the sidebar can insert: written into cells, so in the spreadsheet's language. */
export const sample = {
  'sample.sheetName': 'Sample orders',
  'sample.customer': 'Customer ID',
  'sample.date': 'Order date',
  'sample.amount': 'Amount',
  'sample.channel': 'Channel',
  'sample.online': 'Online',
  'sample.store': 'Store',
} as const;
