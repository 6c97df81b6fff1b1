import { describe, expect, it } from 'vitest';
import { ascendingOrder, descendingOrder } from '../../src/core/sortOrder';
import { mulberry32 } from '../../tools/seededRandom';

// The reference: the comparator sort everyone writes, ties broken by row index.
const byComparator = (values: number[], sign: 1 | -1) =>
  values.map((_, i) => i).sort((i, j) => sign * (values[i] - values[j]) || i - j);

function column(n: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const special = [0, -0, 1, -1, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1 + 0.2, 0.3];
  return Array.from({ length: n }, () => {
    const u = rand();
    if (u < 0.1) return special[Math.floor(rand() * special.length)];
    if (u < 0.4) return Math.floor(rand() * 20) - 10; // many ties
    return (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
  });
}

describe('sort orders by radix', () => {
  it('agree with a comparator sort (ties in row order) on numbers of every sign and size', () => {
    for (const [n, seed] of [[0, 1], [1, 2], [2, 3], [17, 4], [1000, 5], [70_000, 6]]) {
      const values = column(n, seed);
      expect(Array.from(ascendingOrder(values))).toEqual(byComparator(values, 1));
      expect(Array.from(descendingOrder(Float64Array.from(values)))).toEqual(byComparator(values, -1));
    }
  });

  it('keeps equal numbers in row order, −0 equal to 0', () => {
    expect(Array.from(descendingOrder([2, 0, 5, -0, 2, 0]))).toEqual([2, 0, 4, 1, 3, 5]);
    expect(Array.from(ascendingOrder([3, 3, 3]))).toEqual([0, 1, 2]);
  });
});
