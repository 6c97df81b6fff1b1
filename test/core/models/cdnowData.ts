// Loaders for the CDNOW files in examples/cdnow (see examples/cdnow/README.md).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayOf } from '../../support/days';

const cdnowDir = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/cdnow');

export interface CdnowLog {
  /** Customer index = CDNOW customer id − 1 (ids run 00001 … 23570). */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

/** Parses CDNOW_master.txt: header line, then `id YYYYMMDD cds dollars`, whitespace separated, CRLF. */
export function parseCdnowLog(text: string): CdnowLog {
  const lines = text.split('\n');
  const customer = new Int32Array(lines.length);
  const day = new Int32Array(lines.length);
  const amount = new Float64Array(lines.length);
  let n = 0;
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i].trim().split(/\s+/);
    if (fields.length < 4) continue;
    const date = fields[1];
    customer[n] = Number(fields[0]) - 1;
    day[n] = dayOf(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8)));
    amount[n] = Number(fields[3]);
    n++;
  }
  return { customer: customer.slice(0, n), day: day.slice(0, n), amount: amount.slice(0, n) };
}

export function readCdnowLogText(): string {
  return readFileSync(join(cdnowDir, 'CDNOW_master.txt'), 'utf8');
}

function readCsv(name: string): number[][] {
  const lines = readFileSync(join(cdnowDir, name), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => line.split(',').map(Number));
}

export interface CdnowSummaryRow {
  id: number;
  x: number;
  tx: number;
  T: number;
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks), 2,357 customers. */
export function readCdnowSummary(): CdnowSummaryRow[] {
  return readCsv('cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({ id, x, tx, T }));
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (mean repeat-purchase value). */
export function readCdnowSummaryWithSpend(): (CdnowSummaryRow & { zbar: number })[] {
  return readCsv('cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({ id, x, tx, T, zbar }));
}

/** 1997-09-30, the end of the 39-week calibration period of the published analyses. */
export const CDNOW_CALIBRATION_END = dayOf(1997, 9, 30);
