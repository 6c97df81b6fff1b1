/**
 * The retention-rate family on counts. Inputs are already-validated numbers; the adapters in
 * src/functions check them and say which argument and row is wrong.
 *
 * CRR = (E − N) / S, churn = lost / S = 1 − CRR. Never (S − E) / S: that counts new customers as
 * retained and is wrong as soon as anyone joins.
 */

export function retentionRate(start: number, end: number, newCustomers: number): number {
  return (end - newCustomers) / start;
}

export function churnFromLost(start: number, lost: number): number {
  return lost / start;
}

/** Churn from S, E and N: the customers of S not retained, (S − (E − N)) / S. */
export function churnFromCounts(start: number, end: number, newCustomers: number): number {
  return (start - (end - newCustomers)) / start;
}

/**
 * Present value of a customer who pays `value` at the start of every period and leaves with
 * probability `churn` after each one, discounted at `discount` per period:
 * Σ value·(1−churn)^t/(1+discount)^t = value·(1+discount)/(discount+churn).
 */
export function formulaClv(value: number, churn: number, discount = 0): number {
  return (value * (1 + discount)) / (discount + churn);
}
