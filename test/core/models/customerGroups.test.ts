import { describe, expect, it } from 'vitest';
import { groupHistories } from '../../../src/core/models/customerGroups';
import { seededUniform } from './random';

describe('customers grouped by history (x, t_x, T)', () => {
  it('every customer in the group of its exact history, weights the group sizes, left-out customers −1', () => {
    const u = seededUniform(11);
    const n = 5000;
    const frequency = Float64Array.from({ length: n }, () => (u() < 0.05 ? NaN : Math.floor(u() * 6)));
    const age = Float64Array.from({ length: n }, () => Math.floor(u() * 40) / 7);
    const recency = Float64Array.from({ length: n }, (_, i) => (frequency[i] === 0 ? 0 : Math.floor(u() * age[i] * 7) / 7));
    recency[1] = -0; // equal to 0
    const g = groupHistories({ frequency, recency, age }, (i) => !Number.isNaN(frequency[i]));
    const expected = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(frequency[i])) {
        expect(g.groupOf[i]).toBe(-1);
        continue;
      }
      const key = `${frequency[i]}|${recency[i] === 0 ? 0 : recency[i]}|${age[i]}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
      const j = g.groupOf[i];
      expect([g.frequency[j], g.recency[j] === 0 ? 0 : g.recency[j], g.age[j]]).toEqual([frequency[i], recency[i] === 0 ? 0 : recency[i], age[i]]);
    }
    expect(g.frequency.length).toBe(expected.size);
    const sizes = new Map<string, number>();
    g.frequency.forEach((x, j) => sizes.set(`${x}|${g.recency[j] === 0 ? 0 : g.recency[j]}|${g.age[j]}`, g.weight[j]));
    expect(sizes).toEqual(expected);
    // In ascending (x, t_x, T) order, as the SQL path's grouped rows come.
    for (let j = 1; j < g.frequency.length; j++) {
      const before = g.frequency[j - 1] - g.frequency[j] || g.recency[j - 1] - g.recency[j] || g.age[j - 1] - g.age[j];
      expect(before).toBeLessThan(0);
    }
  });
});
