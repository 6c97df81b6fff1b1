/**
 * =COHORTS says when its last period is partial, through the built dist/Code.js: a note row right
 * under the matrix (every matrix cell stays a number or blank), in the spreadsheet's language, for a
 * transaction log and a customer table, and exactly when =RETENTION_BY_PERIOD's Partial column is
 * TRUE. The partial period is found here from the dates (test/support/partialNotes.ts, its own
 * calendar), never from the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { civilDayIn } from '../support/periodSets';
import { partialNoteRow, partialPeriod, periodAround, type Civil, type NoteLanguage, type NoteUnit } from '../support/partialNotes';
import { mulberry32 } from '../../tools/seededRandom';

const DAY = 86_400_000;
const ordinal = ([y, m, d]: Civil) => Math.round(Date.UTC(y, m - 1, d) / DAY);
const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';
const latest = (days: Civil[]): Civil => days.reduce((a, d) => (ordinal(d) > ordinal(a) ? d : a));

interface LogRow {
  id: string;
  date: Date;
  amount: number;
}

/** A seeded log from 2022-11 to mid-2024: customers buying every few days to every few months. */
function seededLog(seed: number, customers: number): LogRow[] {
  const rand = mulberry32(seed);
  const from = Date.UTC(2022, 10, 7);
  const span = 600 * DAY;
  const rows: LogRow[] = [];
  for (let i = 0; i < customers; i++) {
    const gap = 2 + rand() * rand() * 120;
    let t = from + Math.floor(rand() * span);
    for (let v = 1 + Math.floor(rand() * 8); v > 0 && t < from + span; v--) {
      rows.push({ id: `C${i}`, date: new Date(t), amount: Math.round(rand() * 9000) / 100 + 1 });
      t += Math.floor((0.3 + rand() * 1.7) * gap * DAY);
    }
  }
  return rows;
}

/** The matrix rows: those whose first cell is a cohort's first day. Everything after them is notes. */
function split(grid: unknown[][]): { body: unknown[][]; notes: unknown[][] } {
  let n = 1;
  while (n < grid.length && isDate(grid[n][0])) n++;
  return { body: grid.slice(1, n), notes: grid.slice(n) };
}

/** Periods from `from` to `to`, both first days of periods of `unit`. */
function offsetBetween(from: Civil, to: Civil, unit: NoteUnit): number {
  if (unit === 'week' || unit === 'week sunday') return Math.round((ordinal(to) - ordinal(from)) / 7);
  const months = (to[0] - from[0]) * 12 + (to[1] - from[1]);
  return unit === 'month' ? months : unit === 'quarter' ? months / 3 : months / 12;
}

