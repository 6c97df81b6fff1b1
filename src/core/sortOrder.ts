/**
 * The order that sorts a column of numbers, without a comparator call per comparison: each double's bits
 * are made into an unsigned key that orders like the number (sign bit flipped for positives, every bit
 * for negatives) and the row indexes are radix-sorted by it, 16 bits a pass, least significant first.
 * Each pass is stable, so equal numbers keep their row order. −0 sorts as 0; NaN must not occur.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/** Row indexes 0 … n−1 in ascending order of `values` (ties in row order). */
export function ascendingOrder(values: ArrayLike<number>): Int32Array {
  return radixOrder(values, false);
}

/** Row indexes 0 … n−1 in descending order of `values` (ties in row order). */
export function descendingOrder(values: ArrayLike<number>): Int32Array {
  return radixOrder(values, true);
}

function radixOrder(values: ArrayLike<number>, descending: boolean): Int32Array {
  const n = values.length;
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = (descending ? -values[i] : values[i]) + 0; // + 0 turns −0 into 0
  const words = new Uint32Array(bits.buffer); // little-endian: low word 2i, high word 2i + 1
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1];
    if (high & 0x80000000) {
      words[2 * i] = ~words[2 * i];
      words[2 * i + 1] = ~high;
    } else {
      words[2 * i + 1] = high | 0x80000000;
    }
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Int32Array(n);
  const count = new Int32Array(BUCKETS);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * DIGIT_BITS;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[2 * i + word] >>> shift) & DIGIT_MASK]++;
    if (count[(words[word] >>> shift) & DIGIT_MASK] === n) continue; // every key has this digit
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[count[(words[2 * i + word] >>> shift) & DIGIT_MASK]++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}
