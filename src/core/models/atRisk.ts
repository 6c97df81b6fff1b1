// Whom to reach, and in what order: the at-risk list (valuable customers who are slipping away but can still be
// reached) and the lapsed list (valuable customers the model thinks are most likely gone: win-back candidates).
// Pure selection over per-customer columns; the "Customer value" sheet and =CLV(…, "at risk") both use it.
import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { percent } from '../../i18n/messages';

export interface AtRiskOptions {
  /** Share of customers, by past value, the lists look at: 0 < s ≤ 1. */
  topShare: number;
  /** A top customer whose P(alive) is below this is at risk: floor < t ≤ 1. */
  aliveBelow: number;
  /** …if their P(alive) is at least this (still reachable); below it they are lapsed: 0 ≤ floor < t. */
  aliveFloor: number;
}

/** Top 20 % by past value; at risk with P(alive) from 10 % to below 50 %; lapsed below 10 %. */
export const DEFAULT_AT_RISK: Readonly<AtRiskOptions> = { topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1 };

const pct = (v: number) => percent(v, 4);

/** @throws UserError saying which setting is out of range and what it accepts. */
export function checkAtRiskOptions({ topShare, aliveBelow, aliveFloor }: AtRiskOptions): void {
  if (!(topShare > 0 && topShare <= 1)) {
    throw new UserError(msg('model.error.topShare', { got: pct(topShare) }));
  }
  if (!(aliveBelow > 0 && aliveBelow <= 1)) {
    throw new UserError(msg('model.error.aliveBelow', { got: pct(aliveBelow) }));
  }
  if (!(aliveFloor >= 0 && aliveFloor < aliveBelow)) {
    throw new UserError(msg('model.error.aliveFloor', { below: pct(aliveBelow), got: pct(aliveFloor) }));
  }
}

/** What the selection reads, per customer index. */
export interface ListInput {
  /** Purchase days on or before the observation end; customers with 0 are not scored and never listed. */
  purchases: ArrayLike<number>;
  /** Sum of the customer's amounts to date. */
  pastValue: ArrayLike<number>;
  probabilityAlive: ArrayLike<number>;
}

export interface TopShare {
  /** Customers with a purchase on or before the observation end. */
  scored: number;
  /** ⌈share × scored⌉: how many customers the top share is before ties. */
  count: number;
  /** Past value of the count-th highest: customers at or above it form the top share. NaN without customers. */
  threshold: number;
  /** Customers in the top share, ties at the threshold included (≥ count). */
  members: number;
}

export interface ListedCustomer {
  index: number;
  /** What the model forecasts the customer is worth over the horizon had they certainly not left. */
  valueIfActive: number;
  /** (1 − P(alive)) × valueIfActive: the part of it written off because they may already have left. */
  expectedLoss: number;
}

export interface AtRiskLists {
  topShare: TopShare;
  /** Top share, aliveFloor ≤ P(alive) < aliveBelow; largest expected loss first. */
  atRisk: ListedCustomer[];
  /** Top share, P(alive) < aliveFloor; largest past value first. */
  lapsed: ListedCustomer[];
}

/**
 * Past values are sums of money: 0.30 reached as 0.10 + 0.20 is 0.30000000000000004 in floating point
 * and 0.3 by another route (an SQL engine sums them exactly), so values within this relative distance
 * are one value — ties are decided by the next key, not by rounding noise.
 */
const MONEY_NOISE = 1e-9;
const sameMoney = (a: number, b: number) => Math.abs(a - b) <= MONEY_NOISE * Math.max(1, Math.abs(a), Math.abs(b));
/** Descending by past value, equal values (within rounding noise) as 0. */
export const byPastValue = (a: number, b: number) => (sameMoney(a, b) ? 0 : b - a);

/** The top share by past value: the ⌈share × customers⌉ highest, and anyone tied with the last of them. */
export function topShareByPastValue(input: ListInput, share: number): TopShare {
  const values: number[] = [];
  for (let i = 0; i < input.purchases.length; i++) if (input.purchases[i] > 0) values.push(input.pastValue[i]);
  const scored = values.length;
  // The small epsilon keeps 0.2 × 23570 = 4714.000000000001 from rounding up to 4715.
  const count = scored ? Math.min(scored, Math.max(1, Math.ceil(share * scored - 1e-9))) : 0;
  values.sort((x, y) => y - x);
  const threshold = scored ? values[count - 1] : NaN;
  let members = count;
  while (members < scored && sameMoney(values[members], threshold)) members++;
  return { scored, count, threshold, members };
}

/**
 * Selects and ranks both lists. `valueIfActive(i)` is asked only for the customers listed (it may be costly);
 * it is the customer's forecast value had they certainly not left (gross CLV ÷ P(alive), or net of the cost to
 * serve), so that expected loss = (1 − P(alive)) × valueIfActive.
 */
export function selectAtRisk(input: ListInput, valueIfActive: (index: number) => number, options: AtRiskOptions): AtRiskLists {
  checkAtRiskOptions(options);
  const topShare = topShareByPastValue(input, options.topShare);
  const atRisk: ListedCustomer[] = [];
  const lapsed: ListedCustomer[] = [];
  for (let i = 0; i < input.purchases.length; i++) {
    if (!(input.purchases[i] > 0 && (input.pastValue[i] >= topShare.threshold || sameMoney(input.pastValue[i], topShare.threshold)))) continue;
    const alive = input.probabilityAlive[i];
    if (!(alive < options.aliveBelow)) continue;
    const value = valueIfActive(i);
    const listed = { index: i, valueIfActive: value, expectedLoss: (1 - alive) * value };
    (alive >= options.aliveFloor ? atRisk : lapsed).push(listed);
  }
  const past = input.pastValue;
  const key = (v: number) => (Number.isFinite(v) ? v : -Infinity);
  atRisk.sort((x, y) => key(y.expectedLoss) - key(x.expectedLoss) || byPastValue(past[x.index], past[y.index]) || x.index - y.index);
  lapsed.sort((x, y) => byPastValue(past[x.index], past[y.index]) || key(y.expectedLoss) - key(x.expectedLoss) || x.index - y.index);
  return { topShare, atRisk, lapsed };
}
