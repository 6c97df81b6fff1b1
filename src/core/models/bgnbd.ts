// BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2)): maximum-likelihood fit and predictions.
//
// While active, a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase they drop out
// with probability p ~ Beta(a, b). Times are in the unit of the data (see timeUnits.ts).
import { minimizeBfgs } from './bfgs';
import { type BgNbdData, type BgNbdParams, bgNbdLogLikelihood, prepareBgNbdData } from './bgnbdLikelihood';
import type { CustomerHistories } from './customerGroups';
import { assessFit, type FitDiagnostics } from './fitResult';
import { hyp2f1 } from './special';

export type { BgNbdData, BgNbdParams } from './bgnbdLikelihood';

export interface BgNbdFit extends FitDiagnostics {
  params: BgNbdParams;
}

export interface FitOptions {
  maxIterations?: number;
}

const PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;
/** The optimiser gives up once a log-parameter passes this (far beyond the boundary test in fitResult.ts). */
const MAX_ABS_LOG_PARAM = 25;

/**
 * Fits r, α, a, b by maximum likelihood. Customers with NaN frequency are left out.
 * @throws UserError for invalid histories, fewer than 10 customers, or nobody with a repeat purchase.
 */
export function fitBgNbd(histories: CustomerHistories, options: FitOptions = {}): BgNbdFit {
  return fitBgNbdData(prepareBgNbdData(histories), options);
}

/**
 * Fit on prepared data. The optimiser works on θ = ln(r, α/s, a, b) from θ = 0, with s the mean T: in units
 * of the typical observation time every parameter starts at 1, so the start is neutral whatever the time unit.
 */
export function fitBgNbdData(data: BgNbdData, options: FitOptions = {}): BgNbdFit {
  let totalT = 0;
  const { T, weight } = data; // locals: the loop checks no object's hidden class
  for (let g = 0; g < T.length; g++) totalT += weight[g] * T[g];
  const timeScale = totalT > 0 ? totalT / data.customers : 1;
  const scale = (values: Float64Array) => values.map((v) => v / timeScale);
  const scaled: BgNbdData = { ...data, tx: scale(data.tx), T: scale(data.T), txValues: scale(data.txValues), tValues: scale(data.tValues) };

  const natural = new Float64Array(4);
  const toParams = (theta: ArrayLike<number>): BgNbdParams => ({
    r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]),
  });
  const result = minimizeBfgs(
    (theta, gradient) => {
      const p = toParams(theta);
      const ll = bgNbdLogLikelihood(p, scaled, natural);
      // Mean negative log-likelihood; chain rule ∂/∂ln θ = θ ∂/∂θ.
      gradient[0] = (-natural[0] * p.r) / data.customers;
      gradient[1] = (-natural[1] * p.alpha) / data.customers;
      gradient[2] = (-natural[2] * p.a) / data.customers;
      gradient[3] = (-natural[3] * p.b) / data.customers;
      return -ll / data.customers;
    },
    [0, 0, 0, 0],
    { maxIterations: options.maxIterations ?? 500, gradientTolerance: 1e-9, maxAbsX: MAX_ABS_LOG_PARAM },
  );
  const fitted = toParams(result.x);
  const params: BgNbdParams = { ...fitted, alpha: fitted.alpha * timeScale };
  const { converged, atBoundary, message } = assessFit('BG/NBD', result, PARAM_NAMES);
  return {
    params,
    logLikelihood: bgNbdLogLikelihood(params, data),
    customers: data.customers,
    iterations: result.iterations,
    converged,
    atBoundary,
    message,
  };
}

/** P(alive | x, t_x, T) = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function bgNbdProbabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected repeat purchases in the next t time units of a customer with history (x, t_x, T) (FHL 2005 eq. 10):
 *
 *   E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t/(α+T+t).
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  return expectedWhileAlive(params, t, x, T) * bgNbdProbabilityAlive(params, x, tx, T);
}

/**
 * Expected purchases in the next t time units of a customer with history (x, T) had they certainly not left
 * (P(alive) = 1): E[Y(t) | x, t_x, T] without its P(alive) factor, which is all that depends on t_x.
 */
export function bgNbdExpectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  return expectedWhileAlive(params, t, x, T);
}

/** Unconditional E[X(t)]: expected repeat purchases in the first t time units of a new customer. */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  if (t === 0) return 0;
  return expectedWhileAlive(params, t, 0, 0);
}

/** a = 1 makes (a+b+x−1)/(a−1) · [1 − (1−z)^(a−1) …] a 0/0; within this of 1 the limit is taken numerically. */
const A_NEAR_ONE = 1e-7;

/**
 * (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]. The ₂F₁ series grows like (1−z)^−(r+x) before
 * the prefactor brings it back, which overflows for heavy buyers (large x). Euler's transformation gives the
 * same product as (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), which grows like (1−z)^−(a−1) instead; each form
 * is used where its growth parameter is the smaller one, so only a and x both in the hundreds could overflow.
 */
function expectedWhileAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    const h = 1e-5; // symmetric mean: error O(h²) ≈ 1e-10 relative
    return (expectedWhileAlive({ ...params, a: 1 + h }, t, x, T) + expectedWhileAlive({ ...params, a: 1 - h }, t, x, T)) / 2;
  }
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  const c = a + b + x - 1;
  const scaledHypergeometric =
    a - 1 <= r + x
      ? Math.exp((a - 1) * lnOneMinusZ) * hyp2f1(a + b - 1 - r, a - 1, c, z)
      : Math.exp((r + x) * lnOneMinusZ) * hyp2f1(r + x, b + x, c, z);
  return (c / (a - 1)) * (1 - scaledHypergeometric);
}
