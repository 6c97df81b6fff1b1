import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lnGamma } from '../../../src/core/models/special';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(error <= tolerance)) {
    throw new Error(`expected ${expected}, got ${actual} (relative error ${error.toExponential(2)} > ${tolerance})`);
  }
}

describe('lnGamma', () => {
  it('matches ln√π at 0.5 and ln(√π/2) at 1.5', () => {
    expectRelative(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-12);
    expectRelative(lnGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-12);
  });

  it('matches ln((n−1)!) for n = 3..170', () => {
    let lnFactorial = 0; // ln((n−1)!)
    for (let n = 2; n <= 170; n++) {
      lnFactorial += Math.log(n - 1);
      if (n >= 3) expectRelative(lnGamma(n), lnFactorial, 1e-13);
    }
  });

  it('is exactly 0 at 1 and 2 and tiny near them', () => {
    expect(lnGamma(1)).toBe(0);
    expect(lnGamma(2)).toBe(0);
    // lnΓ(1+ε) = −γε + (π²/12)ε² + O(ε³): only absolute accuracy is possible next to a zero.
    const eps = 1e-6;
    expect(Math.abs(lnGamma(1 + eps) - (-0.5772156649015329 * eps + (Math.PI ** 2 / 12) * eps * eps))).toBeLessThan(1e-15);
  });

  it('uses reflection below 0.5: lnΓ(0.1), ln|Γ(−0.5)| = ln(2√π)', () => {
    expectRelative(lnGamma(0.1), 2.252712651734206, 1e-13);
    expectRelative(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-13);
  });

  it('matches 30-digit reference values (mpmath.loggamma) for non-integer and large arguments', () => {
    const reference: [number, number][] = [
      [3.7, 1.42807232666538812920049835255],
      [50.5, 146.519255490720627221891301049],
      [1234.25, 7548.77142234579595870255367572],
      [1e6 + 0.3, 12815508.7138006746925870368314],
    ];
    for (const [x, value] of reference) expectRelative(lnGamma(x), value, 1e-13);
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    const eulerGamma = 0.5772156649015329;
    expectRelative(digamma(1), -eulerGamma, 1e-14);
    expectRelative(digamma(0.5), -eulerGamma - 2 * Math.LN2, 1e-14);
    expectRelative(digamma(10), -eulerGamma + [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((s, k) => s + 1 / k, 0), 1e-14);
    expectRelative(digamma(-0.5), 0.03648997397857652, 1e-12);
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.05, 0.7, 3.3, 25, 400.5]) {
      const h = 1e-5 * Math.max(1, x);
      const numeric = (lnGamma(x + h) - lnGamma(x - h)) / (2 * h);
      expectRelative(digamma(x), numeric, 1e-7);
    }
  });
});

describe('hyp2f1', () => {
  const zs = [-50, -3, -0.9, -0.3, 0.1, 0.45, 0.5, 0.55, 0.8, 0.95, 0.999, 1 - 1e-9];

  it('2F1(1,1;2;z) = −ln(1−z)/z (c−a−b = 0, the degenerate case of the 1−z transformation)', () => {
    for (const z of zs) expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-10);
  });

  it('2F1(a,b;b;z) = (1−z)^−a', () => {
    for (const [a, b] of [
      [0.7, 1.3],
      [2.5, 0.4],
      [-1.5, 3.2],
      [0.243, 2.426],
    ]) {
      for (const z of zs) expectRelative(hyp2f1(a, b, b, z), Math.pow(1 - z, -a), 1e-10);
    }
  });

  it('2F1(1/2,1/2;3/2;z²) = arcsin(z)/z and 2F1(1/2,1;3/2;−z²) = arctan(z)/z', () => {
    for (const z of [0.1, 0.6, 0.9, 0.99, 0.99999]) expectRelative(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-10);
    for (const z of [0.1, 0.9, 3, 40]) expectRelative(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-10);
  });

  it('matches 30-digit reference values (mpmath.hyp2f1), including BG/NBD-like and near-integer c−a−b', () => {
    const reference: [number, number, number, number, number][] = [
      [2.3, 3.7, 12.5, 0.5, 1.4769448072142021],
      [2.3, 3.7, 12.5, 0.95, 2.4345411498699587],
      // the BG/NBD conditional expectation's 2F1(a+b−1−r, a−1; a+b+x−1; z) at the CDNOW estimates, x = 2 and 0
      [1.976, -0.207, 4.219, 0.47, 0.94845311921139563],
      [1.976, -0.207, 2.219, 0.999, 0.49566263959863666],
      // c−a−b = 1 − 3e-6 and z near 1: the extrapolated transformation
      [3.0142, 5.6553, 3.0142 + 5.6553 + 1 - 3e-6, 0.9999, 73.741577135694376],
      // c−a−b = 0 exactly (the complete elliptic integral K, 2F1(½,½;1;k²) = 2K(k)/π)
      [0.5, 0.5, 1.0, 0.97, 2.0090923909474561],
      // large parameters (a customer with hundreds of repeat purchases)
      [250.2, 0.8, 300.5, 0.7, 2.014437403949437],
    ];
    for (const [a, b, c, z, value] of reference) expectRelative(hyp2f1(a, b, c, z), value, 1e-10);
  });

  it('terminates for a non-positive integer a (a polynomial)', () => {
    // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const [b, c, z] = [1.7, 0.6, 0.93];
    expectRelative(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 1e-12);
  });

  it('is continuous across the switch from series to transformation at z = 0.9', () => {
    for (const [a, b, c] of [
      [0.243, 2.426, 2.219],
      [2.3, 3.7, 12.5],
      [1.55, -0.21, 4.1],
    ]) {
      const below = hyp2f1(a, b, c, 0.9);
      const above = hyp2f1(a, b, c, 0.9 + 1e-12);
      expectRelative(above, below, 1e-10);
    }
  });

  it('gives Gauss\'s value at z = 1 and rejects z > 1', () => {
    // 2F1(a,b;c;1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)); with a=1,b=1,c=3: Γ(3)Γ(1)/(Γ(2)Γ(2)) = 2
    expectRelative(hyp2f1(1, 1, 3, 1), 2, 1e-13);
    expect(() => hyp2f1(1, 1, 3, 1.5)).toThrow(RangeError);
  });
});
