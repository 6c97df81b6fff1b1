// BG/NBD log-likelihood and its analytic gradient (Fader, Hardie & Lee 2005, "Counting your customers the
// easy way", eq. 6 and the note "Implementing the BG/NBD model in MATLAB/Excel").
import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { integer } from '../../i18n/messages';
import { type CustomerHistories, groupHistories } from './customerGroups';

export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates λ. */
  r: number;
  /** Scale of the purchase rates, in the time unit of the data (λ has mean r/α per unit). */
  alpha: number;
  /** Beta(a, b) distribution of the drop-out probability p after each repeat purchase. */
  a: number;
  b: number;
}

/** Histories prepared for repeated likelihood evaluation. */
export interface BgNbdData {
  /** Number of customers (sum of the weights). */
  customers: number;
  /** Distinct (x, t_x, T) with their customer counts. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Customer count for each x = 0 … max x. */
  countByX: Float64Array;
  /**
   * The distinct T and t_x values and each history's index into them: the likelihood takes ln(α + T)
   * and ln(α + t_x) once per distinct value (a few hundred) rather than once per history (tens of thousands).
   */
  tValues: Float64Array;
  tIndex: Int32Array;
  txValues: Float64Array;
  txIndex: Int32Array;
  /** Index of each input customer's group, −1 for customers without history (NaN frequency). */
  groupOf: Int32Array;
}

/** Fewer customers than this cannot support a four-parameter fit. */
export const MIN_BGNBD_CUSTOMERS = 10;

/**
 * Validates and groups histories. Customers whose frequency is NaN (no purchase in the period) are left out.
 * @throws UserError when a history is impossible (x not a whole number ≥ 0, t_x outside [0, T]), when fewer
 *   than 10 customers remain, or when nobody made a repeat purchase.
 */
export function prepareBgNbdData(histories: CustomerHistories): BgNbdData {
  const { frequency, recency, age } = histories;
  const n = frequency.length;
  if (recency.length !== n || age.length !== n) {
    throw new UserError(`Frequency, recency and age must have one entry per customer; got ${n}, ${recency.length} and ${age.length}`); // i18n-exempt: an API invariant, unreachable from a sheet
  }
  let customers = 0;
  let repeaters = 0;
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    if (Number.isNaN(x)) continue;
    const tx = recency[i];
    const T = age[i];
    if (!Number.isInteger(x) || x < 0) throw new UserError(`Customer ${i + 1}: the number of repeat purchases must be a whole number ≥ 0; got ${x}`); // i18n-exempt: an API invariant, unreachable from a sheet
    if (!(T >= 0) || !Number.isFinite(T)) throw new UserError(`Customer ${i + 1}: the observation time T must be a finite number ≥ 0; got ${T}`); // i18n-exempt: an API invariant, unreachable from a sheet
    if (!(tx >= 0 && tx <= T)) throw new UserError(`Customer ${i + 1}: the time of the last purchase must lie between 0 and T = ${T}; got ${tx}`); // i18n-exempt: an API invariant, unreachable from a sheet
    customers++;
    if (x > 0) repeaters++;
    if (x > maxX) maxX = x;
  }
  if (customers < MIN_BGNBD_CUSTOMERS) {
    throw new UserError(msg('model.error.fewCustomers', { min: integer(MIN_BGNBD_CUSTOMERS), count: integer(customers) }));
  }
  if (repeaters === 0) {
    throw new UserError(msg('model.error.noRepeat', { count: integer(customers) }));
  }
  const groups = groupHistories(histories); // customers with a history: frequency not NaN
  const countByX = new Float64Array(maxX + 1);
  for (let g = 0; g < groups.frequency.length; g++) countByX[groups.frequency[g]] += groups.weight[g];
  return {
    customers, x: groups.frequency, tx: groups.recency, T: groups.age, weight: groups.weight, countByX, groupOf: groups.groupOf,
    ...distinctTimes(groups.age, groups.recency),
  };
}

/** The distinct-value tables of BgNbdData for histories' T and t_x columns. */
export function distinctTimes(T: Float64Array, tx: Float64Array): Pick<BgNbdData, 'tValues' | 'tIndex' | 'txValues' | 'txIndex'> {
  const t = distinctValues(T);
  const u = distinctValues(tx);
  return { tValues: t.values, tIndex: t.index, txValues: u.values, txIndex: u.index };
}

function distinctValues(column: Float64Array): { values: Float64Array; index: Int32Array } {
  const seen = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    let j = seen.get(column[i]);
    if (j === undefined) {
      j = values.length;
      seen.set(column[i], j);
      values.push(column[i]);
    }
    index[i] = j;
  }
  return { values: Float64Array.from(values), index };
}

