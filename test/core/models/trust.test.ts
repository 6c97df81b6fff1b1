/**
 * The models say when they cannot be trusted: each condition provoked by a log built to cause it (trustLogs.ts),
 * and nothing said about a sound one.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/core/models/bgnbd';
import { fitGammaGamma } from '../../../src/core/models/gammagamma';
import { scoreCustomers } from '../../../src/core/models/scoreCustomers';
import { MIN_REPEAT_BUYERS, modelWarnings } from '../../../src/core/models/trust';
import { trustLog, type TrustCase } from './trustLogs';
import { render } from '../../../src/i18n';

function score(kind: TrustCase, seed = 1) {
  const rows = trustLog(kind, seed);
  return scoreCustomers({ customer: rows.map((r) => r.customer), day: rows.map((r) => r.day), amount: rows.map((r) => r.amount) });
}

const kinds = (kind: TrustCase, seed = 1) => score(kind, seed).summary.warnings.map((w) => w.kind);

describe('model warnings', () => {
  it('are empty for a log the models fit', () => {
    for (const seed of [1, 2, 3]) {
      const { summary } = score('sound', seed);
      expect(summary.warnings, `seed ${seed}`).toEqual([]);
      expect(summary.bgNbdConverged && summary.gammaGammaConverged).toBe(true);
    }
  });

  it('say the purchase model is at a boundary when everyone buys like clockwork and nobody leaves', () => {
    const { summary } = score('clockwork');
    expect(summary.bgNbdConverged).toBe(false);
    expect(kinds('clockwork')).toEqual(['purchaseModelAtBoundary']);
    expect(render(summary.warnings[0].message, 'en')).toBe(
      'The purchase model (BG/NBD) found no best fit: the data look like a limiting case of it (for example everyone buying at the same pace, or nobody dropping out), so P(alive), expected purchases and CLV are only approximate.',
    );
  });

  it('say the spend model is at a boundary when every customer spends alike', () => {
    const { summary } = score('sameSpend');
    expect(summary.gammaGammaConverged).toBe(false);
    expect(summary.q).toBeGreaterThan(1e5); // q, v → ∞: one spend rate for everybody
    expect(kinds('sameSpend')).toEqual(['spendModelAtBoundary']);
  });

  it('say when few customers bought more than once, with the counts', () => {
    const { summary, rfm } = score('fewRepeat');
    const repeat = Array.from(rfm.frequency).filter((x) => x > 0).length;
    expect(repeat).toBeLessThan(MIN_REPEAT_BUYERS);
    expect(repeat).toBeGreaterThanOrEqual(10); // enough to fit at all
    expect(kinds('fewRepeat')).toEqual(['fewRepeatBuyers']);
    expect(render(summary.warnings[0].message, 'en')).toBe(
      `Only ${repeat} of 400 customers bought more than once: how often customers buy and when they stop is estimated from few of them, so treat P(alive) and CLV as rough (100 or more repeat buyers are needed for a firm fit).`,
    );
  });

  it('say when spend grows with purchase frequency, which the spend model assumes away', () => {
    const { summary } = score('spendWithFrequency');
    expect(summary.spendFrequencyCorrelation).toBeGreaterThan(0.9);
    expect(kinds('spendWithFrequency')).toEqual(['spendFrequencyCorrelation']);
    expect(render(summary.warnings[0].message, 'en')).toMatch(/^Spend and purchase frequency are correlated \(ρ = 0\.9\d\): the spend model assumes they are independent/);
  });

  it('say when the spend model has no finite average (a heavy tail of big spenders)', () => {
    const { summary, customers } = score('heavyTail');
    expect(summary.q).toBeLessThan(1);
    expect(kinds('heavyTail')).toEqual(['spendModelNoMean']);
    // Customers without repeat spend then get no CLV at all.
    const oneTimers = Array.from(customers.purchases).flatMap((p, i) => (p === 1 ? [i] : []));
    expect(oneTimers.length).toBeGreaterThan(0);
    for (const i of oneTimers) expect(customers.clv[i]).toBeNaN();
  });

  it('tell a fit stopped early (not converged, not at a boundary) from one at a boundary', () => {
    const { rfm, bgNbd, gammaGamma, summary } = score('sound');
    const early = fitBgNbd(rfm, { maxIterations: 2 });
    expect(early.converged).toBe(false);
    expect(early.atBoundary).toBe(false);
    expect(modelWarnings(rfm, early, gammaGamma, summary.spendFrequencyCorrelation).map((w) => w.kind)).toEqual(['purchaseModelNotConverged']);
    const spendEarly = fitGammaGamma(rfm.spendCount, rfm.monetary, { maxIterations: 1 });
    expect(spendEarly.converged).toBe(false);
    expect(modelWarnings(rfm, bgNbd, spendEarly, summary.spendFrequencyCorrelation).map((w) => w.kind)).toEqual(['spendModelNotConverged']);
    expect(modelWarnings(rfm, bgNbd, gammaGamma, -0.45).map((w) => w.kind)).toEqual(['spendFrequencyCorrelation']);
  });
});
