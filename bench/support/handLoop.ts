// The floor for Sheets-shaped input: a hand-written loop over the cells, written for this one question
// (monthly cohorts in customers) and nothing else — no checks, no messages. A Map for the ids, one zone
// conversion per distinct date instant (Intl, cached in a Map), a customers × months bitmap. Written
// independently of src/ so that its matrix is a second opinion.
import { cellKey, monthLabel, type CohortCounts } from './cohortCounts';

type Range = readonly (readonly unknown[])[];

export function handLoopCohorts(ids: Range, dates: Range, zone: string): CohortCounts {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric' });
  const index = new Map<unknown, number>();
  const monthOf = new Map<number, number>();
  const rows = ids.length;
  const customer = new Int32Array(rows);
  const month = new Int32Array(rows);
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  for (let i = 0; i < rows; i++) {
    const id = ids[i][0];
    let c = index.get(id);
    if (c === undefined) {
      c = index.size;
      index.set(id, c);
    }
    const t = (dates[i][0] as Date).getTime();
    let m = monthOf.get(t);
    if (m === undefined) {
      let y = 0;
      let mo = 0;
      for (const p of parts.formatToParts(t)) {
        if (p.type === 'year') y = Number(p.value);
        else if (p.type === 'month') mo = Number(p.value);
      }
      m = y * 12 + mo - 1;
      monthOf.set(t, m);
    }
    customer[i] = c;
    month[i] = m;
    if (m < minMonth) minMonth = m;
    if (m > maxMonth) maxMonth = m;
  }
  const customers = index.size;
  const months = maxMonth - minMonth + 1;
  const first = new Int32Array(customers).fill(0x7fffffff);
  for (let i = 0; i < rows; i++) if (month[i] < first[customer[i]]) first[customer[i]] = month[i];
  const seen = new Uint8Array(customers * months);
  const counts = new Int32Array(months * months);
  for (let i = 0; i < rows; i++) {
    const c = customer[i];
    const slot = c * months + month[i] - minMonth;
    if (seen[slot]) continue;
    seen[slot] = 1;
    counts[(first[c] - minMonth) * months + month[i] - first[c]]++;
  }
  const out: CohortCounts = new Map();
  for (let c = 0; c < months; c++) {
    for (let k = 0; k < months - c; k++) {
      const n = counts[c * months + k];
      if (n !== 0) out.set(cellKey(monthLabel(minMonth + c), k), n);
    }
  }
  return out;
}
