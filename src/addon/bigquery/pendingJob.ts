/**
 * Query jobs of a report still running when the sidebar's call had to return (Apps Script stops a call
 * after 6 minutes), kept in the document's properties with the query each answers, so the next click
 * picks up their results instead of starting (and paying for) the queries again. A report of two queries
 * (customer value) keeps the first one's finished job too: its results are read again, not recomputed.
 */
const KEY = 'retentionAnalytics.bigQueryJob.v1';
/** BigQuery keeps a query's results for about 24 hours; an older job is not resumed. */
const MAX_AGE_MS = 23 * 3_600_000;
/** Jobs kept at most (the newest): one report's queries, with room for another's. */
const MAX_JOBS = 4;

export interface PendingJob {
  projectId: string;
  jobId: string;
  location: string;
  /** Which query the job runs (a hash of its text). */
  queryHash: string;
  startedAt: number;
}

export function queryHash(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits: tells queries apart, nothing more
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16) + ':' + text.length;
}

function loadAll(): PendingJob[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as PendingJob | PendingJob[];
    return Array.isArray(parsed) ? parsed : [parsed]; // one job, as the first BigQuery build kept it
  } catch {
    return [];
  }
}

export function loadPendingJob(projectId: string, hash: string, now: number): PendingJob | null {
  return loadAll().find((job) => job.projectId === projectId && job.queryHash === hash && now - job.startedAt < MAX_AGE_MS) ?? null;
}

/** Keeps `job`, replacing one of the same query. */
export function savePendingJob(job: PendingJob): void {
  const jobs = [...loadAll().filter((j) => j.queryHash !== job.queryHash), job].slice(-MAX_JOBS);
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(jobs));
}

/** Forgets the jobs of these queries (all of them without an argument). */
export function clearPendingJob(hashes?: readonly string[]): void {
  const rest = hashes ? loadAll().filter((j) => !hashes.includes(j.queryHash)) : [];
  const props = PropertiesService.getDocumentProperties();
  if (rest.length) props.setProperty(KEY, JSON.stringify(rest));
  else props.deleteProperty(KEY);
}
