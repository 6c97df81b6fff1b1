// Special functions the customer-value models need: log-gamma, digamma and the Gauss hypergeometric 2F1.

const LN_SQRT_2PI = 0.9189385332046728; // ln(√(2π))

// Lanczos approximation, g = 7, 9 terms (Godfrey's coefficients): Γ relative error ~1e-15 for x ≥ 0.5.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** sin(πx), exact at integers and accurate for large |x| (reduces the argument before multiplying by π). */
export function sinPi(x: number): number {
  const r = x - 2 * Math.round(x / 2); // r in [-1, 1], same sin(π·) as x
  if (r === 0 || r === 1 || r === -1) return 0;
  if (r > 0.5) return Math.sin(Math.PI * (1 - r));
  if (r < -0.5) return Math.sin(Math.PI * (-1 - r));
  return Math.sin(Math.PI * r);
}

/**
 * ln|Γ(x)|. Relative error ~1e-15 away from the zeros of lnΓ at x = 1 and 2 (absolute error there ~1e-16);
 * +Infinity at the poles x = 0, −1, −2, …
 */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    const s = sinPi(x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  const y = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Sign of Γ(x): +1 for x > 0, alternating between the poles for x < 0; 0 at the poles. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** Digamma ψ(x) = d/dx lnΓ(x). Absolute error ~1e-15 for x ≥ 1. */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // Reflection: ψ(1−x) − ψ(x) = π cot(πx).
    return digamma(1 - x) - Math.PI * Math.cos(Math.PI * x) / sinPi(x);
  }
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  // Asymptotic series; at x ≥ 10 the first omitted term is below 1e-17.
  const inv2 = 1 / (x * x);
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return result + Math.log(x) - 0.5 / x - series;
}

/**
 * Γ(x) itself for |x| ≤ 50, relative error a few ulp. Used where Γ values are combined with cancellation
 * (the 1−z transformation of 2F1), since exp(lnΓ) carries lnΓ's absolute error into a relative one.
 */
function gammaModerate(x: number): number {
  if (x < 0.5) {
    const s = sinPi(x);
    return s === 0 ? Infinity : Math.PI / (s * gammaModerate(1 - x));
  }
  const y = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, y + 0.5) * Math.exp(-t) * sum;
}

const GAMMA_DIRECT_LIMIT = 50;

/**
 * e^logFactor · Γ(num₁)·Γ(num₂)… / (Γ(den₁)·Γ(den₂)…); 0 when a denominator is at a pole. Log space for large
 * arguments, where the factor is folded in before exponentiating (a huge ratio times a tiny power is finite).
 */
function gammaRatio(numerators: number[], denominators: number[], logFactor = 0): number {
  for (const d of denominators) if (gammaSign(d) === 0) return 0; // 1/Γ(pole) = 0
  const all = numerators.concat(denominators);
  if (all.every((v) => Math.abs(v) <= GAMMA_DIRECT_LIMIT)) {
    let value = Math.exp(logFactor);
    for (const n of numerators) value *= gammaModerate(n);
    for (const d of denominators) value /= gammaModerate(d);
    return value;
  }
  let sign = 1;
  let log = logFactor;
  for (const d of denominators) {
    sign *= gammaSign(d);
    log -= lnGamma(d);
  }
  for (const n of numerators) {
    sign *= gammaSign(n);
    log += lnGamma(n);
  }
  return sign * Math.exp(log);
}

const SERIES_EPSILON = 1e-17;
const SERIES_MAX_TERMS = 10_000_000;

