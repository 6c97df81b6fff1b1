// How long a customer who is still active now stays active, under BG/NBD: the survival curve behind "expected
// active months", which a cost per customer per month is charged over.
//
// Given alive now with history (x, T), the posterior of the purchase rate is λ ~ Gamma(r+x, α+T) and of the
// drop-out probability p ~ Beta(a, b+x), independent (the likelihood of x purchases without dropping out over T
// factorises: λ^x e^(−λT) · (1−p)^x). A customer drops out at each purchase with probability p, so drop-outs
// are a Poisson process of rate λp and P(still active at t | λ, p) = e^(−λpt). Averaging over λ gives
// ((α+T)/(α+T+pt))^(r+x), and over p (Euler's integral):
//
//   S(t) = P(active at t | alive now, x, T) = ₂F₁(r+x, a; a+b+x; −t/(α+T)).
import type { BgNbdParams } from './bgnbdLikelihood';
import { hyp2f1 } from './special';

/** S(t) above: the probability that a customer who is active now is still active t time units later. */
export function bgNbdSurvivalIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 1;
  const { r, alpha, a, b } = params;
  return hyp2f1(r + x, a, a + b + x, -t / (alpha + T));
}

// 4-point Gauss–Legendre on [0, 1]: exact for polynomials of degree 7; S is smooth and monotone within a month.
const GL_NODES = [0.0694318442029737, 0.3300094782075719, 0.6699905217924281, 0.9305681557970263];
const GL_WEIGHTS = [0.1739274225687269, 0.3260725774312731, 0.3260725774312731, 0.1739274225687269];

/**
 * Σ_{i=1..H} (1+d)^−i · ∫ over month i of S(t) dt, in months: the discounted expected number of months a customer
 * who is active now stays active within the horizon (each month's share of activity discounted like that
 * month's purchases). `month` is one month in the model's time unit.
 */
export function discountedActiveMonthsIfAlive(
  params: BgNbdParams,
  x: number,
  T: number,
  horizonMonths: number,
  monthlyDiscountRate: number,
  month: number,
): number {
  const factor = 1 / (1 + monthlyDiscountRate);
  let discount = 1;
  let total = 0;
  for (let i = 1; i <= horizonMonths; i++) {
    let active = 0;
    for (let k = 0; k < GL_NODES.length; k++) active += GL_WEIGHTS[k] * bgNbdSurvivalIfAlive(params, (i - 1 + GL_NODES[k]) * month, x, T);
    discount *= factor;
    total += active * discount;
  }
  return total;
}
