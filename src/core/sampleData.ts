import { daysFromCivil, type DayNumber } from './calendar';

/**
 * A small made-up transaction log for the sidebar's "Insert a sample sheet": 80 customers acquired
 * over 2024, each buying again in later months with a chance that fades, and spending around a
 * personal average. The same rows every time (a fixed seed), so the sample and its summary can be
 * described and tested.
 */

export interface SampleOrder {
  customer: string;
  day: DayNumber;
  amount: number;
  /** 0 = online, 1 = store: the sample's segment column. */
  channel: 0 | 1;
}

export const SAMPLE_CUSTOMERS = 80;
export const SAMPLE_YEAR = 2024;

export function sampleOrders(): SampleOrder[] {
  let seed = 20240101;
  // Park–Miller minimal standard generator: tiny, and enough for made-up data.
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const orders: SampleOrder[] = [];
  for (let c = 0; c < SAMPLE_CUSTOMERS; c++) {
    const customer = `C${String(c + 1).padStart(3, '0')}`;
    const firstMonth = Math.floor((c * 12) / SAMPLE_CUSTOMERS) + 1;
    const channel: 0 | 1 = random() < 0.6 ? 0 : 1;
    const average = 20 + Math.round(random() * 80);
    let stay = 0.55 + random() * 0.35;
    for (let month = firstMonth; month <= 12; month++) {
      if (month > firstMonth && random() > stay) continue;
      const day = daysFromCivil(SAMPLE_YEAR, month, 1 + Math.floor(random() * 28));
      const amount = Math.round(average * (0.6 + random() * 0.8) * 100) / 100;
      orders.push({ customer, day, amount, channel });
      stay *= 0.93;
    }
  }
  return orders.sort((a, b) => a.day - b.day || a.customer.localeCompare(b.customer));
}