/**
 * Log-likelihood of all customers at `params`; when `gradient` is given, writes ∂LL/∂(r, α, a, b) into it.
 *
 * Per customer, LL = A₁ + A₂ + ln(e^A₃ + δ_{x>0} e^A₄) with
 *   A₁ = lnΓ(r+x) − lnΓ(r) + r ln α,   A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x),
 *   A₃ = −(r+x) ln(α+T),               A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x).
 * A₁ and A₂ depend on x only; for whole x the gamma ratios are finite products, e.g.
 * lnΓ(r+x) − lnΓ(r) = Σ_{k<x} ln(r+k), so they are accumulated once per distinct x; ln(α+T) and ln(α+t_x)
 * are taken once per distinct T and t_x.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: BgNbdData, gradient?: Float64Array): number {
  const { countByX, tValues, txValues, tIndex, txIndex, x, weight } = data;
  return logLikelihood(params.r, params.alpha, params.a, params.b, data.customers, countByX, tValues, txValues, tIndex, txIndex, x, weight, gradient ?? null);
}

// On arrays and numbers only: the fit calls this dozens of times, and compiled code that checked the
// hidden class of a parameter or data object would be thrown away when that class dies at a full
// collection (src/core/cohorts/hiddenClass.ts).
function logLikelihood(
  r: number,
  alpha: number,
  a: number,
  b: number,
  customers: number,
  countByX: Float64Array,
  tValues: Float64Array,
  txValues: Float64Array,
  tIndex: Int32Array,
  txIndex: Int32Array,
  xs: Float64Array,
  weight: Float64Array,
  gradient: Float64Array | null,
): number {
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;

  // x-only terms: running sums over k < x; and ln(b + x − 1), 1/(b + x − 1) for the per-history terms.
  let lnRising = 0; // Σ ln(r+k)
  let dRising = 0; // Σ 1/(r+k)
  let lnBeta = 0; // Σ ln((b+k)/(a+b+k))
  let dBetaA = 0; // Σ −1/(a+b+k)
  let dBetaB = 0; // Σ 1/(b+k) − 1/(a+b+k)
  const lnBx = new Float64Array(countByX.length);
  const invBx = new Float64Array(countByX.length);
  for (let x = 0; x < countByX.length; x++) {
    const count = countByX[x];
    if (count > 0) {
      ll += count * (lnRising + lnBeta);
      gr += count * dRising;
      ga += count * dBetaA;
      gb += count * dBetaB;
    }
    if (x > 0) {
      lnBx[x] = Math.log(b + x - 1);
      invBx[x] = 1 / (b + x - 1);
    }
    lnRising += Math.log(r + x);
    dRising += 1 / (r + x);
    lnBeta += Math.log((b + x) / (a + b + x));
    dBetaA -= 1 / (a + b + x);
    dBetaB += 1 / (b + x) - 1 / (a + b + x);
  }
  const lnAlpha = Math.log(alpha);
  ll += customers * r * lnAlpha;
  gr += customers * lnAlpha;
  gAlpha += (customers * r) / alpha;

  const lnAlphaT = new Float64Array(tValues.length);
  const invAlphaT = new Float64Array(tValues.length);
  for (let j = 0; j < tValues.length; j++) {
    lnAlphaT[j] = Math.log(alpha + tValues[j]);
    invAlphaT[j] = 1 / (alpha + tValues[j]);
  }
  const lnAlphaTx = new Float64Array(txValues.length);
  const invAlphaTx = new Float64Array(txValues.length);
  for (let j = 0; j < txValues.length; j++) {
    lnAlphaTx[j] = Math.log(alpha + txValues[j]);
    invAlphaTx[j] = 1 / (alpha + txValues[j]);
  }

  // Per-history terms: ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃ − A₄|).
  const lnA = Math.log(a);
  for (let g = 0; g < xs.length; g++) {
    const x = xs[g];
    const w = weight[g];
    const t = tIndex[g];
    const a3 = -(r + x) * lnAlphaT[t];
    if (x === 0) {
      ll += w * a3;
      gr -= w * lnAlphaT[t];
      gAlpha -= w * r * invAlphaT[t];
      continue;
    }
    const u = txIndex[g];
    const a4 = lnA - lnBx[x] - (r + x) * lnAlphaTx[u];
    let w3: number;
    let w4: number;
    if (a4 >= a3) {
      const e = Math.exp(a3 - a4);
      ll += w * (a4 + Math.log1p(e));
      w4 = 1 / (1 + e);
      w3 = e * w4;
    } else {
      const e = Math.exp(a4 - a3);
      ll += w * (a3 + Math.log1p(e));
      w3 = 1 / (1 + e);
      w4 = e * w3;
    }
    gr -= w * (w3 * lnAlphaT[t] + w4 * lnAlphaTx[u]);
    gAlpha -= w * (r + x) * (w3 * invAlphaT[t] + w4 * invAlphaTx[u]);
    ga += (w * w4) / a;
    gb -= w * w4 * invBx[x];
  }

  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return ll;
}
