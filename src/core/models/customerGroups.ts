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

/** Groups customers for which `include(i)` holds by exact equality of (x, t_x, T). O(n log n). */
export function groupHistories(histories: CustomerHistories, include: (i: number) => boolean): HistoryGroups {
  const { frequency: x, recency: tx, age: T } = histories;
  const n = x.length;
  let m = 0;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) if (include(i)) index[m++] = i;
  const sorted = index.subarray(0, m).sort((i, j) => x[i] - x[j] || tx[i] - tx[j] || T[i] - T[j]);

  const groupOf = new Int32Array(n).fill(-1);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < m; k++) {
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
