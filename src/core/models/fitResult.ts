// What every model fit reports besides its parameters, and how an optimiser outcome becomes that report.
import type { MinimizeResult } from './bfgs';

export interface FitDiagnostics {
  /** Log-likelihood at the returned parameters, in the units of the data. */
  logLikelihood: number;
  /** Customers the model was fitted on. */
  customers: number;
  iterations: number;
  /** False when the optimiser stopped before reaching a finite maximum; the parameters are then not estimates. */
  converged: boolean;
  /** True when the likelihood keeps rising towards a limiting case of the model (a parameter → 0 or ∞). */
  atBoundary: boolean;
  /** One sentence on how the fit ended, written for the user when it did not converge. */
  message: string;
}

/**
 * Log-parameters (in the data's own scale) beyond ±ln 10⁶ mean the likelihood is still rising towards a
 * limiting case of the model (e.g. a, b → ∞ in BG/NBD: everyone has the same drop-out probability), where
 * the gradient is numerically flat. Such a fit is reported as not converged rather than as an estimate.
 */
export const BOUNDARY_LOG_PARAM = Math.log(1e6);

/** Convergence flag and user-facing sentence for a fit on log-parameters named `names`. */
export function assessFit(
  model: string,
  result: MinimizeResult,
  names: readonly string[],
): { converged: boolean; atBoundary: boolean; message: string } {
  const runaway = names.flatMap((name, i) =>
    Math.abs(result.x[i]) > BOUNDARY_LOG_PARAM ? [`${name} → ${result.x[i] > 0 ? 'infinity' : '0'}`] : [],
  );
  if (runaway.length > 0) {
    return {
      converged: false,
      atBoundary: true,
      message:
        `${model}: no finite best fit; the likelihood keeps rising as ${runaway.join(' and ')}. The data look like a ` +
        'limiting case of the model, so the parameters are not estimates and predictions are approximate',
    };
  }
  if (!result.converged) {
    return { converged: false, atBoundary: false, message: `${model}: the fit did not converge (${result.message}); its parameters and predictions are unreliable` };
  }
  return { converged: true, atBoundary: false, message: `${model}: converged after ${result.iterations} iterations` };
}
