/**
 * The Gamma-Gamma fit the SQL path makes from its spend rows (each row a weight: exact groups, fine bins, coarse
 * cells; rfmQuery.ts), checked against a log-likelihood and a correlation written out here: lnΓ by Stirling's
 * series after shifting the argument past 10 (not the production code's Lanczos), the per-customer
 * Gamma-Gamma term of docs/models.md.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type RfmRow, type SqlLogColumns } from '../../src/core/sql';
import { fitGammaGamma } from '../../src/core/models/gammagamma';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { CDNOW_LOG } from '../support/cdnow';

/** lnΓ(z), z > 0: lnΓ(z) = lnΓ(z + k) − Σ_{j<k} ln(z + j), Stirling's series at z + k ≥ 10 (error < 1e-16 there). */
function lnGamma(z: number): number {
  let shift = 0;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = 1 / (z * z);
  const series = (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 * (1 / 1680 - z2 / 1188)))) / z;
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

interface Spend { x: number; m: number; w: number }

/** Σ w × [lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + v)]. */
function logLikelihood(data: Spend[], p: number, q: number, v: number): number {
  let sum = 0;
  for (const { x, m, w } of data) {
    const px = p * x;
    sum += w * (lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v));
  }
  return sum;
}

const asSpend = (rows: RfmRow[]): Spend[] => rows.filter((r) => r.kind === 'spend').map((r) => ({ x: r.x!, m: r.amount! / r.x!, w: r.customers! }));
const expand = (data: Spend[]): Spend[] => data.flatMap((d) => Array.from({ length: d.w }, () => ({ x: d.x, m: d.m, w: 1 })));

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
  await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
});
afterAll(() => db?.close());

describe('CDNOW to 1997-09-30: the weighted Gamma-Gamma fit of the spend rows', () => {
  const columns: SqlLogColumns = { id: { name: 'Customer ID', type: 'string' }, date: { name: 'Date', type: 'date' }, amount: { name: 'Amount', type: 'float' } };
  const endDay = Date.UTC(1997, 8, 30) / 86_400_000;
  const run = async (spendRows: number) =>
    rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['cdnow'] }, columns, { timeZone: 'UTC', endDay, refundsAreActivity: false, spendRows })));

  it.each([['exact groups', 1e9], ['fine bins', 4000], ['coarse cells', 1000]] as const)('%s: the fitted p, q, v maximise the weighted log-likelihood written here', async (_tier, limit) => {
    const rows = await run(limit);
    const data = asSpend(rows);
    const fit = customerValueModelFromRows(rows).gammaGamma;
    const { p, q, v } = fit.params;
    const n = data.reduce((s, d) => s + d.w, 0);
    expect(n).toBe(9450);
    const ll = logLikelihood(data, p, q, v);
    // The fit's own log-likelihood is this one (to 1e-9 relative: the lnΓ of either side is good to ~1e-15).
    expect(Math.abs(fit.logLikelihood / ll - 1)).toBeLessThan(1e-9);
    // A maximum: the gradient of the mean log-likelihood in ln p, ln q, ln v is 0 (central differences, step 1e-5:
    // their error is ~1e-10 here; the fit stops at 1e-9), and every step of 1 % in any parameter, either way, lowers it.
    const at = (dp: number, dq: number, dv: number) => logLikelihood(data, p * Math.exp(dp), q * Math.exp(dq), v * Math.exp(dv)) / n;
    const h = 1e-5;
    const gradient = [(at(h, 0, 0) - at(-h, 0, 0)) / (2 * h), (at(0, h, 0) - at(0, -h, 0)) / (2 * h), (at(0, 0, h) - at(0, 0, -h)) / (2 * h)];
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
    for (const step of [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1], [1, -1, 0], [0, 1, -1]]) {
      for (const sign of [1, -1]) expect(at(...(step.map((s) => sign * s * 0.01) as [number, number, number]))).toBeLessThan(ll / n);
    }
    // The same maximum as the unweighted fit over the rows expanded to one entry per customer (to 1e-6 relative;
    // both stop at a gradient of 1e-9 on a ridge where p and v grow together).
    const expanded = expand(data);
    const plain = fitGammaGamma(expanded.map((d) => d.x), expanded.map((d) => d.m));
    for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(plain.params[k] / fit.params[k] - 1), k).toBeLessThan(1e-6);
    expect(Math.abs(logLikelihood(expanded, plain.params.p, plain.params.q, plain.params.v) / ll - 1)).toBeLessThan(1e-9);
  });
});
