// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
// curves for customer base analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
//
// A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across customers, so their mean value
// is pν⁻¹ and the population mean is p·v/(q−1). The model is fitted on customers' average repeat-transaction
// value m̄ over x transactions.
import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { integer } from '../../i18n/messages';
import { minimizeBfgs } from './bfgs';
import { assessFit, type FitDiagnostics } from './fitResult';
import { digamma, lnGamma } from './special';

export interface GammaGammaParams {
  /** Shape of the transaction values around a customer's mean. */
  p: number;
  /** Shape of the distribution of customers' rates ν. */
  q: number;
  /** Scale of the rates ν, in the currency of the amounts. */
  v: number;
}

export interface GammaGammaFit extends FitDiagnostics {
  params: GammaGammaParams;
}

/** Customers with x > 0 and m̄ > 0, grouped by x for the terms that depend on x only. */
export interface GammaGammaData {
  customers: number;
  x: Float64Array;
  m: Float64Array;
  /** How many customers each (x, m̄) entry stands for (1 each, or a group's size: the SQL path's spend rows). */
  w: Float64Array;
  /** Distinct x values and their customer counts. */
  xValues: Float64Array;
  xCounts: Float64Array;
  /** Σ ln m̄ and Σ x ln m̄, constant in the parameters. */
  sumLnM: number;
  sumXLnM: number;
}

export const MIN_GAMMA_GAMMA_CUSTOMERS = 10;

/**
 * Keeps the customers the spend model applies to: x a whole number > 0 and m̄ a positive finite amount.
 * @throws UserError when fewer than 10 such customers remain.
 */
export function prepareGammaGammaData(frequency: ArrayLike<number>, monetary: ArrayLike<number>, weights?: ArrayLike<number>): GammaGammaData {
  if (monetary.length !== frequency.length || (weights && weights.length !== frequency.length)) {
    const got = `${frequency.length} and ${monetary.length}`;
    throw new UserError(`Frequency and monetary value must have one entry per customer; got ${got}`); // i18n-exempt: an API invariant, unreachable from a sheet
  }
  const xs: number[] = [];
  const ms: number[] = [];
  const ws: number[] = [];
  const counts = new Map<number, number>();
  let sumLnM = 0;
  let sumXLnM = 0;
  let customers = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const m = monetary[i];
    const w = weights ? weights[i] : 1;
    if (!(Number.isInteger(x) && x > 0 && m > 0 && Number.isFinite(m) && w > 0)) continue;
    xs.push(x);
    ms.push(m);
    ws.push(w);
    counts.set(x, (counts.get(x) ?? 0) + w);
    sumLnM += w * Math.log(m);
    sumXLnM += w * x * Math.log(m);
    customers += w;
  }
  if (customers < MIN_GAMMA_GAMMA_CUSTOMERS) {
    throw new UserError(msg('model.error.fewSpend', { min: integer(MIN_GAMMA_GAMMA_CUSTOMERS), count: integer(customers) }));
  }
  const xValues = Float64Array.from(counts.keys());
  return {
    customers,
    x: Float64Array.from(xs),
    m: Float64Array.from(ms),
    w: Float64Array.from(ws),
    xValues,
    xCounts: Float64Array.from(xValues, (x) => counts.get(x) as number),
    sumLnM,
    sumXLnM,
  };
}

