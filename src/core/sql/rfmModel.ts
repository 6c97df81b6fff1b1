/**
 * The grouped RFM rows of rfmQuery.ts → the fitted BG/NBD and Gamma-Gamma models, with the very
 * likelihoods the in-sheet path maximises (src/core/models): histories enter with their customer
 * counts as weights, spend groups are the customers' (x, m̄) pairs.
 */
import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { date, integer } from '../../i18n/messages';
import { fitGammaGamma, type BgNbdFit, type GammaGammaFit, type LeftOutOfSpend } from '../models';
import { fitBgNbdData } from '../models/bgnbd';
import { distinctTimes, MIN_BGNBD_CUSTOMERS, type BgNbdData } from '../models/bgnbdLikelihood';
import { DAYS_PER_UNIT } from '../models/timeUnits';
import { LOG_SKIP_REASONS, RFM_COLUMNS } from './resultColumns';

export interface RfmRow {
  kind: string;
  x: number | null;
  tx: number | null;
  age: number | null;
  customers: number | null;
  amount: number | null;
}

export function rfmResultRows(values: readonly (readonly unknown[])[]): RfmRow[] {
  return values.map((r) => {
    const o: Record<string, unknown> = {};
    RFM_COLUMNS.forEach((c, i) => (o[c] = c === 'kind' ? String(r[i]) : r[i] === null || r[i] === undefined ? null : Number(r[i])));
    return o as unknown as RfmRow;
  });
}

export interface SqlCustomerValueModel {
  /** Observation end (inclusive) and first purchase day in the data. */
  endDay: number;
  firstDay: number;
  /** Customers with a purchase on or before the end. */
  customers: number;
  /** Distinct (x, t_x, T) histories: the rows the BG/NBD fit ran on. */
  histories: number;
  /** Distinct (x, m̄) spend groups: the rows the Gamma-Gamma fit ran on. */
  spendGroups: number;
  pastValue: number;
  leftOutOfSpend: LeftOutOfSpend;
  rowsAfterEnd: number;
  /** Customer-days of refunds only, not transactions (unless refunds are purchases). */
  refundOnlyDays: number;
  rowsRead: number;
  /** Rows left out, per reason (the sheet's words), in the sheet's order of reasons. */
  skipped: { reason: (typeof LOG_SKIP_REASONS)[number]; rows: number }[];
  /** Kept rows worth a mention, as a sheet's Customer value notes them: refunds, and ids read without the white space around them. */
  notes: { refunds: number; paddedIds: number };
  /** Pearson correlation of x and m̄ over the spend customers (the Gamma-Gamma independence assumption). */
  spendFrequencyCorrelation: number;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/** Fits both models in weeks, as the sheet's Customer value does. */
export function customerValueModelFromRows(rows: RfmRow[]): SqlCustomerValueModel {
  const bounds = rows.find((r) => r.kind === 'bounds');
  const totals = rows.find((r) => r.kind === 'totals');
  const notes = rows.find((r) => r.kind === 'notes');
  if (!bounds || !totals || bounds.x === null || bounds.tx === null) throw new UserError(msg('model.error.emptyLog'));
  const endDay = bounds.tx;
  if (endDay < bounds.x) throw new UserError(msg('model.error.endBeforeData', { date: date(endDay), first: date(bounds.x) }));
  const week = DAYS_PER_UNIT.weeks;
  const histories = rows.filter((r) => r.kind === 'history');
  const data = bgNbdData(histories.map((r) => ({ x: r.x!, tx: r.tx! / week, T: r.age! / week, n: r.customers! })));

  // One entry per spend group, weighted by its customers (not one per customer: a warehouse has millions).
  const spend = rows.filter((r) => r.kind === 'spend');
  const frequency = Float64Array.from(spend, (r) => r.x!);
  const monetary = Float64Array.from(spend, (r) => r.amount! / r.x!);
  const weights = Float64Array.from(spend, (r) => r.customers!);
  return {
    endDay,
    firstDay: bounds.x,
    customers: data.customers,
    histories: histories.length,
    spendGroups: spend.length,
    pastValue: totals.amount ?? 0,
    leftOutOfSpend: { refunds: totals.x ?? 0, zeroAmounts: totals.tx ?? 0, missingAmounts: totals.age ?? 0 },
    rowsAfterEnd: bounds.age ?? 0,
    refundOnlyDays: bounds.amount ?? 0,
    rowsRead: bounds.customers ?? 0,
    skipped: rows
      .filter((r) => r.kind === 'skip' && r.x !== null && (r.customers ?? 0) > 0)
      .sort((a, b) => a.x! - b.x!)
      .map((r) => ({ reason: LOG_SKIP_REASONS[r.x!], rows: r.customers! })),
    notes: { paddedIds: notes?.x ?? 0, refunds: notes?.tx ?? 0 },
    spendFrequencyCorrelation: correlation(frequency, monetary, weights),
    bgNbd: fitBgNbdData(data),
    gammaGamma: fitGammaGamma(frequency, monetary, { weights }),
  };
}

function bgNbdData(groups: { x: number; tx: number; T: number; n: number }[]): BgNbdData {
  let customers = 0;
  let repeaters = 0;
  let maxX = 0;
  for (const g of groups) {
    customers += g.n;
    if (g.x > 0) repeaters += g.n;
    maxX = Math.max(maxX, g.x);
  }
  if (customers < MIN_BGNBD_CUSTOMERS) {
    throw new UserError(msg('model.error.fewCustomers', { min: integer(MIN_BGNBD_CUSTOMERS), count: integer(customers) }));
  }
  if (repeaters === 0) throw new UserError(msg('model.error.noRepeat', { count: integer(customers) }));
  const countByX = new Float64Array(maxX + 1);
  for (const g of groups) countByX[g.x] += g.n;
  const T = Float64Array.from(groups, (g) => g.T);
  const tx = Float64Array.from(groups, (g) => g.tx);
  return {
    customers,
    x: Float64Array.from(groups, (g) => g.x),
    tx,
    T,
    weight: Float64Array.from(groups, (g) => g.n),
    countByX,
    groupOf: new Int32Array(0),
    ...distinctTimes(T, tx),
  };
}

/** Pearson's ρ over the customers, each entry standing for w of them. */
function correlation(x: Float64Array, m: Float64Array, w: Float64Array): number {
  let n = 0, sx = 0, sm = 0, sxx = 0, smm = 0, sxm = 0;
  for (let i = 0; i < x.length; i++) {
    n += w[i];
    sx += w[i] * x[i];
    sm += w[i] * m[i];
    sxx += w[i] * x[i] * x[i];
    smm += w[i] * m[i] * m[i];
    sxm += w[i] * x[i] * m[i];
  }
  const denominator = Math.sqrt((sxx - (sx * sx) / n) * (smm - (sm * sm) / n));
  return denominator > 0 ? (sxm - (sx * sm) / n) / denominator : NaN;
}
