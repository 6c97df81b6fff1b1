// When a customer last bought, and how that compares with their own rhythm: "last purchase 94 days ago;
// usually every 31 days". Days are counted to the observation end (the "as of" day or the last date in the data).
import type { RfmSummary } from './rfm';

export interface Recency {
  /** Observation end − last purchase day, in days; NaN for a customer without a purchase. */
  daysSinceLast: number;
  /**
   * The customer's mean gap between consecutive purchase days, (last − first) / (purchase days − 1), in days;
   * NaN with a single purchase day (no gap yet) or none.
   */
  usualGapDays: number;
}

/** Recency of customer `index` from the RFM summary (days, whatever the model's time unit). */
export function recencyOf(rfm: RfmSummary, index: number): Recency {
  const days = rfm.transactionDays[index];
  if (!(days > 0)) return { daysSinceLast: NaN, usualGapDays: NaN };
  const last = rfm.lastDay[index];
  return {
    daysSinceLast: rfm.endDay - last,
    usualGapDays: days > 1 ? (last - rfm.firstDay[index]) / (days - 1) : NaN,
  };
}

// User-facing wording, together so that moving it into the message catalogue is mechanical.
const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const ago = (days: number) => (days === 0 ? 'on the last day observed' : `${dayCount(days)} ago`);
const every = (gap: number) => {
  const rounded = Math.max(1, Math.round(gap));
  return rounded === 1 ? 'usually every day' : `usually every ${rounded} days`;
};

/**
 * "last purchase 94 days ago; usually every 31 days"; with one purchase day: "only purchase 94 days ago; no
 * usual gap yet". The gap is rounded to whole days (at least 1).
 */
export function describeRecency({ daysSinceLast, usualGapDays }: Recency): string {
  if (!Number.isFinite(daysSinceLast)) return '';
  if (!Number.isFinite(usualGapDays)) return `only purchase ${ago(daysSinceLast)}; no usual gap yet`;
  return `last purchase ${ago(daysSinceLast)}; ${every(usualGapDays)}`;
}
