import type { CostRates, CostRateSettings } from '../core/models';

/**
 * The cost to serve in words, for the header block of the "Customer value" sheet: the rates for all customers,
 * each segment's own, the cost column, and what applied to nobody.
 */

// User-facing wording, together so that moving it into the message catalogue is mechanical.
const pct = (v: number) => `${Number((v * 100).toPrecision(10))} % of revenue`;
const amount = (v: number) => `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} per customer a month while active`;
const TEXT = {
  rates: (r: CostRates) => [r.revenueShare > 0 ? pct(r.revenueShare) : '', r.perCustomerMonth > 0 ? amount(r.perCustomerMonth) : ''].filter(Boolean).join(' + ') || 'none',
  all: (segments: boolean, rates: string) => `${segments ? 'Other customers' : 'All customers'}: ${rates}`,
  segment: (name: string, rates: string) => `Segment "${name}": ${rates}`,
  column: (name: string) => `Plus ${name}: each customer's average cost per purchase day × their expected purchases`,
  blank: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} with a blank cost counted as 0`,
  unmatched: (names: string[]) => `Not in the data, so applied to nobody: ${names.map((n) => `"${n}"`).join(', ')}`,
  noSegmentColumn: 'Segment costs need a segment column; without one the line for all customers applies to everybody',
};

export interface CostLineInput {
  settings: CostRateSettings;
  /** The segments the data has, null without a segment column. */
  segmentNames: readonly string[] | null;
  /** Segment lines that match no segment of the data. */
  unmatched: readonly string[];
  /** How the cost column is named (column E ("Cost")), "" without one. */
  columnName: string;
  blankCosts: number;
}

export function costLines({ settings, segmentNames, unmatched, columnName, blankCosts }: CostLineInput): string[] {
  const known = new Set(segmentNames ?? []);
  const own = settings.segments.filter((s) => known.has(s.name) && (s.revenueShare !== null || s.perCustomerMonth !== null));
  const lines = own.map((s) =>
    TEXT.segment(s.name, TEXT.rates({ revenueShare: s.revenueShare ?? settings.all.revenueShare, perCustomerMonth: s.perCustomerMonth ?? settings.all.perCustomerMonth })),
  );
  lines.push(TEXT.all(own.length > 0, TEXT.rates(settings.all)));
  if (columnName) lines.push(TEXT.column(columnName) + (blankCosts > 0 ? ` (${TEXT.blank(blankCosts)})` : ''));
  if (unmatched.length > 0) lines.push(segmentNames ? TEXT.unmatched([...unmatched]) : TEXT.noSegmentColumn);
  return lines;
}
