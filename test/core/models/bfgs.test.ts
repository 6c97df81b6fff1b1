import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from '../../../src/core/models/bfgs';
import { render } from '../../../src/i18n';

// f(x) = Σ cᵢ (xᵢ − tᵢ)², minimum 0 at t; its gradient written out by hand.
const c = [1, 10, 100];
const t = [1, -2, 0.5];
function quadratic(x: Float64Array, g: Float64Array): number {
  let f = 0;
  for (let i = 0; i < 3; i++) {
    f += c[i] * (x[i] - t[i]) ** 2;
    g[i] = 2 * c[i] * (x[i] - t[i]);
  }
  return f;
}

describe('BFGS at the limits of floating point', () => {
  it('finds the minimum of a quadratic', () => {
    const r = minimizeBfgs(quadratic, [0, 0, 0]);
    expect(r.converged).toBe(true);
    for (let i = 0; i < 3; i++) expect(r.x[i]).toBeCloseTo(t[i], 6);
  });

  it('near the optimum, an objective whose rounding hides any further decrease has converged, without 100 wasted evaluations', () => {
    // As a likelihood summed over tens of thousands of customers: values carry noise of 1e-9 relative to 1.
    const noisy = (x: Float64Array, g: Float64Array) => {
      const f = quadratic(x, g);
      const hash = Math.sin(x[0] * 12_345.678 + x[1] * 98_765.4321 + x[2] * 4_567.89) * 43_758.5453;
      return 1 + f + 1e-9 * (hash - Math.floor(hash));
    };
    const r = minimizeBfgs(noisy, [0, 0, 0]);
    expect(r.converged).toBe(true);
    expect(render(r.message, 'en')).toMatch(/floating-point resolution/);
    for (let i = 0; i < 3; i++) expect(Math.abs(r.x[i] - t[i])).toBeLessThan(1e-3);
    expect(r.evaluations).toBeLessThan(60);
  });

  it('a line search that fails far from an optimum is no convergence', () => {
    // The gradient is reported with the wrong sign: every step the optimiser trusts goes uphill.
    const wrong = (x: Float64Array, g: Float64Array) => {
      const f = quadratic(x, g);
      for (let i = 0; i < 3; i++) g[i] = -g[i];
      return f;
    };
    const r = minimizeBfgs(wrong, [0, 0, 0]);
    expect(r.converged).toBe(false);
    expect(render(r.message, 'en')).toMatch(/line search failed/);
  });
});
