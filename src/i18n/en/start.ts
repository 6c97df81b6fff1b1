/**
 * What `npm start` prints on the console (scripts/start.ts, scripts/printSheets.ts), in the language of
 * its --locale, as the workbook it writes is. Not part of the add-on: only the scripts load it
 * (src/i18n/startMessages.ts). Titles of the tables it prints are the workbook's own (summary.*, cv.*).
 */
export const start = {
  'start.workbookName': 'Retention demo',
  'start.usage':
    'usage: npm start -- [file.csv|file.tsv|file.parquet] [--period week|month|quarter|year] [--lapse K] [--zone IANA] [--locale en_US] [--out file.xlsx] [--engine sheet|duckdb]',
  'start.needsValue': '{option} needs a value',
  'start.lapseWhole': '--lapse needs a whole number of periods, 1 or more',
  'start.period': '--period must be one of {choices} (got "{period}")',
  'start.unknownOption': 'unknown option {option}',
  'start.engine': '--engine must be "sheet" (the default) or "duckdb" (got "{engine}")',
  'start.noSuchFile': 'no such file: {file}',
  'start.unreadableSheet': 'could not read sheet "{sheet}"',
  'start.failed': 'npm start failed: {message}',
  'start.source': {
    one: 'Source: "{sheet}", header row {row}, {count} data row, read as a {shape}.',
    other: 'Source: "{sheet}", header row {row}, {count} data rows, read as a {shape}.',
  },
  'start.shape.log': 'transaction log',
  'start.shape.table': 'customer table',
  'start.columns': 'Columns: {list}',
  'start.columnRole': '{role} = {letter} "{header}"',
  'start.columnKind': '{letter} "{header}" {kind}',
  'start.noColumn': 'no {roles} column found. The columns read as: {kinds}.',
  'start.otherLocale': 'Dates and numbers are read as typed in {locale}; if the file was written elsewhere, try --locale en_US.',
  'start.lapse': '{label} {count} {unit} (--lapse K to change). {suggestion}',
  'start.sqlSource': {
    one: 'Source: {source}, {count} data row, read as a {shape} ({ms} ms to load).',
    other: 'Source: {source}, {count} data rows, read as a {shape} ({ms} ms to load).',
  },
  'start.sqlSourceName': '{file} (DuckDB)',
  'start.sqlRolesUnclear': 'could not tell the {id} and {date} columns apart',
  'start.sqlColumn': '{role} = "{name}" ({type})',
  'start.sqlEngine': "the add-on's DuckDB SQL dialect, {rows} result rows",
  'start.sqlSummaryDone': '{message}  (query {query} ms, sheet {sheet} ms, {calls} Sheets service calls)',
  'start.sqlModel': 'Customer value model (BG/NBD + Gamma-Gamma, weeks), fitted on {histories} grouped histories and {groups} spend groups of {customers} customers ({ms} ms)',
  'start.sqlConverged': 'converged',
  'start.sqlValueDone': '{message}  (narrowed queries: {rows} rows, {groups} of them groups, then {candidates} candidate customers; {ms} ms)',
  'start.summaryDone': '{message}  ({ms} ms, {calls} Sheets service calls)',
  'start.valueDone': '{message}  ({ms} ms)',
  'start.valueFailed': 'Customer value not estimated: {reason}',
  'start.firstOf': '{title} (first {shown} of {count})',
  'start.written': 'Workbook written to {file} (sheets: {sheets})',
  'start.done': 'Done in {seconds} s (CPU {cpu} s), peak memory {mb} MB ({steps}).',
  'start.step': '{name} {seconds} s, {mb} MB',
  'start.step.import': 'import',
  'start.step.summary': 'summary',
  'start.step.value': 'customer value',
  'start.step.export': 'export',
} as const;
