import type { EntryPoint } from './entryPoint';
import { asServerFunction } from './addon/sidebarApi';
import { sidebarBigQueryDescribe, sidebarBigQuerySegments, sidebarBigQueryEstimate, sidebarBigQueryRun, sidebarBigQuerySaved, sidebarBigQueryValueEstimate, sidebarBigQueryValueSaved, sidebarBigQueryValueRun } from './addon/bigquery/sidebarBigQuery';

/**
 * The BigQuery build's extra entry points (npm run build -- --bigquery): the sidebar's BigQuery
 * source. The default build never includes this list or anything it imports.
 */
export const bigQueryEntryPoints: EntryPoint[] = [
  {
    name: 'sidebarBigQuerySaved',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: the settings saved in this document by the last BigQuery report.',
    params: [],
    returns: { type: 'Object', description: 'BigQueryReportSettings (plain JSON) or null.' },
    run: asServerFunction(sidebarBigQuerySaved),
  },
  {
    name: 'sidebarBigQueryValueSaved',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: the Customer value settings (with the cost to serve) saved in this document by the last BigQuery customer value run.',
    params: [],
    returns: { type: 'Object', description: 'BigQueryValueSettings (plain JSON) or null.' },
    run: asServerFunction(sidebarBigQueryValueSaved),
  },
  {
    name: 'sidebarBigQueryDescribe',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: the columns of a table or query and the proposed column roles.',
    params: [{ name: 'source', type: 'Object', description: 'BigQuerySource (plain JSON): projectId, table ("dataset.table") or query.' }],
    returns: { type: 'Object', description: 'A BigQueryDescription (plain JSON).' },
    run: asServerFunction(sidebarBigQueryDescribe),
  },
  {
    name: 'sidebarBigQuerySegments',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: the distinct values of the segment column (the 200 most frequent, and how many there are), read by one query of that column, for the cost to serve lines; names typed by the user must be in the data.',
    params: [{ name: 'request', type: 'Object', description: 'BigQuerySegmentsRequest (plain JSON): the source, the segment column, the typed names, the byte limit.' }],
    returns: { type: 'Object', description: 'A BigQuerySegments (plain JSON), with the bytes the query scanned and billed.' },
    run: asServerFunction(sidebarBigQuerySegments),
  },
  {
    name: 'sidebarBigQueryEstimate',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: a dry run of the report query, with the bytes it would scan and the estimated cost.',
    params: [{ name: 'settings', type: 'Object', description: 'BigQueryReportSettings (plain JSON).' }],
    returns: { type: 'Object', description: 'A BigQueryEstimate (plain JSON).' },
    run: asServerFunction(sidebarBigQueryEstimate),
  },
  {
    name: 'sidebarBigQueryRun',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: runs (or resumes) the report query and writes the summary sheet.',
    params: [{ name: 'settings', type: 'Object', description: 'BigQueryReportSettings (plain JSON).' }],
    returns: { type: 'Object', description: 'A BigQueryRunResult (plain JSON): done with the outcome, or still running.' },
    run: asServerFunction(sidebarBigQueryRun),
  },
  {
    name: 'sidebarBigQueryValueEstimate',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: dry runs of the two customer value queries, with the bytes they would scan and the estimated cost.',
    params: [{ name: 'settings', type: 'Object', description: 'BigQueryValueSettings (plain JSON).' }],
    returns: { type: 'Object', description: 'A BigQueryEstimate (plain JSON).' },
    run: asServerFunction(sidebarBigQueryValueEstimate),
  },
  {
    name: 'sidebarBigQueryValueRun',
    kind: 'server',
    summary: 'Sidebar, BigQuery source: runs (or resumes) the customer value queries and writes the Customer value sheet.',
    params: [{ name: 'settings', type: 'Object', description: 'BigQueryValueSettings (plain JSON).' }],
    returns: { type: 'Object', description: 'A BigQueryValueResult (plain JSON): done with the outcome, or still running.' },
    run: asServerFunction(sidebarBigQueryValueRun),
  },
];
