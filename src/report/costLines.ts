import type { CostRates, CostRateSettings } from '../core/models';
import { msg, type CurrencyCode, type AnyMessage } from '../i18n';
import { allOf, integer, money, percent } from '../i18n/messages';

/**
 * The cost to serve in words, for the header block of the "Customer value" sheet: the rates for all customers,
 * each segment's own, the cost column, and what applied to nobody.
 */

function rates(r: CostRates, currency: CurrencyCode | null): AnyMessage {
  const parts: AnyMessage[] = [];
  if (r.revenueShare > 0) parts.push(msg('cv.cost.share', { share: percent(r.revenueShare, 4) }));
  if (r.perCustomerMonth > 0) parts.push(msg('cv.cost.perMonth', { amount: money(r.perCustomerMonth, currency, 2) }));
  if (parts.length === 0) return msg('cv.cost.none');
  return parts.length === 1 ? parts[0] : msg('cv.cost.sum', { first: parts[0], second: parts[1] });
}

export interface CostLineInput {
  settings: CostRateSettings;
  /** The segments the data has, null without a segment column. */
  segmentNames: readonly string[] | null;
  /** Segment lines that match no segment of the data. */
  unmatched: readonly string[];
  /** How the cost column is named (column E ("Cost")), "" without one. */
  columnName: string;
  blankCosts: number;
  /** The currency amounts are in (currencyOfFormat of the source amounts' format), null when unknown. */
  currency: CurrencyCode | null;
}

/** The lines, as messages: the header block renders them in the spreadsheet's language. */
export function costLines({ settings, segmentNames, unmatched, columnName, blankCosts, currency }: CostLineInput): AnyMessage[] {
  const known = new Set(segmentNames ?? []);
  const own = settings.segments.filter((s) => known.has(s.name) && (s.revenueShare !== null || s.perCustomerMonth !== null));
  const lines: AnyMessage[] = own.map((s) =>
    msg('cv.cost.segment', {
      name: s.name,
      rates: rates({ revenueShare: s.revenueShare ?? settings.all.revenueShare, perCustomerMonth: s.perCustomerMonth ?? settings.all.perCustomerMonth }, currency),
    }),
  );
  lines.push(msg(own.length > 0 ? 'cv.cost.others' : 'cv.cost.all', { rates: rates(settings.all, currency) }));
  if (columnName) lines.push(blankCosts > 0 ? msg('cv.cost.columnBlank', { column: columnName, count: integer(blankCosts) }) : msg('cv.cost.column', { column: columnName }));
  if (unmatched.length > 0) {
    lines.push(segmentNames ? msg('cv.cost.unmatched', { names: allOf(unmatched.map((text) => msg('cv.quoted', { text }))) }) : msg('cv.cost.noSegmentColumn'));
  }
  return lines;
}
