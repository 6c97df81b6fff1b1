/**
 * Seeded transaction logs built to make the customer-value models untrustworthy in one chosen way each (and a
 * sound one for contrast), for the tests of the warnings in core, on the sheet, in the sidebar and in =CLV.
 *
 * The sound log follows the models' own story with heterogeneity everywhere: a weekly purchase rate
 * λ ~ 0.4 · Gamma(1.5), a drop-out probability after each repeat purchase p ~ Beta(1, 4), and amounts
 * Gamma(4, ν) with a per-customer ν ~ Gamma(4) / 120 (mean amount about $120). Each variant breaks one part.
 */
import { betaVariate, gammaVariate, seededUniform } from './random';

export type TrustCase =
  /** Fits cleanly: no warning. */
  | 'sound'
  /** Everyone buys every 14 days and nobody drops out: BG/NBD runs to a limiting case (r, α → ∞, a → 0). */
  | 'clockwork'
  /** Every customer's amounts come from one and the same distribution: Gamma-Gamma's q, v → ∞. */
  | 'sameSpend'
  /** Only 15 % of 400 customers ever buy again: too few repeat buyers. */
  | 'fewRepeat'
  /** A customer's amounts grow with how often they buy: spend and frequency correlated (ρ near 1). */
  | 'spendWithFrequency'
  /** Customers' spend rates ν ~ Gamma(0.6): a heavy tail with no finite population mean (q < 1). */
  | 'heavyTail';

export interface TrustLogRow {
  customer: number;
  /** Day number, first purchases within the first 120 days from START_DAY, the last day START_DAY + 364. */
  day: number;
  amount: number;
}

/** 2024-10-08 as a day number: an arbitrary start (days since 1970-01-01). */
export const START_DAY = 20004;

const CUSTOMERS: Record<TrustCase, number> = { sound: 800, clockwork: 400, sameSpend: 800, fewRepeat: 400, spendWithFrequency: 800, heavyTail: 1500 };

export function trustLog(kind: TrustCase, seed = 1): TrustLogRow[] {
  const u = seededUniform(seed);
  const end = START_DAY + 364;
  const rows: TrustLogRow[] = [];
  for (let customer = 0; customer < CUSTOMERS[kind]; customer++) {
    const clockwork = kind === 'clockwork';
    const rate = clockwork ? 0.5 : 0.4 * gammaVariate(1.5, u);
    const dropout = clockwork ? 0 : betaVariate(1, 4, u);
    const nu = kind === 'sameSpend' ? 0.1 : kind === 'heavyTail' ? gammaVariate(0.6, u) / 4 : gammaVariate(4, u) / 120;
    const buysAgain = kind !== 'fewRepeat' || u() < 0.15;
    const days: number[] = [];
    let day = START_DAY + Math.floor(u() * 120);
    for (let n = 0; ; n++) {
      days.push(day);
      if (!buysAgain || (n > 0 && u() < dropout)) break;
      day += clockwork ? 14 : 1 + Math.floor((7 * -Math.log(1 - u())) / rate);
      if (day > end) break;
    }
    const meanWithFrequency = 10 + 15 * days.length;
    for (const d of days) {
      const amount = kind === 'spendWithFrequency' ? (meanWithFrequency * gammaVariate(4, u)) / 4 : gammaVariate(4, u) / nu;
      // Whole cents, at least one: what a sheet of orders holds.
      rows.push({ customer, day: d, amount: Math.max(1, Math.round(amount * 100)) / 100 });
    }
  }
  // The last day is in the log, so the observation ends on it whatever the draws (=CLV ends on the last date).
  rows.push({ customer: 0, day: end, amount: rows[0].amount });
  return rows;
}
