/**
 * What `npm start` prints on the console (scripts/start.ts, scripts/printSheets.ts), in the language of
 * its --locale, as the workbook it writes is. Not part of the add-on: only the scripts load it
 * (src/i18n/startMessages.ts). Titles of the tables it prints are the workbook's own (summary.*, cv.*).
 */
export const start = {
  'start.workbookName': 'Retention demo',
  'start.usage':
    'usage: npm start -- [file.csv|file.tsv|file.parquet] [--period week|month|quarter|year] [--lapse K] [--zone IANA] [--locale en_US] [--out file.xlsx] [--engine sheet|duckdb] [--cost-share P|SEGMENT=P] [--cost-monthly A|SEGMENT=A] [--cost-column NAME]',
  'start.needsValue': '{option} needs a value',
  'start.lapseWhole': '--lapse needs a whole number of periods, 1 or more',
  'start.period': '--period must be one of {choices} (got "{period}")',
  'start.costShare': '--cost-share needs the cost to serve as a percentage of revenue from 0 to 100, such as 15, or SEGMENT=15 for one segment (got "{value}")',
  'start.costMonthly': '--cost-monthly needs the cost to serve per customer a month, an amount of 0 or more such as 2.50, or SEGMENT=2.50 for one segment (got "{value}")',
  'start.costColumn': '--cost-column "{name}" is not a column of the file; its columns are {columns}',
  'start.costUnknownSegment': '{flag} names segment {segment}, which is not a segment of the data; its segments are {segments}',
  'start.costNoSegmentColumn': '{flag} names segment {segment}, but the data has no segment column',
  'start.costNoAmounts': '{flag} sets a cost to serve for the customer value estimate, which needs a transaction log with amounts; the data ({shape}) has none',
  'start.nothingWritten': '{reason}. Nothing was written; {file} is as it was.',
  'start.unknownOption': 'unknown option {option}',
  'start.engine': '--engine must be "sheet" (the default) or "duckdb" (got "{engine}")',
  'start.noSuchFile': 'no such file: {file}',
  // {needs}, {limit}: start.count.cells; {rows}, {columns}: start.count.rows, start.count.columns (each agrees with its own number).
  'start.tooManyCells': '"{file}" needs {needs} ({rows} × {columns}) and the spreadsheet already has {existing}: {over} more than Google Sheets\' limit of {limit} in a spreadsheet.',
  'start.tooManyColumns': '"{file}" has {columns}: Google Sheets allows at most {limit} (up to ZZZ) in a sheet.',
  /** The cells a file needs and the limit ("needs 10 cells", "a limit of 10,000,000 cells"): in Czech and Polish the accusative. */
  'start.count.cells': { one: '{count} cell', other: '{count} cells' },
  /** Nominative: "(400,001 rows × 26 columns)". */
  'start.count.rows': { one: '{count} row', other: '{count} rows' },
  /** Nominative: "(400,001 rows × 26 columns)"; also "has 18,279 columns", "at most 18,278 columns". */
  'start.count.columns': { one: '{count} column', other: '{count} columns' },
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
  'start.sqlEngine': "the add-on's DuckDB SQL dialect, result rows: {rows}",
  'start.sqlSummaryDone': '{message}  (query {query} ms, sheet {sheet} ms, Sheets service calls: {calls})',
  /** count: the customers. */
  'start.sqlModel': {
    one: 'Customer value model (BG/NBD + Gamma-Gamma, weeks), fitted on the grouped histories ({histories}) and spend groups ({groups}) of {count} customer ({ms} ms)',
    other: 'Customer value model (BG/NBD + Gamma-Gamma, weeks), fitted on the grouped histories ({histories}) and spend groups ({groups}) of {count} customers ({ms} ms)',
  },
  'start.sqlConverged': 'converged',
  /** count: the candidate customers; the rows and groups are always many (a group row per history kind at least). */
  'start.sqlValueDone': {
    one: '{message}  (narrowed queries: {rows} rows, {groups} of them groups, then {count} candidate customer; {ms} ms)',
    other: '{message}  (narrowed queries: {rows} rows, {groups} of them groups, then {count} candidate customers; {ms} ms)',
  },
  'start.summaryDone': '{message}  ({ms} ms, Sheets service calls: {calls})',
  'start.valueDone': '{message}  ({ms} ms)',
  'start.valueFailed': 'Customer value not estimated: {reason}',
  /** count: the rows shown, of {total}. */
  'start.firstOf': { one: '{title} (first {count} of {total})', other: '{title} (first {count} of {total})' },
  'start.written': 'Workbook written to {file} (sheets: {sheets})',
  'start.done': 'Done in {seconds} s (CPU {cpu} s), peak memory {mb} MB ({steps}).',
  'start.step': '{name} {seconds} s, {mb} MB',
  'start.step.import': 'import',
  'start.step.summary': 'summary',
  'start.step.value': 'customer value',
  'start.step.export': 'export',
} as const;
