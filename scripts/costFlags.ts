/**
 * npm start's cost to serve flags, the same for both engines: `--cost-share 20` (a share of revenue for all
 * customers, in percent), `--cost-share East=12.5` (for one segment), `--cost-monthly 2.5` and
 * `--cost-monthly East=2.5` (an amount per customer a month), `--cost-column handling` (a cost per row, by the
 * column's header). As the sidebar's cost lines: a segment's blank field is as for all customers.
 */
import type { SegmentCostRates } from '../src/core/models';
import { commaList, msg } from '../src/i18n';
import type { Param } from '../src/i18n/messages';
import { startMsg } from '../src/i18n/startMessages';

export type CostFlag = '--cost-share' | '--cost-monthly' | '--cost-column';

export interface CostFlags {
  all: { revenueShare: number; perCustomerMonth: number };
  segments: SegmentCostRates[];
  /** The cost column's header, "" for none. */
  column: string;
  /** Each segment as given, with the flag that named it, in order: for the refusal of a segment the data lacks. */
  named: { flag: CostFlag; segment: string }[];
  /** The first flag given, for the refusal of costs the data cannot carry (no amounts). */
  first: CostFlag | null;
}

export const noCostFlags = (): CostFlags => ({ all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [], column: '', named: [], first: null });

/** Records --cost-column HEADER. */
export function setCostColumn(costs: CostFlags, header: string): void {
  costs.column = header;
  costs.first ??= '--cost-column';
}

/** Why the flags cannot apply to the data, or null when they can: a cost with no amounts to charge it against, a segment the data lacks. */
export type CostFlagRefusal =
  | { kind: 'noAmounts'; flag: CostFlag }
  | { kind: 'noSegmentColumn'; flag: CostFlag; segment: string }
  | { kind: 'unknownSegment'; flag: CostFlag; segment: string; known: readonly string[] };

/**
 * Checks the flags against the data before anything is computed or written: `hasAmounts` whether the customer
 * value estimate (which the costs are charged against) runs at all; `segmentNames` the data's segments as the
 * sheet names them ("(blank)" for customers without one), null without a segment column.
 */
export function refuseCostFlags(costs: CostFlags, hasAmounts: boolean, segmentNames: readonly string[] | null): CostFlagRefusal | null {
  if (!anyCostFlag(costs)) return null;
  if (!hasAmounts) return { kind: 'noAmounts', flag: costs.first ?? '--cost-share' };
  const known = new Set(segmentNames ?? []);
  const unknown = costs.named.find((n) => !known.has(n.segment));
  if (!unknown) return null;
  return segmentNames ? { kind: 'unknownSegment', ...unknown, known: segmentNames } : { kind: 'noSegmentColumn', ...unknown };
}

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
  const flag = kind === 'share' ? '--cost-share' : '--cost-monthly';
  costs.first ??= flag;
  if (segment === null) {
    if (kind === 'share') costs.all.revenueShare = rate;
    else costs.all.perCustomerMonth = rate;
    return true;
  }
  let line = costs.segments.find((s) => s.name === segment);
  if (!line) costs.segments.push((line = { name: segment, revenueShare: null, perCustomerMonth: null }));
  costs.named.push({ flag, segment });
  if (kind === 'share') line.revenueShare = rate;
  else line.perCustomerMonth = rate;
  return true;
}

/** The refusal in the --locale's words, naming the flag and the segment (and the data's), and that nothing was written. */
export function costRefusalMessage(refusal: CostFlagRefusal, shape: 'log' | 'table', out: string): Param {
  const quoted = (text: string) => msg('cv.quoted', { text });
  const reason =
    refusal.kind === 'noAmounts'
      ? startMsg('start.costNoAmounts', { flag: refusal.flag, shape: startMsg(shape === 'log' ? 'start.shape.log' : 'start.shape.table') })
      : refusal.kind === 'noSegmentColumn'
        ? startMsg('start.costNoSegmentColumn', { flag: refusal.flag, segment: quoted(refusal.segment) })
        : startMsg('start.costUnknownSegment', { flag: refusal.flag, segment: quoted(refusal.segment), segments: commaList(refusal.known.map(quoted)) });
  return startMsg('start.nothingWritten', { reason, file: out });
}
