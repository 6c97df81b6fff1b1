// Customer-value models: the CDNOW log (69,659 rows, 23,570 customers) with the calibration period of the
// published analyses (ending 1997-09-30), then a synthetic 50k-customer log simulated from known parameters.
// Times are for scoreCustomers (RFM + BG/NBD fit + Gamma-Gamma fit + scoring), file parsing shown separately.
import { daysFromCivil } from '../src/core/calendar';
import { bgNbdConditionalExpectedPurchases } from '../src/core/models/bgnbd';
import { summarizeRfm } from '../src/core/models/rfm';
import { scoreCustomers, type CustomerValueResult } from '../src/core/models/scoreCustomers';
import { render } from '../src/i18n';
import { CDNOW_CALIBRATION_END, parseCdnowLog, readCdnowLogText } from '../test/core/models/cdnowData';
import { betaVariate, exponentialVariate, gammaVariate, seededUniform } from '../test/core/models/random';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** First (cold, as in a fresh Apps Script execution) and median warm time of `fn`. */
function time<T>(fn: () => T): { cold: number; warm: number; result: T } {
  let start = performance.now();
  const result = fn();
  const cold = performance.now() - start;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return { cold, warm: median(runs), result };
}

const f = (v: number, digits = 3) => v.toFixed(digits);

function printFit({ summary, bgNbd, gammaGamma }: CustomerValueResult): void {
  console.log(
    `  BG/NBD      r=${f(summary.r)} alpha=${f(summary.alpha)} a=${f(summary.a)} b=${f(summary.b)}  ` +
      `LL=${f(summary.bgNbdLogLikelihood, 1)}  ${bgNbd.iterations} iterations, converged=${summary.bgNbdConverged}`,
  );
  console.log(
    `  Gamma-Gamma p=${f(summary.p)} q=${f(summary.q)} v=${f(summary.v)}  ` +
      `LL=${f(summary.gammaGammaLogLikelihood, 1)}  ${gammaGamma.iterations} iterations, converged=${summary.gammaGammaConverged}` +
      `  (${summary.spendCustomers} customers, corr(x, m̄)=${f(summary.spendFrequencyCorrelation, 2)})`,
  );
}

function cdnow(): void {
  const readStart = performance.now();
  const text = readCdnowLogText();
  const readMs = performance.now() - readStart;
  const parse = time(() => parseCdnowLog(text));
  const log = parse.result;
  console.log(`CDNOW log: ${log.customer.length} rows; read ${f(readMs, 1)} ms, parse ${f(parse.cold, 1)} ms cold / ${f(parse.warm, 1)} ms warm`);

  for (const unit of ['weeks', 'days'] as const) {
    const scored = time(() => scoreCustomers(log, { endDay: CDNOW_CALIBRATION_END, unit, horizonMonths: 12, monthlyDiscountRate: 0.01 }));
    const { summary, customers } = scored.result;
    console.log(
      `scoreCustomers, unit ${unit}: ${summary.customers} customers, ${f(scored.cold, 1)} ms cold / ${f(scored.warm, 1)} ms warm (target ≤ 300 ms)`,
    );
    printFit(scored.result);
    if (unit === 'weeks') {
      const clvTotal = customers.clv.reduce((s, v) => s + v, 0);
      console.log(`  12-month CLV at 1%/month: total $${f(clvTotal, 0)}, mean $${f(clvTotal / summary.customers, 2)} per customer`);
      console.log(`  notes: ${summary.notes.map((n) => render(n, 'en')).join(' | ')}`);
      // Holdout: the log continues to 1998-06-30, 39 weeks after the calibration end.
      const full = summarizeRfm(log, { unit: 'weeks' });
      const { rfm, bgNbd } = scored.result;
      let observed = 0;
      let predicted = 0;
      for (let c = 0; c < rfm.customerCount; c++) {
        observed += full.transactionDays[c] - rfm.transactionDays[c];
        predicted += bgNbdConditionalExpectedPurchases(bgNbd.params, 39, rfm.frequency[c], rfm.recency[c], rfm.age[c]);
      }
      console.log(`  holdout 1997-10-01…1998-06-30: ${observed} repeat purchases observed, ${f(predicted, 0)} predicted`);
    }
  }
}

/** Day-level BG/NBD customers acquired over 90 days, observed for a year; Gamma-Gamma amounts. */
function synthetic(customers: number, seed: number) {
  const truth = { r: 0.5, alphaDays: 35, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 };
  const uniform = seededUniform(seed);
  const start = daysFromCivil(2024, 1, 1);
  const endDay = start + 365;
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (let c = 0; c < customers; c++) {
    const lambda = gammaVariate(truth.r, uniform) / truth.alphaDays;
    const dropOut = betaVariate(truth.a, truth.b, uniform);
    const nu = gammaVariate(truth.q, uniform) / truth.v;
    const first = start + Math.floor(uniform() * 90);
    let t = first;
    for (let k = 0; ; k++) {
      customer.push(c);
      day.push(Math.floor(t));
      amount.push(Math.round((gammaVariate(truth.p, uniform) / nu) * 100) / 100);
      if (k > 0 && uniform() < dropOut) break;
      t += exponentialVariate(lambda, uniform);
      if (t > endDay + 1) break;
    }
  }
  // Shuffle rows: the engine must not rely on order.
  for (let i = customer.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [customer[i], customer[j]] = [customer[j], customer[i]];
    [day[i], day[j]] = [day[j], day[i]];
    [amount[i], amount[j]] = [amount[j], amount[i]];
  }
  return { log: { customer: Int32Array.from(customer), day: Int32Array.from(day), amount: Float64Array.from(amount) }, endDay, truth };
}

function syntheticRun(): void {
  const { log, endDay, truth } = synthetic(50_000, 99);
  const scored = time(() => scoreCustomers(log, { endDay, unit: 'weeks', horizonMonths: 12, monthlyDiscountRate: 0.01 }));
  console.log(
    `\nSynthetic: ${log.customer.length} rows, ${scored.result.summary.customers} customers; scoreCustomers ${f(scored.cold, 1)} ms cold / ${f(scored.warm, 1)} ms warm`,
  );
  console.log(
    `  truth       r=${truth.r} alpha=${f(truth.alphaDays / 7)} (weeks) a=${truth.a} b=${truth.b}; p=${truth.p} q=${truth.q} v=${truth.v}`,
  );
  printFit(scored.result);
}

export async function run(): Promise<void> {
  cdnow();
  syntheticRun();
}
