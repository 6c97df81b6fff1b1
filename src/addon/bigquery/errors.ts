/**
 * BigQuery's errors as the advanced service throws them ("API call to bigquery.jobs.query failed with
 * error: …", https://developers.google.com/apps-script/guides/services/advanced#how_advanced_services_work)
 * → one clear sentence each, saying what to do, from the catalogue (src/i18n/<lang>/bigqueryServer.ts).
 * Pure: the text of the error is all it reads.
 */
import { UserError } from '../../core/errors';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { decimal, integer, type AnyMessage, type Param } from '../../i18n/messages';

interface Rule {
  test: RegExp;
  message: (m: RegExpExecArray, project: string) => AnyMessage;
}

// BigQuery names tables and datasets "project:dataset.table"; the add-on writes "project.dataset.table".
const dotted = (name: string) => name.replace(':', '.');

const RULES: Rule[] = [
  {
    test: /BigQuery API has not been used|accessNotConfigured|API .*bigquery.* (is )?(disabled|not enabled)/i,
    message: (_m, project) => bqMsg('bq.error.apiDisabled', { project }),
  },
  {
    test: /Billing has not been enabled|billingNotEnabled|BigQuery sandbox|free tier/i,
    message: (_m, project) => bqMsg('bq.error.billing', { project }),
  },
  {
    test: /Query exceeded limit for bytes billed: (\d+)\. (\d+) or higher required/i,
    message: (m) => bqMsg('bq.error.bytesBilled', { needed: formatBytes(Number(m[2])), limit: formatBytes(Number(m[1])) }),
  },
  {
    test: /Access Denied: Table ([^\s:]+:[^\s:]+)[:\s]/i,
    message: (m) => bqMsg('bq.error.tableDenied', { table: dotted(m[1]) }),
  },
  {
    test: /Access Denied: Dataset ([^\s:]+:[^\s:]+)[:\s]/i,
    message: (m) => bqMsg('bq.error.datasetDenied', { dataset: dotted(m[1]) }),
  },
  {
    test: /Access Denied: Project ([^\s:]+)|does not have bigquery\.jobs\.create permission|permission denied|accessDenied/i,
    message: (m, p) => bqMsg('bq.error.projectDenied', { project: m[1] ?? p }),
  },
  {
    test: /Not found: Table ([^\s]+?)( was not found)?( in location (\S+))?$/im,
    message: (m) => (m[4] ? bqMsg('bq.error.tableNotFoundIn', { table: dotted(m[1]), location: m[4] }) : bqMsg('bq.error.tableNotFound', { table: dotted(m[1]) })),
  },
  {
    test: /Not found: Dataset ([^\s]+?)( was not found)?( in location (\S+))?$/im,
    message: (m) => (m[4] ? bqMsg('bq.error.datasetNotFoundIn', { dataset: dotted(m[1]), location: m[4] }) : bqMsg('bq.error.datasetNotFound', { dataset: dotted(m[1]) })),
  },
  {
    test: /Not found: Job|Not found: Project ([^\s]+)/i,
    message: (m, p) => (m[1] ? bqMsg('bq.error.projectNotFound', { project: m[1] }) : bqMsg('bq.error.jobNotFound', { project: p })),
  },
  {
    test: /No matching signature for (?:function|operator) ([^\s]+) for argument types?:? ([^.]+)/i,
    message: (m) => bqMsg('bq.error.columnType', { function: m[1], types: m[2].trim() }),
  },
  {
    test: /Job execution was cancelled: Job timed out|timed out|deadline exceeded|timeout/i,
    message: () => bqMsg('bq.error.timeout'),
  },
];

/** A UserError with the clear message when the error is a known BigQuery failure, otherwise BigQuery's own words. */
export function bigQueryError(e: unknown, projectId: string): Error {
  if (e instanceof UserError) return e;
  const text = e instanceof Error ? e.message : String(e);
  for (const rule of RULES) {
    const m = rule.test.exec(text);
    if (m) return new UserError(rule.message(m, projectId));
  }
  return new UserError(bqMsg('bq.error.other', { detail: text.replace(/^.*failed with error:\s*/i, '') }));
}

const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** A size in decimal units, as BigQuery's console writes it (1.00 KB = 1,000 bytes): "12.3 KB", "1,50 GB" in Czech. */
export function formatBytes(bytes: number): Param {
  if (bytes < 1000) return bqMsg('bq.bytes', { count: integer(bytes) });
  let v = bytes;
  let u = -1;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = v < 10 ? 2 : v < 100 ? 1 : 0;
  return bqMsg('bq.size', { value: decimal(v, digits, digits), unit: UNITS[u] });
}
