import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors';
import {
  type BgNbdParams,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from '../../../src/core/models/bgnbd';
import { bgNbdLogLikelihood, prepareBgNbdData } from '../../../src/core/models/bgnbdLikelihood';
import { readCdnowSummary } from './cdnowData';
import { betaVariate, exponentialVariate, gammaVariate, logParamStandardErrors, seededUniform } from './random';
import { render } from '../../../src/i18n';

const cdnow = readCdnowSummary();
const cdnowHistories = {
  frequency: cdnow.map((c) => c.x),
  recency: cdnow.map((c) => c.tx),
  age: cdnow.map((c) => c.T),
};

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(cdnowHistories);

  it('reproduces the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426 and LL = −9582.4', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
  });

  it('predicts 1.226 purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
    expect(bgNbdConditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('is at a maximum: the log-likelihood drops when any parameter moves 1% either way', () => {
    const base = bgNbdLogLikelihood(fit.params, prepareBgNbdData(cdnowHistories));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) {
        const moved = { ...fit.params, [key]: fit.params[key] * factor };
        expect(bgNbdLogLikelihood(moved, prepareBgNbdData(cdnowHistories))).toBeLessThan(base);
      }
    }
  });

  it('reports non-convergence with a flag and a message when stopped early', () => {
    const early = fitBgNbd(cdnowHistories, { maxIterations: 2 });
    expect(early.converged).toBe(false);
    expect(render(early.message, 'en')).toMatch(/did not converge/);
  });
});

describe('BG/NBD log-likelihood gradient', () => {
  it('matches central finite differences at random parameter points', () => {
    const data = prepareBgNbdData(cdnowHistories);
    const uniform = seededUniform(7);
    const gradient = new Float64Array(4);
    for (let trial = 0; trial < 20; trial++) {
      // log-uniform over two decades around 1
      const point: BgNbdParams = {
        r: Math.exp(4 * uniform() - 2),
        alpha: Math.exp(4 * uniform() - 2),
        a: Math.exp(4 * uniform() - 2),
        b: Math.exp(4 * uniform() - 2),
      };
      bgNbdLogLikelihood(point, data, gradient);
      (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
        const h = 1e-6 * point[key];
        const up = bgNbdLogLikelihood({ ...point, [key]: point[key] + h }, data);
        const down = bgNbdLogLikelihood({ ...point, [key]: point[key] - h }, data);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      });
    }
  });
});

/** Simulates the BG/NBD story for customers acquired at time 0 and observed until T. */
function simulateBgNbd(params: BgNbdParams, customers: number, T: number, seed: number) {
  const uniform = seededUniform(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  for (let c = 0; c < customers; c++) {
    const lambda = gammaVariate(params.r, uniform) / params.alpha;
    const p = betaVariate(params.a, params.b, uniform);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += exponentialVariate(lambda, uniform);
      if (t > T) break;
      x++;
      tx = t;
      if (uniform() < p) break; // drops out after this repeat purchase
    }
    frequency.push(x);
    recency.push(tx);
    age.push(T);
  }
  return { frequency, recency, age };
}

describe('BG/NBD parameter recovery from simulated customers', () => {
  const truth: BgNbdParams = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
  const simulated = simulateBgNbd(truth, 8000, 52, 20260101);
  const fit = fitBgNbd(simulated);

  it('recovers r = 0.5, α = 5, a = 0.8, b = 2.5 within 4 standard errors (8,000 customers, T = 52 weeks)', () => {
    expect(fit.converged).toBe(true);
    // Standard errors of ln θ from the observed information at the estimate. Under asymptotic normality a
    // deviation beyond 4 SE has probability 6e-5 per parameter, so a failure means a biased fit, not bad luck.
    const data = prepareBgNbdData(simulated);
    const gradient = new Float64Array(4);
    const gradTheta = (theta: number[]) => {
      const p = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
      bgNbdLogLikelihood(p, data, gradient);
      return [gradient[0] * p.r, gradient[1] * p.alpha, gradient[2] * p.a, gradient[3] * p.b];
    };
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    const estimate = keys.map((k) => Math.log(fit.params[k]));
    const se = logParamStandardErrors(gradTheta, estimate);
    keys.forEach((key, i) => {
      // The sample is informative: no parameter is known worse than ±25% (else the 4-SE check would be toothless).
      expect(se[i]).toBeLessThan(0.25);
      expect(Math.abs(estimate[i] - Math.log(truth[key]))).toBeLessThan(4 * se[i]);
    });
  });

  it('predicts the simulated customers\' average repeat purchases E[X(T)]', () => {
    const mean = simulated.frequency.reduce((s, x) => s + x, 0) / simulated.frequency.length;
    // Sampling sd of the mean of x is ≈ sd(x)/√n ≈ 3/√8000 ≈ 0.034; allow 0.1.
    expect(Math.abs(bgNbdExpectedPurchases(fit.params, 52) - mean)).toBeLessThan(0.1);
  });
});

