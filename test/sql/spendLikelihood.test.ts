/**
 * The Gamma-Gamma fit the SQL path makes from its spend rows (each row a weight: exact groups, fine bins, coarse
 * cells; rfmQuery.ts), checked against a log-likelihood and a correlation written out here: lnΓ by Stirling's
 * series after shifting the argument past 10 (not the production code's Lanczos), the per-customer
 * Gamma-Gamma term of docs/models.md, and Pearson's ρ of (spend count, m̄) over the customers of CDNOW's raw log
 * (read here, to 1997-09-30), one entry per customer.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type RfmRow, type SqlLogColumns } from '../../src/core/sql';
import { fitGammaGamma } from '../../src/core/models/gammagamma';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { CDNOW_LOG, readCdnow } from '../support/cdnow';

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

function pearson(data: Spend[]): number {
  let n = 0, mx = 0, mm = 0;
  for (const d of data) {
    n += d.w;
    mx += d.w * d.x;
    mm += d.w * d.m;
  }
  mx /= n;
  mm /= n;
  let sxx = 0, smm = 0, sxm = 0;
  for (const d of data) {
    sxx += d.w * (d.x - mx) ** 2;
    smm += d.w * (d.m - mm) ** 2;
    sxm += d.w * (d.x - mx) * (d.m - mm);
  }
  return sxm / Math.sqrt(sxx * smm);
}

const asSpend = (rows: RfmRow[]): Spend[] => rows.filter((r) => r.kind === 'spend').map((r) => ({ x: r.x!, m: r.amount! / r.x!, w: r.customers! }));
const expand = (data: Spend[]): Spend[] => data.flatMap((d) => Array.from({ length: d.w }, () => ({ x: d.x, m: d.m, w: 1 })));

/** Each CDNOW customer's repeat spend to 1997-09-30 from the raw log: purchase days after the first with a positive net. */
function cdnowCustomers(): Spend[] {
  const days = new Map<string, Map<number, number>>();
  for (const r of readCdnow()) {
    const day = Date.UTC(r.year, r.month - 1, r.day) / 86_400_000;
    if (day > Date.UTC(1997, 8, 30) / 86_400_000) continue;
    const own = days.get(r.id) ?? new Map<number, number>();
    own.set(day, (own.get(day) ?? 0) + r.amount);
    days.set(r.id, own);
  }
  const out: Spend[] = [];
  for (const own of days.values()) {
    const first = Math.min(...own.keys());
    let x = 0, sum = 0;
    for (const [day, net] of own) if (day > first && net > 0) (x++, (sum += net));
    if (x > 0) out.push({ x, m: sum / x, w: 1 });
  }
  return out;
}

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
  await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
});
afterAll(() => db?.close());

describe('CDNOW to 1997-09-30: the weighted Gamma-Gamma fit and ρ of the spend rows', () => {
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

  it('ρ (spend count vs m̄) from the spend rows is ρ over the raw log\'s customers: exact, fine bins to 1e-5, coarse cells to 1e-3', async () => {
    const customers = cdnowCustomers();
    expect(customers.length).toBe(9450);
    const reference = pearson(customers);
    expect(reference).toBeGreaterThan(0.05); // 0.0802: weak, as the Gamma-Gamma model assumes
    expect(reference).toBeLessThan(0.11);
    for (const [limit, tolerance] of [[1e9, 1e-9], [4000, 1e-5], [1000, 1e-3]] as const) {
      const rows = await run(limit);
      const model = customerValueModelFromRows(rows);
      expect(Math.abs(pearson(asSpend(rows)) - reference), String(limit)).toBeLessThan(tolerance);
      expect(Math.abs(model.spendFrequencyCorrelation - reference), String(limit)).toBeLessThan(tolerance);
    }
  });
});
