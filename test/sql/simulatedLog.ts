/** A log simulated from the customer-value models' own story, for the SQL engine's customer value tests. */
import { mulberry32 } from '../core/cohorts/generate';
import type { RefLogRow } from '../core/cohorts/reference';

// A log simulated from the models' own story (purchases at a Poisson rate until a customer drops out
// after some purchase; rates Gamma, drop-out Beta across customers; spend lognormal around a level per
// customer), over two years from 2022-01-01: then the fits are interior and the lists are long. Some rows
// are refunds (right after a purchase, or before a customer's first), some have no amount, ids are
// numbers and text, segments include blanks, and instants fall near midnight in the zone.
export function simulate(seed: number, customers: number): RefLogRow[] {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const gamma = (shape: number) => {
    // Marsaglia–Tsang, with the shape < 1 boost.
    const k = shape < 1 ? shape + 1 : shape;
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    let v = 0;
    for (;;) {
      const x = normal();
      v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(1 - rand()) < 0.5 * x * x + d - d * v + d * Math.log(v)) break;
    }
    return shape < 1 ? d * v * rand() ** (1 / shape) : d * v;
  };
  const start = Date.UTC(2022, 0, 1);
  const span = 730;
  const rows: RefLogRow[] = [];
  for (let c = 0; c < customers; c++) {
    const id: string | number = c % 3 === 0 ? 1000 + c : `C${String(c).padStart(4, '0')}`;
    const rate = gamma(0.9) / 12; // purchases per day
    const drop = 0.15 + 0.5 * rand();
    const spend = 30 * Math.exp(0.6 * normal());
    const segment = ['A', 'B', 'B', '', 'VIP'][c % 5];
    let day = Math.floor(rand() * 180);
    const at = (d: number) => new Date(start + d * 86_400_000 + (rand() < 0.3 ? 22.9 : 10 + 4 * rand()) * 3_600_000);
    if (c % 11 === 4) rows.push({ id, date: at(day - 2), amount: -9.5, segment: 'B' });
    for (;;) {
      const amount = (c + day) % 37 === 0 ? '' : Math.round(spend * (0.6 + 0.8 * rand()) * 100) / 100;
      rows.push({ id, date: at(day), amount, segment: rand() < 0.1 ? 'A' : segment });
      if (typeof amount === 'number' && rand() < 0.05) rows.push({ id, date: at(day + 1), amount: -Math.round(amount * 50) / 100, segment });
      if (rand() < drop) break;
      day += Math.max(1, Math.round(-Math.log(1 - rand()) / rate));
      if (day >= span) break;
    }
  }
  return rows.sort((a, b) => a.date.getTime() - b.date.getTime() || 0);
}
// Rows neither path can use: each is skipped, counted and named by reason (blank id, blank date).
export const BAD_ROWS: RefLogRow[] = [
  { id: '', date: new Date(Date.UTC(2022, 5, 1, 12)), amount: 12, segment: 'A' },
  { id: 'C9999', date: null as unknown as Date, amount: 7, segment: 'B' },
];