describe('=COHORTS on a transaction log marks a partial last period', () => {
  const zone = 'Europe/Prague';
  const b = loadBundle({ timeZone: zone });
  const base = seededLog(7, 400);
  const lastDay = latest(base.map((r) => civilDayIn(r.date, zone)));

  for (const unit of ['week', 'week sunday', 'month', 'quarter', 'year'] as const) {
    // The log as it is (its last day inside its period), and with one more purchase on the last day of that period.
    const { last } = periodAround(lastDay, unit);
    const cases: { name: string; rows: LogRow[] }[] = [
      { name: 'ending inside the period', rows: base },
      { name: 'ending on the period\'s last day', rows: [...base, { id: 'C1', date: b.date(...last), amount: 10 }] },
    ];
    for (const { name, rows } of cases) {
      it(`by ${unit}, ${name}: the note exactly when the period is partial, agreeing with RETENTION_BY_PERIOD`, () => {
        const until = latest(rows.map((r) => civilDayIn(r.date, zone)));
        const partial = partialPeriod(until, unit);
        // The two cases must differ, or the test would not tell a note from none.
        expect(partial === null).toBe(name !== 'ending inside the period');
        const ids = rows.map((r) => [r.id]);
        const dates = rows.map((r) => [r.date]);
        const amounts = rows.map((r) => [r.amount]);
        for (const [show, mode, lapse] of [['retention', 'in', 1], ['customers', 'in', 3], ['revenue', 'in or after', ''], ['customers', 'in or after', 1]] as const) {
          const at = `${show}, ${mode}, K = ${lapse || 1}`;
          const grid = b.call('COHORTS', ids, dates, unit, show, amounts, mode, lapse) as unknown[][];
          const { body, notes } = split(grid);
          expect(body.length, at).toBeGreaterThan(0);
          // Every matrix cell stays a number or blank, for formulas built on the spill.
          for (const row of body) for (const v of row.slice(1)) expect(typeof v === 'number' || v === '', at).toBe(true);
          if (partial === null) {
            expect(notes, at).toEqual([]);
            continue;
          }
          expect(notes, at).toEqual([partialNoteRow(grid[0].length, 'log', 'en', unit, partial, until)]);
          // What the note says: each cohort row's last filled cell is the partial period's.
          for (const row of body) {
            const filled = row.slice(2).reduce<number>((k, v, i) => (v === '' ? k : i), -1);
            expect(filled, at).toBe(offsetBetween(civilDayIn(row[0] as Date, zone), partial, unit));
          }
        }
        // =RETENTION_BY_PERIOD calls the same period partial, and only that one.
        const periods = b.call('RETENTION_BY_PERIOD', ids, dates, unit, amounts, 3) as unknown[][];
        const flag = (periods[0] as string[]).indexOf('Partial');
        const rowsOf = periods.slice(1);
        expect(rowsOf.slice(0, -1).every((r) => r[flag] === false)).toBe(true);
        expect(rowsOf[rowsOf.length - 1][flag]).toBe(partial !== null);
        expect(civilDayIn(rowsOf[rowsOf.length - 1][0] as Date, zone)).toEqual(periodAround(until, unit).first);
      });
    }
  }

  it('the partial note comes first under the matrix, then the note on skipped rows', () => {
    const rows = base.slice(0, 200);
    const until = latest(rows.map((r) => civilDayIn(r.date, zone)));
    const partial = partialPeriod(until, 'month');
    expect(partial).not.toBeNull();
    const grid = b.call('COHORTS', [['Customer'], ...rows.map((r) => [r.id]), ['x']], [['Date'], ...rows.map((r) => [r.date]), ['soon']], 'month', 'customers') as unknown[][];
    const { notes } = split(grid);
    expect(notes.length).toBe(2);
    expect(notes[0]).toEqual(partialNoteRow(grid[0].length, 'log', 'en', 'month', partial!, until));
    expect(notes[1][0]).toBe(`Row 1 of the range ("Customer", "Date") was read as a header and left out. Skipped 1 row: 1 row whose value in dates is not a date (row ${rows.length + 2} of the range, e.g. "soon").`);
  });

  for (const [locale, language] of [['cs_CZ', 'cs'], ['pl_PL', 'pl'], ['hu_HU', 'hu'], ['en_GB', 'en']] as const) {
    it(`in a ${locale} spreadsheet the note is in ${language}`, () => {
      const local = loadBundle({ timeZone: zone, locale });
      const grid = local.call('COHORTS', base.map((r) => [r.id]), base.map((r) => [r.date]), 'quarter') as unknown[][];
      const partial = partialPeriod(lastDay, 'quarter');
      expect(partial).not.toBeNull();
      expect(split(grid).notes).toEqual([partialNoteRow(grid[0].length, 'log', language as NoteLanguage, 'quarter', partial!, lastDay)]);
    });
  }
});

