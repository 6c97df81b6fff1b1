/**
 * A transaction log with exactly the histories of the CDNOW RFM summary the BG/NBD paper fits (Fader,
 * Hardie & Lee 2005): first purchase T weeks before 1997-09-30 (worth 10), x repeat purchase days, the
 * last one t_x weeks after the first, repeat purchases worth zbar. As ranges =CLV is given, with the
 * bundle's dates (midnight in its spreadsheet's zone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from './harness';
import { civilOf, dayOf } from '../support/days';

const SUMMARY = join(__dirname, '..', '..', 'examples', 'cdnow', 'cdnow_customers_summary_with_transactions.csv');

export interface LogRanges {
  ids: unknown[][];
  dates: unknown[][];
  amounts: unknown[][];
}

export function cdnowHistories(b: Bundle): LogRanges {
  const log: LogRanges = { ids: [], dates: [], amounts: [] };
  const end = dayOf(1997, 9, 30);
  const on = (day: number) => {
    const c = civilOf(day);
    return b.date(c.year, c.month, c.day);
  };
  for (const line of readFileSync(SUMMARY, 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [id, x, tx, T, zbar] = line.split(',').map(Number);
    const first = end - Math.round(T * 7);
    const last = first + Math.round(tx * 7);
    log.ids.push([id]);
    log.dates.push([on(first)]);
    log.amounts.push([10]);
    for (let j = 0; j < x; j++) {
      log.ids.push([id]);
      log.dates.push([on(last - j)]);
      log.amounts.push([zbar]);
    }
  }
  return log;
}
