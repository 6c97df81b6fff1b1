import { UserError } from '../../core/errors';
import { bqMsg } from '../../i18n/bigqueryMessages';

export interface TablePath {
  projectId: string;
  datasetId: string;
  tableId: string;
}

/**
 * "dataset.table", "project.dataset.table" or "project:dataset.table" (the console's legacy form),
 * with or without backticks; a project id may hold dashes and a domain ("example.com:shop").
 */
export function parseTableName(text: string, billingProject: string): TablePath {
  const t = text.trim().replace(/^`|`$/g, '').replace(/`\.`/g, '.');
  const legacy = /^(.+):([^.:]+)\.([^.:]+)$/.exec(t);
  if (legacy) return { projectId: legacy[1], datasetId: legacy[2], tableId: legacy[3] };
  const parts = t.split('.');
  if (parts.some((p) => p === '' || /[`\s'"\\]/.test(p)) || parts.length < 2 || parts.length > 3) {
    throw new UserError(bqMsg('bq.badTableName', { text }));
  }
  return parts.length === 2 ? { projectId: billingProject, datasetId: parts[0], tableId: parts[1] } : { projectId: parts[0], datasetId: parts[1], tableId: parts[2] };
}

export function checkProjectId(projectId: string): string {
  const p = projectId.trim();
  if (!/^([a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,61}[a-z0-9]$/.test(p)) {
    throw new UserError(bqMsg('bq.badProjectId', { text: projectId }));
  }
  return p;
}
