/**
 * A query job still running when the sidebar's call had to return (Apps Script stops a call after
 * 6 minutes): kept in the document's properties with the query it answers, so the next click picks
 * up its results instead of starting (and paying for) the query again.
 */
const KEY = 'retentionAnalytics.bigQueryJob.v1';
/** BigQuery keeps a query's results for about 24 hours; an older job is not resumed. */
const MAX_AGE_MS = 23 * 3_600_000;

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

export function loadPendingJob(projectId: string, hash: string, now: number): PendingJob | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    const job = JSON.parse(raw) as PendingJob;
    return job.projectId === projectId && job.queryHash === hash && now - job.startedAt < MAX_AGE_MS ? job : null;
  } catch {
    return null;
  }
}

export function savePendingJob(job: PendingJob): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(job));
}

export function clearPendingJob(): void {
  PropertiesService.getDocumentProperties().deleteProperty(KEY);
}
