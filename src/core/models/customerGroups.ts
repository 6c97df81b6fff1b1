// Customers with identical (x, t_x, T) contribute identical likelihood terms: fit on the distinct histories
// with a weight each. With day-resolution data this shrinks tens of thousands of customers to a few thousand.
import { ascendingOrder } from '../sortOrder';

export interface CustomerHistories {
  /** x: repeat transactions per customer; NaN = no history (customer left out). */
  frequency: ArrayLike<number>;
  /** t_x: time of the last transaction since the first. */
  recency: ArrayLike<number>;
  /** T: time from the first transaction to the end of observation. */
  age: ArrayLike<number>;
}

export interface HistoryGroups {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  /** Customers sharing the group's history. */
  weight: Float64Array;
  /** Group index of each input customer, −1 for customers left out. */
  groupOf: Int32Array;
}

/**
 * Groups customers for which `include(i)` holds (by default: those with a history, x not NaN) by exact
 * equality of (x, t_x, T), groups in ascending (x, t_x, T) order (the order the SQL path's grouped rows
 * come in, so both sum the likelihood alike).
 * Each distinct t_x and T gets its rank among the sorted distinct values, and (x, rank of t_x, rank of T)
 * one number whose numeric order is that order; customers are put in that order by a radix sort
 * (sortOrder.ts), and a new group starts where the number changes: no comparator sort of customers and
 * no hash lookups, which were most of the model's preparation.
 */
export function groupHistories(histories: CustomerHistories, include: ((i: number) => boolean) | null = null): HistoryGroups {
  const { frequency: x, recency: tx, age: T } = histories;
  const included = include === null ? withHistory(x) : includedRows(x.length, include);
  return groupIncluded(x, tx, T, included, histories);
}

// Customers with a history (x not NaN), without a callback per customer: compiled code that calls a
// closure made per call is thrown away when the closure is collected (src/core/cohorts/hiddenClass.ts).
function withHistory(x: ArrayLike<number>): Int32Array {
  const index = new Int32Array(x.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) index[m++] = i;
  return index.subarray(0, m);
}

function includedRows(n: number, include: (i: number) => boolean): Int32Array {
  const index = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (include(i)) index[m++] = i;
  return index.subarray(0, m);
}

function groupIncluded(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, included: Int32Array, histories: CustomerHistories): HistoryGroups {
  const n = x.length;
  const m = included.length;
  let maxX = 0;
  for (let k = 0; k < m; k++) if (x[included[k]] > maxX) maxX = x[included[k]];
  const txRank = denseRanks(included, tx);
  const tRank = denseRanks(included, T);
  // Whole x ≥ 0 (prepareBgNbdData checks), so the key is exact while (maxX + 1)·|t_x|·|T| stays below 2^53.
  if (!Number.isSafeInteger((maxX + 1) * txRank.distinct * tRank.distinct)) return groupBySorting(histories, included);
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) keys[k] = (x[included[k]] * txRank.distinct + txRank.rank[k]) * tRank.distinct + tRank.rank[k];
  const order = ascendingOrder(keys);
  const groupAt = new Int32Array(m);
  let groups = 0;
  for (let j = 0; j < m; j++) {
    const k = order[j];
    if (j === 0 || keys[k] !== keys[order[j - 1]]) groups++;
    groupAt[k] = groups - 1;
  }
  const frequency = new Float64Array(groups);
  const recency = new Float64Array(groups);
  const age = new Float64Array(groups);
  const weight = new Float64Array(groups);
  const groupOf = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) {
    const i = included[k];
    const g = groupAt[k];
    if (weight[g] === 0) {
      frequency[g] = x[i];
      recency[g] = tx[i];
      age[g] = T[i];
    }
    weight[g]++;
    groupOf[i] = g;
  }
  return { frequency, recency, age, weight, groupOf };
}

/** Each included customer's value's position among the distinct values sorted ascending, and how many there are. */
function denseRanks(included: Int32Array, column: ArrayLike<number>): { rank: Int32Array; distinct: number } {
  const values = new Float64Array(included.length);
  for (let k = 0; k < included.length; k++) values[k] = column[included[k]];
  const order = ascendingOrder(values);
  const rank = new Int32Array(values.length);
  let distinct = 0;
  for (let j = 0; j < order.length; j++) {
    if (j === 0 || values[order[j]] !== values[order[j - 1]]) distinct++;
    rank[order[j]] = distinct - 1;
  }
  return { rank, distinct };
}

/** The same grouping by a comparator sort, for histories too many to number exactly. O(n log n). */
function groupBySorting(histories: CustomerHistories, included: Int32Array): HistoryGroups {
  const { frequency: x, recency: tx, age: T } = histories;
  const sorted = included.slice().sort((i, j) => x[i] - x[j] || tx[i] - tx[j] || T[i] - T[j]);
  const groupOf = new Int32Array(x.length).fill(-1);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k];
    const g = frequency.length - 1;
    if (g >= 0 && frequency[g] === x[i] && recency[g] === tx[i] && age[g] === T[i]) {
      weight[g]++;
      groupOf[i] = g;
    } else {
      frequency.push(x[i]);
      recency.push(tx[i]);
      age.push(T[i]);
      weight.push(1);
      groupOf[i] = g + 1;
    }
  }
  return {
    frequency: Float64Array.from(frequency),
    recency: Float64Array.from(recency),
    age: Float64Array.from(age),
    weight: Float64Array.from(weight),
    groupOf,
  };
}
