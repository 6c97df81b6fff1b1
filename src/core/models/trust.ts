// When the models cannot be trusted, said in plain words: a fit at a boundary or not converged, too few repeat
// buyers to estimate from, a spend model without a finite mean, and spend correlated with purchase frequency
// (which the Gamma-Gamma model assumes away). The sidebar's result line, the top of the "Customer value" sheet
// and =CLV's "model" output all show these.
import type { BgNbdFit } from './bgnbd';
import type { GammaGammaFit } from './gammagamma';
import type { RfmSummary } from './rfm';

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
  message: string;
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

const count = (v: number) => v.toLocaleString('en-US');

// User-facing wording, together so that moving it into the message catalogue is mechanical.
const TEXT: Record<ModelWarningKind, (v: { repeat: number; customers: number; spend: number; rho: number }) => string> = {
  purchaseModelAtBoundary: () =>
    'The purchase model (BG/NBD) found no best fit: the data look like a limiting case of it (for example everyone buying at the same pace, or nobody dropping out), so P(alive), expected purchases and CLV are only approximate.',
  purchaseModelNotConverged: () =>
    'The purchase model (BG/NBD) did not converge, so P(alive), expected purchases and CLV are unreliable.',
  spendModelAtBoundary: () =>
    'The spend model (Gamma-Gamma) found no best fit: the data look like a limiting case of it (for example every customer spending alike), so expected values per purchase and CLV are only approximate.',
  spendModelNotConverged: () =>
    'The spend model (Gamma-Gamma) did not converge, so expected values per purchase and CLV are unreliable.',
  spendModelNoMean: () =>
    'The spend model (Gamma-Gamma) has no finite average (q ≤ 1): customers without a repeat purchase get no expected value and no CLV.',
  fewRepeatBuyers: ({ repeat, customers }) =>
    `Only ${count(repeat)} of ${count(customers)} customers bought more than once: how often customers buy and when they stop is estimated from few of them, so treat P(alive) and CLV as rough (${count(MIN_REPEAT_BUYERS)} or more repeat buyers are needed for a firm fit).`,
  fewSpendCustomers: ({ spend }) =>
    `Only ${count(spend)} customers have a repeat purchase with a positive amount: their spend is estimated from few of them, so treat expected values and CLV as rough (${count(MIN_REPEAT_BUYERS)} or more are needed for a firm fit).`,
  spendFrequencyCorrelation: ({ rho }) =>
    `Spend and purchase frequency are correlated (ρ = ${rho.toFixed(2)}): the spend model assumes they are independent, so expected values and CLVs may be biased.`,
};

/** Every reason the fitted models should not be taken at face value, most serious first; [] when none. */
export function modelWarnings(rfm: RfmSummary, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit, spendFrequencyCorrelation: number): ModelWarning[] {
  const kinds: ModelWarningKind[] = [];
  if (!bgNbd.converged) kinds.push(bgNbd.atBoundary ? 'purchaseModelAtBoundary' : 'purchaseModelNotConverged');
  if (!gammaGamma.converged) kinds.push(gammaGamma.atBoundary ? 'spendModelAtBoundary' : 'spendModelNotConverged');
  else if (gammaGamma.params.q <= 1) kinds.push('spendModelNoMean');
  let repeat = 0;
  for (let i = 0; i < rfm.customerCount; i++) if (rfm.frequency[i] > 0) repeat++;
  if (repeat < MIN_REPEAT_BUYERS) kinds.push('fewRepeatBuyers');
  else if (gammaGamma.customers < MIN_REPEAT_BUYERS) kinds.push('fewSpendCustomers');
  if (Math.abs(spendFrequencyCorrelation) > CORRELATION_WARNING) kinds.push('spendFrequencyCorrelation');
  const values = { repeat, customers: rfm.activeCustomers, spend: gammaGamma.customers, rho: spendFrequencyCorrelation };
  return kinds.map((kind) => ({ kind, message: TEXT[kind](values) }));
}
