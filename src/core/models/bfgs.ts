// Unconstrained minimisation by BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical
// Optimization, 2nd ed., algorithms 6.1, 3.5 and 3.6). Small dense problems only (the models have 3–4 parameters).
import { msg } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { integer } from '../../i18n/messages';
import { polishNewton } from './newtonPolish';

/** Returns f(x) and writes ∇f(x) into `gradient`. A non-finite value means "outside the domain". */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** Converged when every |∂f/∂xᵢ| is at most this. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** No single step moves any coordinate by more than this (keeps the first steps from overshooting into overflow). */
  maxStep?: number;
  /** Stop, not converged, once any |xᵢ| exceeds this: the optimum lies at infinity. */
  maxAbsX?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why the iteration stopped, in words (a message of the catalogue). */
  message: AnyMessage;
}

const C1 = 1e-4; // sufficient decrease
const C2 = 0.9; // curvature (the usual choice for quasi-Newton methods)
/** Relative change of f below which evaluations cannot tell points apart (sums of thousands of rounded terms). */
const RESOLVABLE_DECREASE = 1e-13;
/** …provided the gradient is at least this small, so a poor Hessian approximation far from the optimum does not stop early. */
const LOOSE_GRADIENT = 1e-5;

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

interface LinePoint {
  step: number;
  value: number;
  slope: number; // directional derivative along the search direction
  x: Float64Array;
  gradient: Float64Array;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), kept inside the interval's middle part. */
function interpolate(lo: LinePoint, hi: LinePoint): number {
  const a = lo.step;
  const b = hi.step;
  const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (a - b);
  const disc = d1 * d1 - lo.slope * hi.slope;
  let t = (a + b) / 2;
  if (disc >= 0 && Number.isFinite(hi.value)) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    const c = b - (b - a) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
    if (Number.isFinite(c)) t = c;
  }
  const lower = Math.min(a, b);
  const width = Math.abs(b - a);
  return Math.min(Math.max(t, lower + 0.1 * width), lower + 0.9 * width);
}

/**
 * Minimises f from x0. Convergence means a gradient below `gradientTolerance`, or a predicted decrease below
 * f's rounding (relative 1e-13) with a gradient below 1e-5: the best the value can resolve; a converged point
 * is then polished by Newton steps on the gradient (newtonPolish.ts), which resolves further.
 */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const result = iterateBfgs(f, x0, options);
  if (!result.converged) return result;
  const polished = polishNewton(f, result);
  const gtol = options.gradientTolerance ?? 1e-9;
  const reached = maxAbs(polished.gradient) <= gtol && maxAbs(result.gradient) > gtol;
  return {
    ...result, x: polished.x, value: polished.value, gradient: polished.gradient, evaluations: result.evaluations + polished.evaluations,
    message: reached ? msg('model.stop.tolerance') : result.message,
  };
}

function iterateBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const maxAbsX = options.maxAbsX ?? Infinity;
  const n = x0.length;
  let evaluations = 0;

  const evaluate = (x: Float64Array, direction: Float64Array, step: number): LinePoint => {
    const gradient = new Float64Array(n);
    let value = f(x, gradient);
    evaluations++;
    let slope = dot(gradient, direction);
    if (!Number.isFinite(value) || !Number.isFinite(slope)) {
      value = Infinity;
      slope = NaN;
    }
    return { step, value, slope, x, gradient };
  };

  let x: Float64Array = Float64Array.from(x0);
  let gradient: Float64Array = new Float64Array(n);
  let value = f(x, gradient);
  evaluations++;
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return { x, value, gradient, iterations: 0, evaluations, converged: false, message: msg('model.stop.notFinite') };
  }

  // Inverse Hessian approximation, row-major; starts as the identity and is rescaled after the first step.
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  const direction = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) <= gtol) {
      return { x, value, gradient, iterations: iteration, evaluations, converged: true, message: msg('model.stop.tolerance') };
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= h[i * n + j] * gradient[j];
      direction[i] = s;
    }
    let slope0 = dot(gradient, direction);
    if (!(slope0 < 0)) {
      // Lost descent (rounding in H): restart from steepest descent.
      h.fill(0);
      for (let i = 0; i < n; i++) {
        h[i * n + i] = 1;
        direction[i] = -gradient[i];
      }
      slope0 = dot(gradient, direction);
    }
    // Quasi-Newton predicted decrease ≈ −slope/2. Once it is below what f's rounding can resolve, no line
    // search can make progress: the point is optimal to floating-point precision.
    if (-slope0 <= RESOLVABLE_DECREASE * Math.max(1, Math.abs(value)) && maxAbs(gradient) <= LOOSE_GRADIENT) {
      return {
        x, value, gradient, iterations: iteration, evaluations, converged: true,
        message: msg('model.stop.resolution', { gradient: maxAbs(gradient).toExponential(1) }),
      };
    }
    const longest = maxAbs(direction);
    if (longest > maxStep) {
      for (let i = 0; i < n; i++) direction[i] *= maxStep / longest;
      slope0 = dot(gradient, direction);
    }

    const start: LinePoint = { step: 0, value, slope: slope0, x, gradient };
    const accepted = lineSearch(start, (step) => {
      const trial = new Float64Array(n);
      for (let i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
      return evaluate(trial, direction, step);
    });
    if (!accepted) {
      // With the gradient this small, no lower value is one f's rounding can tell apart from this one (a sum
      // over tens of thousands of customers resolves less than RESOLVABLE_DECREASE): optimal to floating point.
      const g = maxAbs(gradient);
      if (g <= LOOSE_GRADIENT) {
        return {
          x, value, gradient, iterations: iteration, evaluations, converged: true,
          message: msg('model.stop.resolutionFlat', { gradient: g.toExponential(1) }),
        };
      }
      return {
        x, value, gradient, iterations: iteration, evaluations, converged: false,
        message: msg('model.stop.lineSearch', { gradient: g.toExponential(1) }),
      };
    }

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = accepted.x[i] - x[i];
      y[i] = accepted.gradient[i] - gradient[i];
    }
    x = accepted.x;
    value = accepted.value;
    gradient = accepted.gradient;
    if (maxAbs(x) > maxAbsX) {
      return {
        x, value, gradient, iterations: iteration + 1, evaluations, converged: false,
        message: msg('model.stop.runaway'),
      };
    }

    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (iteration === 0) {
        // Nocedal & Wright (6.20): scale the initial inverse Hessian to the observed curvature.
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) h[i * n + i] = scale;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s)
      const rho = 1 / sy;
      const hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += h[i * n + j] * y[j];
        hy[i] = t;
      }
      const yhy = dot(y, hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          h[i * n + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
      }
    }
  }
  const g = maxAbs(gradient);
  return {
    x, value, gradient, iterations: maxIterations, evaluations, converged: g <= gtol,
    message: msg('model.stop.iterations', { count: integer(maxIterations), gradient: g.toExponential(1) }),
  };
}

/** Strong-Wolfe line search; returns the accepted point, or null when no acceptable step exists in floating point. */
function lineSearch(start: LinePoint, at: (step: number) => LinePoint): LinePoint | null {
  const maxTrials = 60;
  let previous = start;
  let step = 1;
  for (let trial = 0; trial < maxTrials; trial++) {
    const point = at(step);
    if (!Number.isFinite(point.value)) {
      // Outside the domain (overflow): shrink towards the last good point.
      step = previous.step + (step - previous.step) * 0.25;
      if (step - previous.step < 1e-16) return null;
      continue;
    }
    if (point.value > start.value + C1 * step * start.slope || (trial > 0 && point.value >= previous.value)) {
      return zoom(start, previous, point, at);
    }
    if (Math.abs(point.slope) <= -C2 * start.slope) return point;
    if (point.slope >= 0) return zoom(start, point, previous, at);
    previous = point;
    step *= 2;
  }
  return null;
}

/** Near the optimum, zoom trials that find nothing lower than the start after this many are rounding noise. */
const FLAT_TRIALS = 12;

function zoom(start: LinePoint, lo: LinePoint, hi: LinePoint, at: (step: number) => LinePoint): LinePoint | null {
  const nearOptimum = maxAbs(start.gradient) <= LOOSE_GRADIENT;
  for (let trial = 0; trial < 60; trial++) {
    if (Math.abs(hi.step - lo.step) < 1e-16 * Math.max(1, Math.abs(lo.step))) break;
    if (nearOptimum && trial >= FLAT_TRIALS && lo === start) break;
    const step = interpolate(lo, hi);
    const point = at(step);
    if (!Number.isFinite(point.value) || point.value > start.value + C1 * step * start.slope || point.value >= lo.value) {
      hi = point;
    } else {
      if (Math.abs(point.slope) <= -C2 * start.slope) return point;
      if (point.slope * (hi.step - lo.step) >= 0) hi = lo;
      lo = point;
    }
  }
  // The interval collapsed: accept the best point found if it lowered f at all.
  return lo.step > 0 && lo.value < start.value ? lo : null;
}