/**
 * Log-likelihood; when `gradient` is given, writes ∂LL/∂(p, q, v) into it. Per customer
 *   ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + v).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData, gradient?: Float64Array): number {
  return logLikelihood(params.p, params.q, params.v, data.sumXLnM, data.sumLnM, data.xValues, data.xCounts, data.x, data.m, data.w, gradient ?? null);
}

// On arrays and numbers only, for the reason bgnbdLikelihood.ts gives.
function logLikelihood(
  p: number,
  q: number,
  v: number,
  sumXLnM: number,
  sumLnM: number,
  xValues: Float64Array,
  xCounts: Float64Array,
  xs: Float64Array,
  ms: Float64Array,
  ws: Float64Array,
  gradient: Float64Array | null,
): number {
  const lnV = Math.log(v);
  const lnGammaQ = lnGamma(q);
  const digammaQ = digamma(q);
  let ll = p * sumXLnM - sumLnM;
  let gp = sumXLnM;
  let gq = 0;
  let gv = 0;
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    const n = xCounts[k];
    const px = p * x;
    const lnX = Math.log(x);
    ll += n * (lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * lnV + px * lnX);
    const psiSum = digamma(px + q);
    gp += n * x * (psiSum - digamma(px) + lnX);
    gq += n * (psiSum - digammaQ + lnV);
    gv += (n * q) / v;
  }
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const w = ws[i];
    const total = x * ms[i] + v;
    const lnTotal = Math.log(total);
    ll -= w * (p * x + q) * lnTotal;
    gp -= w * x * lnTotal;
    gq -= w * lnTotal;
    gv -= (w * (p * x + q)) / total;
  }
  if (gradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
  }
  return ll;
}

/**
 * Fits p, q, v by maximum likelihood on customers with x > 0 and m̄ > 0 (others are ignored).
 * The optimiser works on ln(p, q, v/s) from 0, with s the mean m̄, so the start does not depend on the currency.
 * @throws UserError when fewer than 10 customers qualify.
 */
export function fitGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>, options: { maxIterations?: number; weights?: ArrayLike<number> } = {}): GammaGammaFit {
  const data = prepareGammaGammaData(frequency, monetary, options.weights);
  let totalM = 0;
  let totalX = 0;
  const ms = data.m; // locals: the loop checks no object's hidden class
  const ws = data.w;
  const xs = data.x;
  for (let i = 0; i < ms.length; i++) {
    totalM += ws[i] * ms[i];
    totalX += ws[i] * xs[i];
  }
  const scale = totalM / data.customers;
  const scaledM = data.m.map((m) => m / scale);
  const lnScale = Math.log(scale);
  const scaled: GammaGammaData = {
    ...data,
    m: scaledM,
    sumLnM: data.sumLnM - data.customers * lnScale,
    sumXLnM: data.sumXLnM - lnScale * totalX,
  };

  const natural = new Float64Array(3);
  const toParams = (theta: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) });
  const result = minimizeBfgs(
    (theta, gradient) => {
      const params = toParams(theta);
      const ll = gammaGammaLogLikelihood(params, scaled, natural);
      gradient[0] = (-natural[0] * params.p) / data.customers;
      gradient[1] = (-natural[1] * params.q) / data.customers;
      gradient[2] = (-natural[2] * params.v) / data.customers;
      return -ll / data.customers;
    },
    [0, 0, 0],
    { maxIterations: options.maxIterations ?? 500, gradientTolerance: 1e-9, maxAbsX: 25 },
  );
  const fitted = toParams(result.x);
  const params: GammaGammaParams = { ...fitted, v: fitted.v * scale };
  const assessed = assessFit('Gamma-Gamma', result, ['p', 'q', 'v']);
  const message = assessed.converged && params.q <= 1 ? msg('model.fit.noMean', { fit: assessed.message }) : assessed.message;
  return {
    params,
    logLikelihood: gammaGammaLogLikelihood(params, data),
    customers: data.customers,
    iterations: result.iterations,
    converged: assessed.converged,
    atBoundary: assessed.atBoundary,
    message,
  };
}

/**
 * E(M | x, m̄) = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄ = p(v + x m̄)/(px + q − 1): a weighted mean of the
 * population mean pv/(q−1) and the customer's own average m̄. With x = 0 (or no valid m̄) it is the population
 * mean, which is NaN when q ≤ 1 (no finite mean).
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  if (x > 0 && m > 0) return (p * (v + x * m)) / (p * x + q - 1);
  return q > 1 ? (p * v) / (q - 1) : NaN;
}
