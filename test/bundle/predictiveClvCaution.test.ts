/**
 * When the customer-value model cannot be trusted, the lists a formula spills say so under them, as
 * the Customer value sheet does at its top: =CLV(…) of a log where only 30 of 40 customers bought
 * twice spills its customers, at-risk and lapsed lists with a "Caution: Only 30 of 40 customers
 * bought more than once…" row under them, in the spreadsheet's language — not numbers that read as
 * sound. Through the built dist/Code.js; the counts are those of the log written here.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';

/** 40 customers: the first 30 buy three times (a month apart), the last 10 once. */
function log(b: Bundle): { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] } {
  const ids: unknown[][] = [], dates: unknown[][] = [], amounts: unknown[][] = [];
  for (let c = 1; c <= 40; c++) {
    const times = c <= 30 ? 3 : 1;
    for (let k = 0; k < times; k++) {
      ids.push([`K${c}`]);
      dates.push([b.date(2024, 1 + ((c + 4 * k) % 12), 1 + (c % 27))]);
      amounts.push([10 + c + 3 * k]);
    }
  }
  return { ids, dates, amounts };
}

const CASES = [
  { locale: 'en_US', caution: 'Caution', warning: 'Warning', reason: 'Only 30 of 40 customers bought more than once', outputs: ['customers', 'at risk', 'lapsed'] },
  { locale: 'cs_CZ', caution: 'Pozor', warning: 'Upozornění', reason: 'Víckrát nakoupilo jen 30 z 40 zákazníků', outputs: ['zákazníci', 'ohrožení', 'ztracení'] },
  { locale: 'pl_PL', caution: 'Uwaga', warning: 'Ostrzeżenie', reason: '30 z 40', outputs: ['klienci', 'zagrożeni', 'utraceni'] },
  { locale: 'hu_HU', caution: 'Figyelem', warning: 'Figyelmeztetés', reason: '40', outputs: ['ügyfelek', 'veszélyeztetett', 'elvesztett'] },
];

describe('=CLV lists say under them when the model cannot be trusted', () => {
  for (const c of CASES) {
    it(c.locale, () => {
      const b = loadBundle({ locale: c.locale });
      const { ids, dates, amounts } = log(b);
      // The "model" output's Warning rows: the lists' caution rows repeat them, in the same words.
      const model = b.call('CLV', ids, dates, amounts, 12, 0.01, 'model') as unknown[][];
      const reasons = model.filter((r) => r[0] === c.warning).map((r) => r[1] as string);
      expect(reasons.some((r) => r.includes(c.reason)), JSON.stringify(model)).toBe(true);
      for (const output of c.outputs) {
        const grid = b.call('CLV', ids, dates, amounts, 12, 0.01, output) as unknown[][];
        const cautions = grid.filter((r) => typeof r[0] === 'string' && (r[0] as string).startsWith(`${c.caution}: `));
        expect(cautions.map((r) => r[0]), output).toEqual(reasons.map((reason) => `${c.caution}: ${reason}`));
        // Under the table, each alone in the first cell; every row above it a customer's.
        const first = grid.indexOf(cautions[0]);
        expect(grid.slice(first).every((r) => r.slice(1).every((v) => v === '')), output).toBe(true);
        expect(grid.slice(1, first).every((r) => typeof r[1] === 'number'), output).toBe(true);
      }
    });
  }
});
