/**
 * One query of a report, run or resumed within Apps Script's 6 minutes: start it (or pick up the job a
 * previous click left running), wait with getQueryResults, read every page. A job still running when
 * time is short is kept in the document (pendingJob.ts) and the call says so; the next click resumes it.
 */
import { bqMsg } from '../../i18n/bigqueryMessages';
import type { AnyMessage } from '../../i18n/messages';
import { queryResults, startQuery, type QueryPage } from './client';
import { loadPendingJob, queryHash, savePendingJob, type PendingJob } from './pendingJob';

/** Each wait for the job lasts at most this long on BigQuery's side (jobs.query / getQueryResults timeoutMs). */
export const WAIT_MS = 10_000;
/** Stop waiting after this many waits or this much time, leaving room to read and write the results. */
const MAX_WAITS = 24;
export const BUDGET_MS = 4.5 * 60_000;
const PAGE_ROWS = 20_000;

export type Collected =
  | { state: 'done'; rows: unknown[][]; bytes: number; job: PendingJob; resumed: boolean }
  | { state: 'running'; jobId: string; message: AnyMessage };

/**
 * The query's rows. `started` is when the sidebar's call began (the budget is the call's, whatever ran
 * before in it); `beforeStart` runs only when the query is not resumed (the byte-limit check).
 */
export function collectQuery(projectId: string, sql: string, maxBytes: number, started: number, now: () => number, beforeStart: () => void = () => undefined): Collected {
  const hash = queryHash(sql);
  const pending = loadPendingJob(projectId, hash, now());
  let page: QueryPage;
  if (pending) {
    page = queryResults(projectId, pending.jobId, pending.location, null, WAIT_MS, PAGE_ROWS);
  } else {
    beforeStart();
    page = startQuery(projectId, sql, maxBytes, WAIT_MS, PAGE_ROWS);
  }
  const job = (): PendingJob => ({ projectId, jobId: page.jobId, location: page.location, queryHash: hash, startedAt: pending?.startedAt ?? started });
  let waits = 0;
  while (!page.complete && waits < MAX_WAITS && now() - started < BUDGET_MS) {
    waits++;
    page = queryResults(projectId, page.jobId, page.location, null, WAIT_MS, PAGE_ROWS);
  }
  if (!page.complete) {
    savePendingJob(job());
    return { state: 'running', jobId: page.jobId, message: bqMsg('bq.stillRunning', { job: page.jobId }) };
  }
  const rows = [...page.rows];
  const bytes = page.bytes;
  while (page.pageToken) {
    if (now() - started > BUDGET_MS) {
      savePendingJob(job());
      return { state: 'running', jobId: page.jobId, message: bqMsg('bq.slowResults', { job: page.jobId }) };
    }
    page = queryResults(projectId, page.jobId, page.location, page.pageToken, WAIT_MS, PAGE_ROWS);
    rows.push(...page.rows);
  }
  return { state: 'done', rows, bytes, job: job(), resumed: pending !== null };
}
