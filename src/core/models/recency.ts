// When a customer last bought, and how that compares with their own rhythm: "last purchase 94 days ago;
// usually every 31 days". Days are counted to the observation end (the "as of" day or the last date in the data).
import type { RfmSummary } from './rfm';
import { msg } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { integer } from '../../i18n/messages';

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

const ago = (days: number): AnyMessage => (days === 0 ? msg('cv.recency.lastDay') : msg('cv.recency.ago', { count: integer(days) }));
const every = (gap: number): AnyMessage => {
  const rounded = Math.max(1, Math.round(gap));
  return rounded === 1 ? msg('cv.recency.everyDay') : msg('cv.recency.every', { count: integer(rounded) });
};

/**
 * "last purchase 94 days ago; usually every 31 days"; with one purchase day: "only purchase 94 days ago; no
 * usual gap yet"; null without a purchase. The gap is rounded to whole days (at least 1).
 */
export function describeRecency({ daysSinceLast, usualGapDays }: Recency): AnyMessage | null {
  if (!Number.isFinite(daysSinceLast)) return null;
  if (!Number.isFinite(usualGapDays)) return msg('cv.recency.only', { ago: ago(daysSinceLast) });
  return msg('cv.recency.last', { ago: ago(daysSinceLast), usual: every(usualGapDays) });
}
