/**
 * An independent reference for the BG/NBD survival of an active customer and the discounted months they stay
 * active: plain numerical integrals (no hypergeometric function, no Gauss–Legendre rule), for the tests of the
 * cost to serve in core and on the sheet.
 */

/**
 * E[g(p)] for p ~ Beta(a, β) by the midpoint rule after p = s^(K/a), K = 2⌈a⌉, which turns the weight
 * p^(a−1) dp into (K/a) s^(K−1) ds (no singularity at 0, smooth in s); numerator and normaliser use the same rule.
 */
export function betaExpectation(a: number, beta: number, g: (p: number) => number, n: number): number {
  const K = 2 * Math.ceil(a);
  let weighted = 0;
  let total = 0;
  for (let j = 0; j < n; j++) {
    const s = (j + 0.5) / n;
    const p = Math.pow(s, K / a);
    const w = Math.pow(s, K - 1) * Math.pow(1 - p, beta - 1);
    weighted += w * g(p);
    total += w;
  }
  return weighted / total;
}

/** S(t) = E over p ~ Beta(a, b+x) of ((α+T)/(α+T+pt))^(r+x): the λ-average in closed form, the p-average numerically. */
export function survivalByQuadrature(params: { r: number; alpha: number; a: number; b: number }, t: number, x: number, T: number, n = 100_000): number {
  const { r, alpha, a, b } = params;
  const k = alpha + T;
  return betaExpectation(a, b + x, (p) => Math.pow(k / (k + p * t), r + x), n);
}

/** Σ_i (1+d)^−i ∫_{i−1}^{i} f(t) dt (t in months) with Simpson's rule, `panels` (even) a month. */
export function discountedIntegral(f: (months: number) => number, horizon: number, d: number, panels = 64): number {
  let total = 0;
  for (let i = 1; i <= horizon; i++) {
    const h = 1 / panels;
    let s = f(i - 1) + f(i);
    for (let j = 1; j < panels; j++) s += (j % 2 ? 4 : 2) * f(i - 1 + j * h);
    total += ((s * h) / 3) / Math.pow(1 + d, i);
  }
  return total;
}


/**
 * Σ_{i=1..H} (1+d)^−i · (months active in month i) for a customer active now, as E over p ~ Beta(a, b+x) of the
 * time integral of ((α+T)/(α+T+pt))^(r+x), which has the closed form ∫₀ᵗ (k/(k+ps))^m ds = k/(p(m−1)) ·
 * (1 − (k/(k+pt))^(m−1)) (k = α+T, m = r+x): analytic in time, numerical only over p. Times in the model's unit,
 * `month` one month in it.
 */
export function discountedActiveMonthsByQuadrature(
  params: { r: number; alpha: number; a: number; b: number },
  x: number,
  T: number,
  horizon: number,
  d: number,
  month: number,
  n = 2000,
): number {
  const { r, alpha, a, b } = params;
  const k = alpha + T;
  const m = r + x;
  const integral = (p: number, t: number) =>
    Math.abs(m - 1) < 1e-12 ? (k / p) * Math.log1p((p * t) / k) : (k / (p * (m - 1))) * -Math.expm1(-(m - 1) * Math.log1p((p * t) / k));
  return betaExpectation(a, b + x, (p) => {
    let total = 0;
    let previous = 0;
    for (let i = 1; i <= horizon; i++) {
      const upTo = integral(p, i * month);
      total += (upTo - previous) / month / Math.pow(1 + d, i);
      previous = upTo;
    }
    return total;
  }, n);
}
