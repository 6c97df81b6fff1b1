// When the models cannot be trusted, said in plain words: a fit at a boundary or not converged, too few repeat
// buyers to estimate from, a spend model without a finite mean, and spend correlated with purchase frequency
// (which the Gamma-Gamma model assumes away). The sidebar's result line, the top of the "Customer value" sheet
// and =CLV's "model" output all show these.
import type { BgNbdFit } from './bgnbd';
import type { GammaGammaFit } from './gammagamma';
import type { RfmSummary } from './rfm';
import { msg } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { decimal, integer } from '../../i18n/messages';

export type ModelWarningKind =
  | 'purchaseModelAtBoundary'
  | 'purchaseModelNotConverged'
  | 'spendModelAtBoundary'
  | 'spendModelNotConverged'
  | 'spendModelNoMean'
  | 'fewRepeatBuyers'
  | 'fewSpendCustomers'
  | 'spendFrequencyCorrelation';

export interface ModelWarning {
  kind: ModelWarningKind;
  /** One sentence for the analyst: what is wrong and what it means for the numbers. */
  message: AnyMessage;
}

/**
 * Fewer repeat buyers than this and the estimates of how often customers buy and when they stop (BG/NBD) or of
 * how much they spend (Gamma-Gamma) rest on too few customers: with n of them a parameter's standard error is
 * of the order of 1/√n of its value and more (the parameter-recovery tests need thousands for 5–15 %), so
 * below 100 the predictions are rough.
 */
export const MIN_REPEAT_BUYERS = 100;
/** Above this |ρ| between repeat-purchase count and average spend the Gamma-Gamma assumption is broken. */
export const CORRELATION_WARNING = 0.3;

interface WarningValues {
  repeat: number;
  customers: number;
  spend: number;
  rho: number;
}

const MESSAGES: Record<ModelWarningKind, (v: WarningValues) => AnyMessage> = {
  purchaseModelAtBoundary: () => msg('model.warn.purchaseAtBoundary'),
  purchaseModelNotConverged: () => msg('model.warn.purchaseNotConverged'),
  spendModelAtBoundary: () => msg('model.warn.spendAtBoundary'),
  spendModelNotConverged: () => msg('model.warn.spendNotConverged'),
  spendModelNoMean: () => msg('model.warn.spendNoMean'),
  fewRepeatBuyers: ({ repeat, customers }) => msg('model.warn.fewRepeatBuyers', { count: integer(repeat), customers: integer(customers), min: integer(MIN_REPEAT_BUYERS) }),
  fewSpendCustomers: ({ spend }) => msg('model.warn.fewSpendCustomers', { spend: integer(spend), min: integer(MIN_REPEAT_BUYERS) }),
  spendFrequencyCorrelation: ({ rho }) => msg('model.warn.correlation', { rho: decimal(rho, 2, 2) }),
};

/** Every reason the fitted models should not be taken at face value, most serious first; [] when none. */
export function modelWarnings(rfm: RfmSummary, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit, spendFrequencyCorrelation: number): ModelWarning[] {
  let repeat = 0;
  const { customerCount, frequency } = rfm; // locals: the loop checks no object's hidden class
  for (let i = 0; i < customerCount; i++) if (frequency[i] > 0) repeat++;
  return modelWarningsOf(repeat, rfm.activeCustomers, bgNbd, gammaGamma, spendFrequencyCorrelation);
}

/** modelWarnings from the counts (the SQL engine has grouped histories, not one row per customer). */
export function modelWarningsOf(repeat: number, customers: number, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit, spendFrequencyCorrelation: number): ModelWarning[] {
  const kinds: ModelWarningKind[] = [];
  if (!bgNbd.converged) kinds.push(bgNbd.atBoundary ? 'purchaseModelAtBoundary' : 'purchaseModelNotConverged');
  if (!gammaGamma.converged) kinds.push(gammaGamma.atBoundary ? 'spendModelAtBoundary' : 'spendModelNotConverged');
  else if (gammaGamma.params.q <= 1) kinds.push('spendModelNoMean');
  if (repeat < MIN_REPEAT_BUYERS) kinds.push('fewRepeatBuyers');
  else if (gammaGamma.customers < MIN_REPEAT_BUYERS) kinds.push('fewSpendCustomers');
  if (Math.abs(spendFrequencyCorrelation) > CORRELATION_WARNING) kinds.push('spendFrequencyCorrelation');
  const values = { repeat, customers, spend: gammaGamma.customers, rho: spendFrequencyCorrelation };
  return kinds.map((kind) => ({ kind, message: MESSAGES[kind](values) }));
}
