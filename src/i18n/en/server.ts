/** What the server answers the sidebar and the menu when something fails: in the user's language. */
export const server = {
  'server.badSettings': 'The sidebar sent settings the add-on cannot read: {detail}. Reload the sidebar.',
  'server.unexpected': 'Something went wrong in the add-on ({detail}).',
  'server.sheetsUnchanged': 'Your sheets were not changed.',
  'server.sheetUpdated': '"{sheet}" was updated completely before that.',
  'server.sheetNamesPending': '"{sheet}" was written, but some of its named ranges may not point at its tables yet.',
  'server.sheetPartial': '"{sheet}" is only partly updated: its cells hold the new tables, but its formats, chart or named ranges may still be the previous ones.',
  'server.stagingLeft': 'A sheet "{sheet}" the add-on was building is left in the workbook.',
  'server.nextRunRepairs': 'The next run repairs it; your other sheets were not changed.',
  'server.otherSheetsUnchanged': 'Your other sheets were not changed.',
  'server.settingsNotSaved': 'The settings could not be saved for "Refresh summary" this time.',
  'server.ownedSourceSummary': '"{sheet}" is the retention summary the add-on writes, not your data: choose the sheet that holds your transactions or customers.',
  'server.ownedSourceValue': '"{sheet}" is the customer value sheet the add-on writes, not your data: choose the sheet that holds your transactions or customers.',
  'server.ownedSourceBuilding': '"{sheet}" is a sheet the add-on was building, not your data: choose the sheet that holds your transactions or customers.',
} as const;