/** The defining power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, summed until the estimated tail is negligible. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  const absZ = Math.abs(z);
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    term *= ratio * z;
    if (term === 0) return sum; // a or b is a non-positive integer: the series terminated
    sum += term;
    // The term ratio tends to z; once below 1, the tail after this term is bounded by a geometric series.
    const rho = Math.max(Math.abs(ratio * z), absZ);
    if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= SERIES_EPSILON * Math.abs(sum)) return sum;
    if (!Number.isFinite(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): series did not converge in ${SERIES_MAX_TERMS} terms`); // i18n-exempt: a programming error (RangeError), not a user message
}

/**
 * The power series is used up to this z (at most a few hundred terms for moderate parameters, and no
 * cancellation when the terms keep one sign). Above it the 1−z transformation is used: with 1−z < 0.1 its
 * two terms are far apart in size, whereas nearer z = 0.5 they can cancel to 1e-8 when |c−a−b| is large.
 */
const SERIES_LIMIT = 0.9;
/** c−a−b within this distance of an integer makes the 1−z transformation's two terms cancel (both ~1/distance). */
const NEAR_INTEGER = 2.5e-5;
/** In that near-integer case the series is still affordable (a few thousand terms) up to this z. */
const NEAR_INTEGER_SERIES_LIMIT = 0.99;

/** A&S 15.3.6: 2F1 at z in terms of two series in 1−z; requires c−a−b not an integer. */
function hyp2f1OneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const m = c - a - b;
  const first = gammaRatio([c, m], [c - a, c - b]);
  const second = gammaRatio([c, -m], [a, b], m * Math.log(w));
  const t1 = first === 0 ? 0 : first * hyp2f1Series(a, b, 1 - m, w);
  const t2 = second === 0 ? 0 : second * hyp2f1Series(c - a, c - b, 1 + m, w);
  return t1 + t2;
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real z ≤ 1 (z = 1 only when c − a − b > 0).
 *
 * - z < 0: Pfaff transformation to z/(z−1) ∈ (0, 1).
 * - 0 ≤ z ≤ 0.9: the power series.
 * - 0.9 < z < 1: the linear transformation to 1−z (A&S 15.3.6). When c−a−b is within 2.5e-5 of an integer
 *   that formula cancels catastrophically, so the series is used up to z = 0.99, and above that the
 *   transformation is evaluated at c ± h, c ± 2h, c ± 3h (h = 1e-4, away from the integer) and
 *   extrapolated to h → 0 (Richardson, error O(h⁶)).
 *
 * Relative accuracy is ~1e-12 or better for moderate parameters; c must not be a non-positive integer.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (a !== a || b !== b || c !== c || z !== z) return NaN; // any NaN (no array per call: this runs per customer-month)
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c = ${c} is a non-positive integer`); // i18n-exempt: a programming error (RangeError), not a user message
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z > 1) throw new RangeError(`hyp2f1: z = ${z} > 1 is outside the real domain`); // i18n-exempt: a programming error (RangeError), not a user message
  if (z === 1) {
    if (c - a - b <= 0) return Infinity;
    return gammaRatio([c, c - a - b], [c - a, c - b]); // Gauss's theorem
  }
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)); keep whichever upper parameter makes the new one smaller.
    const w = z / (z - 1);
    if (Math.abs(c - b) <= Math.abs(c - a)) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w);
    return Math.pow(1 - z, -b) * hyp2f1(c - a, b, c, w);
  }
  if (z <= SERIES_LIMIT) return hyp2f1Series(a, b, c, z);
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) >= NEAR_INTEGER) return hyp2f1OneMinusZ(a, b, c, z);
  if (z <= NEAR_INTEGER_SERIES_LIMIT) return hyp2f1Series(a, b, c, z);
  // ₂F₁ is analytic in c: sample it where the transformation is well conditioned. The symmetric means
  // D(k) = f + c₂(kh)² + c₄(kh)⁴ + … are combined with weights 1.5, −0.6, 0.1, which cancel the h² and h⁴ terms.
  const h = 4 * NEAR_INTEGER;
  const mean = (k: number) => (hyp2f1OneMinusZ(a, b, c + k * h, z) + hyp2f1OneMinusZ(a, b, c - k * h, z)) / 2;
  return 1.5 * mean(1) - 0.6 * mean(2) + 0.1 * mean(3);
}
