/**
 * npm start's cost to serve flags, the same for both engines: `--cost-share 20` (a share of revenue for all
 * customers, in percent), `--cost-share East=12.5` (for one segment), `--cost-monthly 2.5` and
 * `--cost-monthly East=2.5` (an amount per customer a month), `--cost-column handling` (a cost per row, by the
 * column's header). As the sidebar's cost lines: a segment's blank field is as for all customers.
 */
import type { SegmentCostRates } from '../src/core/models';

export interface CostFlags {
  all: { revenueShare: number; perCustomerMonth: number };
  segments: SegmentCostRates[];
  /** The cost column's header, "" for none. */
  column: string;
}

export const noCostFlags = (): CostFlags => ({ all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [], column: '' });

/** Whether any flag was given: without one, the report is as without a cost to serve. */
export const anyCostFlag = (c: CostFlags): boolean => c.column !== '' || c.all.revenueShare > 0 || c.all.perCustomerMonth > 0 || c.segments.length > 0;

/**
 * Adds one `--cost-share` or `--cost-monthly` value to `costs`; false when it is not a number in range (the
 * caller says so, naming the flag and the value). A segment name is everything before the last "=".
 */
export function addCostFlag(costs: CostFlags, kind: 'share' | 'monthly', value: string): boolean {
  const at = value.lastIndexOf('=');
  const segment = at >= 0 ? value.slice(0, at) : null;
  const text = (at >= 0 ? value.slice(at + 1) : value).trim();
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || n < 0 || (kind === 'share' && n > 100) || segment?.trim() === '') return false;
  const rate = kind === 'share' ? Number((n / 100).toPrecision(12)) : n;
  if (segment === null) {
    if (kind === 'share') costs.all.revenueShare = rate;
    else costs.all.perCustomerMonth = rate;
    return true;
  }
  let line = costs.segments.find((s) => s.name === segment);
  if (!line) costs.segments.push((line = { name: segment, revenueShare: null, perCustomerMonth: null }));
  if (kind === 'share') line.revenueShare = rate;
  else line.perCustomerMonth = rate;
  return true;
}
