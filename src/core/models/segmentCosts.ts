// Cost-to-serve rates as the analyst enters them (one line for all customers, optional lines per segment whose
// blank fields fall back to it) → the rates of each segment of the data.
import { NO_COST, type CostRates } from './costToServe';

export interface SegmentCostRates {
  /** The segment as the sheet shows it ("(blank)" for customers without one). */
  name: string;
  /** null: as for all customers. */
  revenueShare: number | null;
  /** null: as for all customers. */
  perCustomerMonth: number | null;
}

export interface CostRateSettings {
  /** For every customer whose segment has no value of its own. */
  all: CostRates;
  segments: readonly SegmentCostRates[];
}

export const NO_COST_RATES: CostRateSettings = { all: { ...NO_COST }, segments: [] };

export interface ResolvedRates {
  /** Rates per segment index of the data; without a segment column, one entry for everybody. */
  bySegment: CostRates[];
  /** Segment lines whose name is not a segment of the data (they apply to nobody). */
  unmatched: string[];
}

/** True when some customer is charged something. */
export function anyCostRate(settings: CostRateSettings): boolean {
  const set = (v: number | null) => v !== null && v > 0;
  return set(settings.all.revenueShare) || set(settings.all.perCustomerMonth) || settings.segments.some((s) => set(s.revenueShare) || set(s.perCustomerMonth));
}

export function resolveSegmentRates(settings: CostRateSettings, segmentNames: readonly string[] | null): ResolvedRates {
  const { all } = settings;
  const lines = settings.segments.filter((s) => s.revenueShare !== null || s.perCustomerMonth !== null);
  if (!segmentNames) return { bySegment: [{ ...all }], unmatched: lines.map((s) => s.name) };
  const own = new Map(lines.map((s) => [s.name, s]));
  const bySegment = segmentNames.map((name) => {
    const line = own.get(name);
    return {
      revenueShare: line?.revenueShare ?? all.revenueShare,
      perCustomerMonth: line?.perCustomerMonth ?? all.perCustomerMonth,
    };
  });
  const known = new Set(segmentNames);
  return { bySegment, unmatched: lines.filter((s) => !known.has(s.name)).map((s) => s.name) };
}
