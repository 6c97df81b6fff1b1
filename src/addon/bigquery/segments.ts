/**
 * The segment values the cost to serve offers lines for, read from the data (not from the sample of rows):
 * one small query of the segment column alone, the SEGMENT_CAP most frequent values and how many there are,
 * with the bytes it billed said as the estimates say them. Names the user typed are looked up in the same
 * query; one that no row holds is refused, named.
 */
import { UserError } from '../../core/errors';
import { bigQuery } from '../../core/sql';
import { segmentValuesFromRows, segmentValuesQuery } from '../../core/sql/segmentValuesQuery';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { render } from '../../i18n/catalogue';
import type { Language } from '../../i18n/languages';
import { collectQuery } from './collect';
import type { BigQuerySegments, BigQuerySegmentsRequest } from './protocol';
import { checkLimit, estimateOfQueries } from './runReport';
import { chosenColumn, resolveSource } from './source';

/** At most this many segments get a line of their own; the rest can be added by name. */
export const SEGMENT_CAP = 200;

export function readSegments(request: BigQuerySegmentsRequest, language: Language = 'en', now: () => number = Date.now): BigQuerySegments {
  const started = now();
  const source = resolveSource(request);
  const column = chosenColumn(source, request.column, 'segment', true)!;
  const names = [...new Set((Array.isArray(request.names) ? request.names : []).filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
  const sql = segmentValuesQuery(bigQuery, source.sql, column, SEGMENT_CAP, names);
  const maxBytes = Number(request.maxBytes) > 0 ? Number(request.maxBytes) : 0;
  const result = collectQuery(source.projectId, sql, maxBytes, started, now, () => checkLimit(source.projectId, [sql], maxBytes));
  if (result.state === 'running') throw new UserError(result.message);
  const values = segmentValuesFromRows(result.rows, SEGMENT_CAP);
  const inData = new Set([...values.segments, ...values.alsoFound]);
  const missing = names.filter((n) => !inData.has(n));
  if (missing.length) throw new UserError(bqMsg('bq.segmentNotInData', { segment: missing[0], column: column.name }));
  const estimate = estimateOfQueries([result.bytes], 'bq.segmentsScanned');
  return { column: column.name, ...values, bytes: estimate.bytes, billedBytes: estimate.billedBytes, message: render(estimate.message, language) };
}
