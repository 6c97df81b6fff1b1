/**
 * The BigQuery build's server messages: BigQuery's errors, the dry run's estimate, a job still
 * running, the source and column checks, the summary's BigQuery lines. BigQuery build only: it joins
 * the add-on's catalogue when src/i18n/bigqueryMessages.ts is loaded, which the default build never is.
 */
export const bigqueryServer = {
  'bq.serviceOff': 'The BigQuery service is not turned on for this add-on. Deploy its BigQuery build (npm run build -- --bigquery), whose manifest enables it.',

  // BigQuery's errors, each with what to do.
  'bq.error.apiDisabled': 'The BigQuery API is not enabled in project "{project}". Enable it in the Google Cloud console (APIs & Services → Library → BigQuery API), wait a minute, then try again.',
  'bq.error.billing': 'Billing is not enabled for project "{project}", so it cannot run this query. Enable billing for the project (Google Cloud console → Billing) or choose a project that has it.',
  'bq.error.bytesBilled': 'BigQuery stopped the query: it would bill {needed}, more than your limit of {limit}. Raise the limit or choose a smaller table.',
  'bq.error.tableDenied': 'You have no permission to read the table {table}. Ask its owner for the BigQuery Data Viewer role on it (or its dataset).',
  'bq.error.datasetDenied': 'You have no permission to read the dataset {dataset}. Ask its owner for the BigQuery Data Viewer role on it.',
  'bq.error.projectDenied': 'You have no permission to run queries in project "{project}". Ask for the BigQuery Job User role on it, or choose a project where you have it.',
  'bq.error.tableNotFound': 'The table {table} was not found. Check the dataset and table names, and the project.',
  'bq.error.tableNotFoundIn': 'The table {table} was not found (in location {location}). Check the dataset and table names, and the project.',
  'bq.error.datasetNotFound': 'The dataset {dataset} was not found. Check its name and the project.',
  'bq.error.datasetNotFoundIn': 'The dataset {dataset} was not found (in location {location}). Check its name and the project.',
  'bq.error.projectNotFound': 'The project "{project}" was not found, or you cannot see it. Check the project id.',
  'bq.error.jobNotFound': 'The query job was not found in project "{project}" (it may have expired). Run the report again.',
  'bq.error.columnType': 'A column has a type the report cannot read ({function} got {types}). Check the column choices: the date column must hold DATE, DATETIME, TIMESTAMP or ISO text, the amount column numbers.',
  'bq.error.timeout': 'BigQuery gave up on the query: it ran longer than allowed. Try a longer period, a smaller table, or ask your admin about the project’s job timeout.',
  'bq.error.other': 'BigQuery refused the request: {detail}',

  // Sizes: decimal units, as BigQuery's console writes them.
  'bq.bytes': { one: '{count} byte', other: '{count} bytes' },
  'bq.size': '{value} {unit}',

  // The dry run and the run.
  'bq.estimate': 'This query will scan {bytes} (billed as {billed}): {cost} at on-demand pricing ({price} per TiB; the first TiB each month is free, and your project’s pricing may differ).',
  'bq.estimateValue': 'Customer value runs two queries (the models’ input, then the customers the sheet lists), which will scan {bytes} in all (billed as {billed}): {cost} at on-demand pricing ({price} per TiB; the first TiB each month is free, and your project’s pricing may differ).',
  'bq.costBelow': 'less than {amount}',
  'bq.costAbout': 'about {amount}',
  'bq.estimateOverLimit': '{estimate} That is over your limit of {limit}: raise the limit to run it.',
  'bq.overLimit': 'The query would scan {bytes} (billed as {billed}), over your limit of {limit}. Raise the limit or choose a smaller table.',
  'bq.stillRunning': 'BigQuery is still running the query (job {job}). Click again in a minute to collect the results; the query is not run twice.',
  'bq.slowResults': 'The results of job {job} are ready but took long to read. Click again to finish; the query is not run twice.',

  // The source and its columns.
  'bq.oneSelect': 'The query must be one SELECT statement (it may start with WITH); the report reads its result as the transaction log.',
  'bq.noSource': 'Give a table (dataset.table) or a query.',
  'bq.badTableName': '"{text}" is not a table name: write dataset.table, or project.dataset.table.',
  'bq.badProjectId': '"{text}" is not a Google Cloud project id (6–30 lowercase letters, digits and dashes, e.g. "my-shop-analytics").',
  'bq.chooseColumn': 'Choose the {role} column.',
  'bq.noColumnInTable': 'The table {table} has no column "{column}" (it has {columns}).',
  'bq.noColumnInQuery': 'The query result has no column "{column}" (it has {columns}).',
  'bq.columnTypeRefused': 'The {role} column "{column}" holds {holds}; a {role} column must hold {wanted}.',
  'bq.role.id': 'customer id',
  'bq.role.date': 'date',
  'bq.role.amount': 'amount',
  'bq.role.revenue': 'revenue',
  'bq.role.segment': 'segment',
  'bq.role.order': 'row order',
  'bq.role.signup': 'signup date',
  'bq.role.cancel': 'cancel date',
  'bq.role.cost': 'cost',
  'bq.type.string': 'text',
  'bq.type.integer': 'whole numbers',
  'bq.type.float': 'numbers',
  'bq.type.numeric': 'decimal numbers',
  'bq.type.date': 'dates',
  'bq.type.datetime': 'dates with times',
  'bq.type.timestamp': 'timestamps',
  'bq.type.bool': 'TRUE/FALSE values',
  'bq.type.other': 'values of another kind',

  // The summary's header block (in the spreadsheet's language).
  'bq.sourceTable': 'BigQuery table `{table}`',
  'bq.sourceQuery': 'BigQuery query in project {project}',
  'bq.line.scanned': '{bytes} scanned in project {project}',
  'bq.line.job': 'BigQuery job',
  'bq.line.jobs': 'BigQuery jobs',
  'bq.segmentsScanned': 'Reading the segments from the data scanned {bytes} (billed as {billed}): {cost} at on-demand pricing ({price} per TiB).',
  'bq.segmentNotInData': 'No row of the column “{column}” holds the segment “{segment}”, so it cannot have a cost line of its own. Check the spelling: capitals and spaces count.',
} as const;
