/** The Lost column's second line reads naturally for a window of one period and of several. */
import { describe, expect, it } from 'vitest';
import { periodHeaders } from '../../src/report/periodTable';

describe('the per-period Lost header', () => {
  it('says "in the month" for K = 1 and "in the last 3 months" for K = 3', () => {
    expect(periodHeaders('log', 1, 'month', 'en')[5]).toBe('Lost\nof S: no purchase in the month');
    expect(periodHeaders('log', 3, 'month', 'en')[5]).toBe('Lost\nof S: no purchase in the last 3 months');
  });
  it('leaves no placeholder unfilled in any language', () => {
    for (const language of ['en', 'cs', 'pl', 'hu'] as const)
      for (const k of [1, 2, 5]) for (const h of periodHeaders('log', k, 'week', language)) expect(h, `${language} K=${k}`).not.toMatch(/[{}]/);
  });
});
