// BFGS may stop on the floating-point criteria (the value can no longer resolve a decrease) with a gradient
// up to 1e-5. On a flat ridge — Gamma-Gamma's p and v grow together — that leaves the parameters wherever
// the rounding of that run stopped them: the same data summed in another order gave p 3.8e-6 apart. The
// gradient still resolves what the value cannot, so Newton steps on ∇f = 0, with the Hessian from forward
// differences of the analytic gradient (one evaluation per parameter), take the point to the optimum the data define.
import type { Objective } from './bfgs';

export interface PolishedPoint {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  evaluations: number;
}

const MAX_STEPS = 4;
/** Forward-difference step on the (log-)parameters: the Hessian's O(h) error only slows Newton's last digits. */
const H = 1e-6;
/** A largest gradient component this small is the optimum to what the sums resolve: no further step is tried. */
const RESOLVED = 1e-12;
/** A longer Newton step (on log-parameters: a factor e²) is not a polish: the quadratic model is not trusted that far. */
const MAX_NEWTON_STEP = 2;

function largest(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Solves A d = b for symmetric positive definite A (row-major n×n) by Cholesky; null when A is not. */
function solvePositiveDefinite(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const d = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * d[k];
    d[i] = s / l[i * n + i];
  }
  return d.every(Number.isFinite) ? d : null;
}

/**
 * From a point BFGS called converged, Newton steps while each lowers the largest gradient component; stops
 * at the first that does not (or when the Hessian is not positive definite: not a minimum's neighbourhood).
 */
export function polishNewton(f: Objective, start: { x: Float64Array; value: number; gradient: Float64Array }): PolishedPoint {
  const n = start.x.length;
  let { x, value, gradient } = start;
  let evaluations = 0;
  const gradientAt = (point: Float64Array) => {
    const g = new Float64Array(n);
    const v = f(point, g);
    evaluations++;
    return { v, g };
  };
  for (let step = 0; step < MAX_STEPS && largest(gradient) > RESOLVED; step++) {
    const hessian = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      const up = Float64Array.from(x);
      up[j] += H;
      const gu = gradientAt(up).g;
      for (let i = 0; i < n; i++) hessian[i * n + j] = (gu[i] - gradient[i]) / H;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) hessian[i * n + j] = hessian[j * n + i] = (hessian[i * n + j] + hessian[j * n + i]) / 2;
    }
    const minus = gradient.map((g) => -g);
    const d = solvePositiveDefinite(hessian, minus, n);
    if (!d || largest(d) > MAX_NEWTON_STEP) break;
    const trial = x.map((xi, i) => xi + d[i]);
    const { v, g } = gradientAt(trial);
    if (!Number.isFinite(v) || !g.every(Number.isFinite) || !(largest(g) < largest(gradient))) break;
    x = trial;
    value = v;
    gradient = g;
  }
  return { x, value, gradient, evaluations };
}