describe('=COHORTS on a customer table marks a partial last period', () => {
  const zone = 'America/Los_Angeles';
  const b = loadBundle({ timeZone: zone });

  /** A seeded table of signups in 2023 and cancellations up to mid-2024, all in the past. */
  function table(seed: number, n: number): { signups: unknown[][]; cancels: unknown[][]; days: Civil[] } {
    const rand = mulberry32(seed);
    const signups: unknown[][] = [];
    const cancels: unknown[][] = [];
    const days: Civil[] = [];
    for (let i = 0; i < n; i++) {
      const s = Math.round(Date.UTC(2023, 0, 1) / DAY) + Math.floor(rand() * 365);
      const c = rand() < 0.5 ? s + Math.floor(rand() * 400) : null;
      const civilOf = (n: number): Civil => {
        const t = new Date(n * DAY);
        return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
      };
      signups.push([b.date(...civilOf(s))]);
      cancels.push([c === null ? '' : b.date(...civilOf(c))]);
      days.push(civilOf(s));
      if (c !== null) days.push(civilOf(c));
    }
    return { signups, cancels, days };
  }

  function expectAgreement(bundle: Bundle, signups: unknown[][], cancels: unknown[][], unit: NoteUnit, language: NoteLanguage, until: Civil): void {
    const partial = partialPeriod(until, unit);
    const grid = bundle.call('COHORTS', signups, cancels, unit, 'customers') as unknown[][];
    const { body, notes } = split(grid);
    expect(body.length).toBeGreaterThan(0);
    expect(notes).toEqual(partial === null ? [] : [partialNoteRow(grid[0].length, 'table', language, unit, partial, until)]);
    const periods = bundle.call('RETENTION_BY_PERIOD', signups, cancels, unit) as unknown[][];
    const last = periods[periods.length - 1];
    expect(last[11]).toBe(partial !== null);
    expect(civilDayIn(last[0] as Date, zone)).toEqual(periodAround(until, unit).first);
  }

  it('dates all in the past: partial when the latest signup or cancel date is inside its period', () => {
    const { signups, cancels, days } = table(19, 250);
    const until = latest(days);
    expect(partialPeriod(until, 'month')).not.toBeNull();
    for (const unit of ['week', 'month', 'quarter'] as const) expectAgreement(b, signups, cancels, unit, 'en', until);
    // A cancellation on the last day of that month completes it: no note by month.
    const { last } = periodAround(until, 'month');
    const complete = { signups: [...signups, [b.date(2023, 3, 1)]], cancels: [...cancels, [b.date(...last)]] };
    expect(partialPeriod(last, 'month')).toBeNull();
    expectAgreement(b, complete.signups, complete.cancels, 'month', 'en', last);
  });

  it('a cancellation still to come: looked at as of today, and today\'s period is partial unless today is its last day', () => {
    const { signups, cancels } = table(31, 120);
    const future = { signups: [...signups, [b.date(2024, 2, 1)]], cancels: [...cancels, [b.date(new Date().getUTCFullYear() + 2, 1, 15)]] };
    const today = civilDayIn(new Date(), zone);
    for (const unit of ['month', 'year'] as const) expectAgreement(b, future.signups, future.cancels, unit, 'en', today);
    expect(partialPeriod(today, 'year') === null).toBe(today[1] === 12 && today[2] === 31);
  });

  for (const [locale, language] of [['cs_CZ', 'cs'], ['pl_PL', 'pl'], ['hu_HU', 'hu']] as const) {
    it(`in a ${locale} spreadsheet the table's note is in ${language}`, () => {
      const local = loadBundle({ timeZone: zone, locale });
      const { signups, cancels, days } = table(43, 80);
      expectAgreement(local, signups, cancels, 'month', language, latest(days));
    });
  }
});

describe('the docs quote the note =COHORTS writes', () => {
  it('docs/functions.md\'s example is the English note for data ending on Jun 12, 2024', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'functions.md'), 'utf8').replace(/\s+/g, ' ');
    const quoted = /"(The last period \(month from Jun 1, 2024\) is partial: [^"]*)"/.exec(text);
    expect(quoted).not.toBeNull();
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    const grid = b.call('COHORTS', [['a'], ['b'], ['a']], [[b.date(2024, 5, 3)], [b.date(2024, 6, 2)], [b.date(2024, 6, 12)]], 'month') as unknown[][];
    expect(grid[grid.length - 1][0]).toBe(quoted![1]);
  });
});
