// What every model fit reports besides its parameters.
import type { MinimizeResult } from './bfgs';

export interface FitDiagnostics {
  /** Log-likelihood at the returned parameters, in the units of the data. */
  logLikelihood: number;
  /** Customers the model was fitted on. */
  customers: number;
  iterations: number;
  /** False when the optimiser stopped before reaching a maximum; the parameters are then not an estimate. */
  converged: boolean;
  /** One sentence on how the fit ended, written for the user when it did not converge. */
  message: string;
}

/** Turns the optimiser's outcome into the user-facing sentence. */
export function describeFit(model: string, result: MinimizeResult): string {
  if (result.converged) return `${model}: converged after ${result.iterations} iterations`;
  return `${model}: the fit did not converge (${result.message}); its parameters and predictions are unreliable`;
}
