/**
 * BigQuery's errors as the advanced service throws them ("API call to bigquery.jobs.query failed with
 * error: …", https://developers.google.com/apps-script/guides/services/advanced#how_advanced_services_work)
 * → one clear sentence each, saying what to do. Pure: the text of the error is all it reads.
 */
import { UserError } from '../../core/errors';

interface Rule {
  test: RegExp;
  message: (m: RegExpExecArray, project: string) => string;
}

const RULES: Rule[] = [
  {
    test: /BigQuery API has not been used|accessNotConfigured|API .*bigquery.* (is )?(disabled|not enabled)/i,
    message: (_m, p) =>
      `The BigQuery API is not enabled in project "${p}". Enable it in the Google Cloud console (APIs & Services → Library → BigQuery API), wait a minute, then try again.`,
  },
  {
    test: /Billing has not been enabled|billingNotEnabled|BigQuery sandbox|free tier/i,
    message: (_m, p) =>
      `Billing is not enabled for project "${p}", so it cannot run this query. Enable billing for the project (Google Cloud console → Billing) or choose a project that has it.`,
  },
  {
    test: /Query exceeded limit for bytes billed: (\d+)\. (\d+) or higher required/i,
    message: (m) => `BigQuery stopped the query: it would bill ${formatBytes(Number(m[2]))}, more than your limit of ${formatBytes(Number(m[1]))}. Raise the limit or choose a smaller table.`,
  },
  {
    test: /Access Denied: Table ([^\s:]+:[^\s:]+)[:\s]/i,
    message: (m) => `You have no permission to read the table ${m[1].replace(':', '.')}. Ask its owner for the BigQuery Data Viewer role on it (or its dataset).`,
  },
  {
    test: /Access Denied: Dataset ([^\s:]+:[^\s:]+)[:\s]/i,
    message: (m) => `You have no permission to read the dataset ${m[1].replace(':', '.')}. Ask its owner for the BigQuery Data Viewer role on it.`,
  },
  {
    test: /Access Denied: Project ([^\s:]+)|does not have bigquery\.jobs\.create permission|permission denied|accessDenied/i,
    message: (m, p) => `You have no permission to run queries in project "${m[1] ?? p}". Ask for the BigQuery Job User role on it, or choose a project where you have it.`,
  },
  {
    test: /Not found: Table ([^\s]+?)( was not found)?( in location (\S+))?$/im,
    message: (m) => `The table ${m[1].replace(':', '.')} was not found${m[4] ? ` (in location ${m[4]})` : ''}. Check the dataset and table names, and the project.`,
  },
  {
    test: /Not found: Dataset ([^\s]+?)( was not found)?( in location (\S+))?$/im,
    message: (m) => `The dataset ${m[1].replace(':', '.')} was not found${m[4] ? ` (in location ${m[4]})` : ''}. Check its name and the project.`,
  },
  {
    test: /Not found: Job|Not found: Project ([^\s]+)/i,
    message: (m, p) => (m[1] ? `The project "${m[1]}" was not found, or you cannot see it. Check the project id.` : `The query job was not found in project "${p}" (it may have expired). Run the report again.`),
  },
  {
    test: /No matching signature for (?:function|operator) ([^\s]+) for argument types?:? ([^.]+)/i,
    message: (m) => `A column has a type the report cannot read (${m[1]} got ${m[2].trim()}). Check the column choices: the date column must hold DATE, DATETIME, TIMESTAMP or ISO text, the amount column numbers.`,
  },
  {
    test: /Job execution was cancelled: Job timed out|timed out|deadline exceeded|timeout/i,
    message: () => 'BigQuery gave up on the query: it ran longer than allowed. Try a longer period, a smaller table, or ask your admin about the project’s job timeout.',
  },
];

/** A UserError with the clear message when the error is a known BigQuery failure, otherwise the error itself. */
export function bigQueryError(e: unknown, projectId: string): Error {
  if (e instanceof UserError) return e;
  const text = e instanceof Error ? e.message : String(e);
  for (const rule of RULES) {
    const m = rule.test.exec(text);
    if (m) return new UserError(rule.message(m, projectId));
  }
  const detail = text.replace(/^.*failed with error:\s*/i, '');
  return new UserError(`BigQuery refused the request: ${detail}`);
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
}
