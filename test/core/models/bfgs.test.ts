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
    // BFGS stops where the value no longer resolves a decrease; the exact gradient then takes Newton's
    // polish to the optimum itself.
    for (let i = 0; i < 3; i++) expect(Math.abs(r.x[i] - t[i])).toBeLessThan(1e-9);
    expect(r.evaluations).toBeLessThan(80);
  });

  it('on a long flat ridge it stops at the optimum, not where the value stopped resolving decreases', () => {
    // f = 1e6 + (x − y)² + 1e-6 (x + y − 2)²: minimum at (1, 1); along x = y the value changes by less than
    // its own rounding (1e6 × 1e-13 = 1e-7) a long way off, as Gamma-Gamma's p and v do. BFGS alone calls
    // (0, 0) and (0.25, 0.25) converged "to floating-point resolution", gradient 4e-6 and 3e-6.
    const ridge = (x: Float64Array, g: Float64Array) => {
      const d = x[0] - x[1];
      const s = x[0] + x[1] - 2;
      g[0] = 2 * d + 2e-6 * s;
      g[1] = -2 * d + 2e-6 * s;
      return 1e6 + d * d + 1e-6 * s * s;
    };
    for (const start of [[0, 0], [3, -1], [-2, 2.5]]) {
      const r = minimizeBfgs(ridge, start);
      expect(r.converged, String(start)).toBe(true);
      expect(Math.abs(r.x[0] - 1), `x from ${start}`).toBeLessThan(1e-6);
      expect(Math.abs(r.x[1] - 1), `y from ${start}`).toBeLessThan(1e-6);
    }
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
