// Customers with identical (x, t_x, T) contribute identical likelihood terms: fit on the distinct histories
// with a weight each. With day-resolution data this shrinks tens of thousands of customers to a few thousand.

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
 * Groups customers for which `include(i)` holds by exact equality of (x, t_x, T), groups in ascending
 * (x, t_x, T) order (the order the SQL path's grouped rows come in, so both sum the likelihood alike).
 * Each distinct t_x and T gets its rank among the sorted distinct values, and (x, rank of t_x, rank of T)
 * one number whose numeric order is that order: a native sort of numbers instead of a comparator sort
 * of customers, which was most of the model's preparation.
 */
export function groupHistories(histories: CustomerHistories, include: (i: number) => boolean): HistoryGroups {
  const { frequency: x, recency: tx, age: T } = histories;
  const n = x.length;
  const index = new Int32Array(n);
  let m = 0;
  let maxX = 0;
  const txSeen = new Set<number>();
  const tSeen = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    index[m++] = i;
    txSeen.add(tx[i]);
    tSeen.add(T[i]);
    if (x[i] > maxX) maxX = x[i];
  }
  const txRank = ranks(txSeen);
  const tRank = ranks(tSeen);
  // Whole x ≥ 0 (prepareBgNbdData checks), so the key is exact while (maxX + 1)·|t_x|·|T| stays below 2^53.
  if (!Number.isSafeInteger((maxX + 1) * txSeen.size * tSeen.size)) return groupBySorting(histories, index.subarray(0, m));
  const keyOf = (i: number) => (x[i] * txSeen.size + txRank.get(tx[i])!) * tSeen.size + tRank.get(T[i])!;
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) keys[k] = keyOf(index[k]);
  const sorted = keys.slice().sort();
  const groupOfKey = new Map<number, number>();
  for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) groupOfKey.set(sorted[k], groupOfKey.size);
  const groups = groupOfKey.size;
  const frequency = new Float64Array(groups);
  const recency = new Float64Array(groups);
  const age = new Float64Array(groups);
  const weight = new Float64Array(groups);
  const groupOf = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) {
    const i = index[k];
    const g = groupOfKey.get(keys[k])!;
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

/** Each value's position among the values sorted ascending. */
function ranks(values: Set<number>): Map<number, number> {
  const sorted = Float64Array.from(values).sort();
  const rank = new Map<number, number>();
  sorted.forEach((v, r) => rank.set(v, r));
  return rank;
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
