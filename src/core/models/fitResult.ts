// What every model fit reports besides its parameters, and how an optimiser outcome becomes that report.
import type { MinimizeResult } from './bfgs';
import { msg } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { allOf, integer } from '../../i18n/messages';

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
  message: AnyMessage;
}

/**
 * Log-parameters (in the data's own scale) beyond ±ln 10⁶ mean the likelihood is still rising towards a
 * limiting case of the model (e.g. a, b → ∞ in BG/NBD: everyone has the same drop-out probability), where
 * the gradient is numerically flat. Such a fit is reported as not converged rather than as an estimate.
 */
export const BOUNDARY_LOG_PARAM = Math.log(1e6);

/** Convergence flag and user-facing sentence for a fit on log-parameters named `names`; `model` is its name. */
export function assessFit(
  model: string,
  result: MinimizeResult,
  names: readonly string[],
): { converged: boolean; atBoundary: boolean; message: AnyMessage } {
  const runaway = names.flatMap((name, i) =>
    Math.abs(result.x[i]) > BOUNDARY_LOG_PARAM ? [msg(result.x[i] > 0 ? 'model.fit.toInfinity' : 'model.fit.toZero', { name })] : [],
  );
  if (runaway.length > 0) {
    return { converged: false, atBoundary: true, message: msg('model.fit.boundary', { model, params: allOf(runaway) }) };
  }
  if (!result.converged) {
    return { converged: false, atBoundary: false, message: msg('model.fit.notConverged', { model, reason: result.message }) };
  }
  return { converged: true, atBoundary: false, message: msg('model.fit.converged', { model, count: integer(result.iterations) }) };
}