describe('BG/NBD predictions', () => {
  const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('P(alive) is 1 without repeat purchases and falls as the last purchase recedes', () => {
    expect(bgNbdProbabilityAlive(params, 0, 0, 38.86)).toBe(1);
    const recent = bgNbdProbabilityAlive(params, 2, 38, 38.86);
    const old = bgNbdProbabilityAlive(params, 2, 5, 38.86);
    expect(recent).toBeGreaterThan(old);
    // the FHL closed form by hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
    const byHand = 1 / (1 + (0.793 / (2.426 + 1)) * ((4.414 + 38.86) / (4.414 + 5)) ** (0.243 + 2));
    expect(old).toBeCloseTo(byHand, 14);
  });

  it('a new customer\'s conditional expectation is the unconditional E[X(t)]', () => {
    for (const t of [1, 10, 39, 200]) {
      expect(bgNbdConditionalExpectedPurchases(params, t, 0, 0, 0)).toBeCloseTo(bgNbdExpectedPurchases(params, t), 12);
    }
  });

  it('E[X(t)] matches the FHL form (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] computed directly', async () => {
    const { hyp2f1 } = await import('../../../src/core/models/special');
    const { r, alpha, a, b } = params;
    for (const t of [5, 39, 78]) {
      const direct = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      expect(bgNbdExpectedPurchases(params, t)).toBeCloseTo(direct, 10);
    }
  });

  it('matches the textbook formula with ₂F₁(r+x, b+x; a+b+x−1; z) on both sides of the switch between its two forms', async () => {
    const { hyp2f1 } = await import('../../../src/core/models/special');
    for (const a of [0.5, 2.5, 40]) {
      const p = { r: 0.5, alpha: 6, a, b: 3 };
      for (const x of [0, 1, 3, 20]) {
        for (const t of [5, 39, 300]) {
          const [tx, T] = [x === 0 ? 0 : 20, 38];
          const z = t / (p.alpha + T + t);
          const bracket = 1 - ((p.alpha + T) / (p.alpha + T + t)) ** (p.r + x) * hyp2f1(p.r + x, p.b + x, a + p.b + x - 1, z);
          const textbook = ((a + p.b + x - 1) / (a - 1)) * bracket * bgNbdProbabilityAlive(p, x, tx, T);
          const ours = bgNbdConditionalExpectedPurchases(p, t, x, tx, T);
          expect(Math.abs(ours - textbook) / textbook).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('tends to the fixed-drop-out limit (1/p)(1 − ((α+T)/(α+T+pt))^(r+x)) for very large a and b', () => {
    // a, b → ∞ with a/(a+b) = p: every customer drops out with the same probability p after each purchase.
    const [a, b] = [4e5, 2e6];
    const p = a / (a + b);
    const params = { r: 0.8, alpha: 6, a, b };
    for (const [t, x, tx, T] of [[39, 2, 30, 38], [200, 10, 20, 38], [2000, 0, 0, 10]]) {
      const whileAlive = bgNbdConditionalExpectedPurchases(params, t, x, tx, T) / bgNbdProbabilityAlive(params, x, tx, T);
      const limit = (1 / p) * (1 - ((6 + T) / (6 + T + p * t)) ** (0.8 + x));
      expect(Math.abs(whileAlive - limit) / limit).toBeLessThan(1e-4);
    }
  });

  it('is continuous through a = 1, where the formula is 0/0', () => {
    const near = (a: number) => bgNbdConditionalExpectedPurchases({ ...params, a }, 39, 2, 30.43, 38.86);
    const at = near(1);
    expect(Number.isFinite(at)).toBe(true);
    expect(Math.abs(at - (near(1 + 1e-4) + near(1 - 1e-4)) / 2)).toBeLessThan(1e-7);
  });

  it('expected purchases grow with the horizon', () => {
    let previous = 0;
    for (const t of [1, 5, 20, 52, 520, 5200]) {
      const e = bgNbdConditionalExpectedPurchases(params, t, 3, 20, 38.86);
      expect(e).toBeGreaterThan(previous);
      previous = e;
    }
  });
});

describe('BG/NBD bad input', () => {
  it('refuses a data set where nobody bought twice', () => {
    const n = 50;
    const histories = { frequency: new Array(n).fill(0), recency: new Array(n).fill(0), age: new Array(n).fill(30) };
    expect(() => fitBgNbd(histories)).toThrow(UserError);
    expect(() => fitBgNbd(histories)).toThrow(/Nobody made a repeat purchase: all 50 customers bought on one day only/);
  });

  it('refuses fewer than 10 customers', () => {
    const histories = { frequency: [1, 2, 0, 3, 1, 0, 2, 1, 4], recency: [5, 9, 0, 20, 3, 0, 8, 2, 25], age: new Array(9).fill(30) };
    expect(() => fitBgNbd(histories)).toThrow(UserError);
    expect(() => fitBgNbd(histories)).toThrow(/at least 10 customers .* got 9/);
  });

  it('refuses impossible histories, naming the customer', () => {
    const histories = { frequency: [1, 2, 0, 3], recency: [5, 40, 0, 20], age: [30, 30, 30, 30] };
    expect(() => fitBgNbd(histories)).toThrow(/Customer 2: the time of the last purchase must lie between 0 and T = 30; got 40/);
    expect(() => fitBgNbd({ ...histories, frequency: [1, 2.5, 0, 3], recency: [5, 6, 0, 20] })).toThrow(/Customer 2: .*whole number/);
  });

  it('leaves out customers with NaN frequency (no purchase in the period)', () => {
    const withGaps = {
      frequency: [...cdnowHistories.frequency, NaN, NaN],
      recency: [...cdnowHistories.recency, NaN, NaN],
      age: [...cdnowHistories.age, NaN, NaN],
    };
    expect(prepareBgNbdData(withGaps).customers).toBe(2357);
  });
});
