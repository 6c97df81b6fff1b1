/**
 * A formula filled down a column (=RETENTION(B2; C2; D2) in every row) meets blank rows below the
 * data, as a spilled range does. docs/functions.md: "A row whose required arguments are all blank
 * gives a blank result"; the filled-down form gets the same blank (Sheets passes "" for an empty
 * cell), while an argument left out of the formula or only some blank cells stay errors.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

describe('a formula filled down over blank rows', () => {
  const b = loadBundle();
  const errorOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return null;
  };
  it('gives a blank cell when every required cell is blank', () => {
    expect(b.call('RETENTION', '', '', '')).toBe('');
    expect(b.call('CHURN', '', '')).toBe('');
    expect(b.call('CHURN', '', '', '')).toBe('');
    expect(b.call('CLV', '', '')).toBe('');
    expect(b.call('CLV', '', '', '')).toBe('');
    // A one-cell range is how Sheets may pass B7 too.
    expect(b.call('RETENTION', [['']], [['']], [['']])).toBe('');
  });
  it('still names the blank argument when only some are blank', () => {
    expect(errorOf(() => b.call('RETENTION', 100, '', 10))).toBe('RETENTION: end is blank');
    expect(errorOf(() => b.call('CLV', '', 0.1))).toBe('CLV: value_per_period is blank');
  });
  it('still computes the worked examples in the rows with data', () => {
    expect(b.call('RETENTION', 1000, 800, 200)).toBeCloseTo(0.6, 12);
    expect(b.call('CHURN', 100, 5)).toBeCloseTo(0.05, 12);
  });
});
