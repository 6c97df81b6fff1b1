// Seeded random numbers for simulation tests: reproducible across runs and machines.

import { mulberry32 } from '../../../tools/seededRandom';

/** Uniform in [0, 1), seeded (Mulberry32). */
export const seededUniform = mulberry32;

export function standardNormal(uniform: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
export function gammaVariate(shape: number, uniform: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, uniform) * Math.pow(1 - uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function betaVariate(a: number, b: number, uniform: () => number): number {
  const x = gammaVariate(a, uniform);
  return x / (x + gammaVariate(b, uniform));
}

export function exponentialVariate(rate: number, uniform: () => number): number {
  return -Math.log(1 - uniform()) / rate;
}

/** Inverse of a small symmetric positive-definite matrix (row-major) by Gauss–Jordan elimination. */
export function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const m = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col];
    for (let j = 0; j < 2 * n; j++) m[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[col][j];
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * Standard errors of log-parameters from the observed information: the Hessian of −LL in θ = ln(params),
 * by central differences of an analytic gradient `gradTheta(θ)` (∂LL/∂θ).
 */
export function logParamStandardErrors(gradTheta: (theta: number[]) => number[], theta: number[]): number[] {
  const n = theta.length;
  const h = 1e-5;
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += h;
    down[j] -= h;
    const gu = gradTheta(up);
    const gd = gradTheta(down);
    for (let i = 0; i < n; i++) hessian[i][j] = -(gu[i] - gd[i]) / (2 * h);
  }
  const symmetric = hessian.map((row, i) => row.map((v, j) => (v + hessian[j][i]) / 2));
  const covariance = invert(symmetric);
  return covariance.map((row, i) => Math.sqrt(row[i]));
}
