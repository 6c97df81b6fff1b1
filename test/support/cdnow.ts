/** Reads the CDNOW log shipped in examples/cdnow/ (see its README) into plain rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CdnowRow {
  id: string;
  year: number;
  month: number;
  day: number;
  cds: number;
  amount: number;
}

export const CDNOW_LOG = join(__dirname, '..', '..', 'examples', 'cdnow', 'CDNOW_master.txt');

export function readCdnow(): CdnowRow[] {
  const lines = readFileSync(CDNOW_LOG, 'utf8').split(/\r?\n/).slice(1);
  const rows: CdnowRow[] = [];
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    rows.push({
      id: f[0],
      year: Number(f[1].slice(0, 4)),
      month: Number(f[1].slice(4, 6)),
      day: Number(f[1].slice(6, 8)),
      cds: Number(f[2]),
      amount: Number(f[3]),
    });
  }
  return rows;
}
