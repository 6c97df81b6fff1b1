// A seeded synthetic transaction log as plain columns, the one source every contestant of a race reads:
// the bundle and the hand-written loop get it as Sheets-shaped cells (sheetCells.ts), DuckDB as a table
// and pandas as a DataFrame. rows/10 customers over three years; each customer's first purchase, then
// purchases on later days, skewed towards the first months; rows in random order.
import { mulberry32 } from '../../tools/seededRandom';

export const BENCH_ZONE = 'Europe/Prague';
/** 2021-01-01 as a day number (days since 1970-01-01). */
export const FIRST_DAY = 18628;
export const SPAN_DAYS = 3 * 365;

export interface LogData {
  rows: number;
  customers: number;
  /** Customer id per row, 1 … customers. */
  id: Int32Array;
  /** Calendar day per row, FIRST_DAY … FIRST_DAY + SPAN_DAYS − 1. */
  day: Int32Array;
  /** Amount per row, whole cents. */
  amount: Float64Array;
}

export function generateLog(rows: number, seed = rows): LogData {
  const rand = mulberry32(seed);
  const customers = Math.max(1, Math.floor(rows / 10));
  const joined = new Int32Array(customers);
  for (let c = 0; c < customers; c++) joined[c] = Math.floor(rand() * SPAN_DAYS);
  const id = new Int32Array(rows);
  const day = new Int32Array(rows);
  const amount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = i < customers ? i : Math.floor(rand() * customers);
    const later = i < customers ? 0 : Math.floor(rand() * rand() * (SPAN_DAYS - joined[c]));
    id[i] = c + 1;
    day[i] = FIRST_DAY + joined[c] + later;
    amount[i] = Math.round(rand() * 20000) / 100;
  }
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const [ci, di, ai] = [id[i], day[i], amount[i]];
    id[i] = id[j];
    day[i] = day[j];
    amount[i] = amount[j];
    id[j] = ci;
    day[j] = di;
    amount[j] = ai;
  }
  return { rows, customers, id, day, amount };
}

/** The text form of an id, as a CRM export writes it: "C000123". */
export function textId(id: number): string {
  return `C${String(id).padStart(6, '0')}`;
}
