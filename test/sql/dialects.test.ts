/**
 * Each dialect primitive, rendered and evaluated: BigQuery's on Google's ZetaSQL (the reference
 * implementation of GoogleSQL), DuckDB's on DuckDB, both against values computed here with Intl and
 * plain arithmetic. Then the whole query text: free of what BigQuery rejects or reads differently,
 * and accepted by ZetaSQL's analyzer in every combination of settings and column types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, cohortQuery, customerQuery, duckDb, periodExpression, rfmQuery, tableQuery, type ColumnType, type SqlDialect, type SqlLogColumns } from '../../src/core/sql';
import { valueCandidatesQuery, valueGroupsQuery } from '../../src/core/sql/valueQuery';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { zonedMidnight } from './zonedMidnight';

let zeta: ZetaSql;
let duck: DuckDb;
beforeAll(async () => {
  [zeta, duck] = await Promise.all([ZetaSql.start(), DuckDb.open()]);
});
afterAll(() => {
  zeta?.stop();
  duck?.close();
});

/** Literals of each type as each dialect writes them. */
function literal(d: SqlDialect, type: ColumnType, text: string): string {
  if (d.name === 'bigquery') return type === 'string' ? bigQuery.string(text) : `${type.toUpperCase()} '${text}'`;
  const duckType = { timestamp: 'TIMESTAMPTZ', datetime: 'TIMESTAMP', date: 'DATE' }[type as string];
  return type === 'string' ? duckDb.string(text) : `${duckType} '${text}'`;
}

/** Evaluates expressions in one SELECT on the dialect's engine. */
async function values(d: SqlDialect, expressions: string[]): Promise<unknown[]> {
  const sql = `SELECT ${expressions.map((e, i) => `${e} AS c${i}`).join(', ')}`;
  const rows = d.name === 'bigquery' ? (await zeta.evaluate(sql, [])).rows : await duck.query(sql);
  return rows[0].map((v) => (typeof v === 'bigint' ? Number(v) : v));
}

const DIALECTS = [bigQuery, duckDb];
const MS_PER_DAY = 86_400_000;

function dayInZone(ms: number, zone: string): number {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / MS_PER_DAY;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00');

describe.each(DIALECTS)('$name primitives', (d) => {
  it('day number of a TIMESTAMP: the calendar day in the zone, one second either side of midnight, DST days included', async () => {
    const zones = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Prague', 'Asia/Kolkata', 'UTC'];
    const days = [[2024, 1, 1], [2024, 3, 31], [2024, 10, 27], [2024, 3, 10], [2024, 4, 7], [1969, 12, 31], [2024, 2, 29]];
    for (const zone of zones) {
      const instants = days.flatMap(([y, m, dd]) => {
        const midnight = zonedMidnight(y, m, dd, zone);
        return [midnight - 1000, midnight, midnight + 1000];
      });
      const got = await values(d, instants.map((ms) => d.dayNumber(literal(d, 'timestamp', iso(ms)), 'timestamp', zone)));
      expect(got, zone).toEqual(instants.map((ms) => dayInZone(ms, zone)));
    }
  });

  it('day number of a DATE and a DATETIME: their own day, whatever the zone', async () => {
    const got = await values(d, [
      d.dayNumber(literal(d, 'date', '2024-02-29'), 'date', 'Pacific/Auckland'),
      d.dayNumber(literal(d, 'date', '1969-12-31'), 'date', 'UTC'),
      d.dayNumber(literal(d, 'datetime', '2024-02-29 23:59:59'), 'datetime', 'Pacific/Auckland'),
      d.dayNumber(literal(d, 'datetime', '2024-03-01 00:00:00'), 'datetime', 'America/Los_Angeles'),
    ]);
    expect(got).toEqual([19782, -1, 19782, 19783]);
  });

  it('day number of ISO text, with or without a time; anything else is NULL', async () => {
    const cases: [string, number | null][] = [
      ['2024-02-29', 19782], [' 2024-02-29 ', 19782], ['2024-02-29T23:59:59', 19782], ['2024-02-29 08:00', 19782],
      ['2024-02-29 08:00:00.123456', 19782], ['1970-01-01', 0], ['2023-02-29', null], ['2024-2-29', null], ['29/02/2024', null],
      ['2024-02-29T10:00:00+02:00', null], ['2024-02-29Z', null], ['', null], ['20240229', null],
    ];
    const got = await values(d, cases.map(([text]) => d.dayNumber(literal(d, 'string', text), 'string', 'Europe/Prague')));
    expect(got).toEqual(cases.map(([, day]) => day));
  });

  it('floor division, negative numerators too', async () => {
    const cases = [[-8, 7], [-7, 7], [-1, 7], [0, 7], [6, 7], [7, 7], [13, 7], [-1, 3], [11, 3], [2 ** 40 + 5, 7]];
    const got = await values(d, cases.map(([a, b]) => d.floorDiv(String(a), b)));
    expect(got).toEqual(cases.map(([a, b]) => Math.floor(a / b)));
  });

  it('period numbers of day numbers: weeks from Monday or Sunday, months, quarters, years', async () => {
    const days = [-800, -400, -4, -3, -1, 0, 3, 4, 5, 58, 59, 60, 19782, 19783, 20000, 20089];
    const civil = (day: number) => new Date(day * MS_PER_DAY);
    const expected = {
      'week monday': (day: number) => Math.floor((day + 3) / 7), // 1970-01-01 was a Thursday: its Monday is day −3
      'week sunday': (day: number) => Math.floor((day + 4) / 7),
      month: (day: number) => (civil(day).getUTCFullYear() - 1970) * 12 + civil(day).getUTCMonth(),
      quarter: (day: number) => (civil(day).getUTCFullYear() - 1970) * 4 + Math.floor(civil(day).getUTCMonth() / 3),
      year: (day: number) => civil(day).getUTCFullYear() - 1970,
    };
    for (const [name, f] of Object.entries(expected)) {
      const [unit, start] = name.split(' ') as ['week' | 'month' | 'quarter' | 'year', 'monday' | 'sunday' | undefined];
      const got = await values(d, days.map((day) => periodExpression(d, String(day), unit, start ?? 'monday')));
      expect(got, name).toEqual(days.map(f));
    }
  });

  it('string literals keep quotes, backslashes and line breaks', async () => {
    const texts = ["it's", 'back\\slash', 'two\nlines', "'; DROP TABLE x; --", '"quoted"', 'Zákazník ő'];
    expect(await values(d, texts.map((t) => d.string(t)))).toEqual(texts);
  });

  it('trim removes at either end what String.prototype.trim removes (the sheet engine\'s trim), nothing more', async () => {
    // Every Unicode space, control and format character near white space, the ones trim() keeps among them
    // (U+0085 next line, U+180E, the zero-width space U+200B, joiners) as well; the expectation is JavaScript's own.
    const chars = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x20, 0x85, 0xa0, 0x1680, 0x180e, ...Array.from({ length: 16 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff];
    const texts = chars.map((c) => `${String.fromCharCode(c)}x ${String.fromCharCode(c)}y${String.fromCharCode(c, c)}`);
    expect(await values(d, texts.map((t) => d.trim(d.string(t))))).toEqual(texts.map((t) => t.trim()));
  });

  it('offsets 0 … n − 1 as a FROM item', async () => {
    const sql = `SELECT SUM(k) AS s, COUNT(*) AS n FROM ${d.offsets(5)}`;
    const rows = d.name === 'bigquery' ? (await zeta.evaluate(sql, [])).rows : await duck.query(sql);
    expect(rows[0].map(Number)).toEqual([10, 5]);
  });
});

describe('BigQuery primitives render as documented', () => {
  it('renders each primitive', () => {
    expect(bigQuery.table(['my-project', 'sales', 'orders'])).toBe('`my-project`.`sales`.`orders`');
    expect(bigQuery.column('order date')).toBe('`order date`');
    expect(bigQuery.string("it's \\")).toBe("'it\\'s \\\\'");
    expect(bigQuery.dayNumber('ts', 'timestamp', 'Europe/Prague')).toBe("UNIX_DATE(DATE(ts, 'Europe/Prague'))");
    expect(bigQuery.dayNumber('d', 'date', 'Europe/Prague')).toBe('UNIX_DATE(d)');
    expect(bigQuery.dayNumber('dt', 'datetime', 'Europe/Prague')).toBe('UNIX_DATE(DATE(dt))');
    expect(bigQuery.dayNumber('s', 'string', 'UTC')).toMatch(/^UNIX_DATE\(SAFE\.PARSE_DATE\('%Y-%m-%d', REGEXP_EXTRACT\(s, r'.+'\)\)\)$/);
    expect(bigQuery.dateOfDay('d')).toBe('DATE_FROM_UNIX_DATE(d)');
    expect(bigQuery.floorDiv('x', 7)).toBe('CAST(FLOOR((x) / 7) AS INT64)');
    expect(bigQuery.safeCast('a', bigQuery.money)).toBe('SAFE_CAST(a AS NUMERIC)');
    expect(bigQuery.offsets(3)).toBe('UNNEST(GENERATE_ARRAY(0, 2)) AS k');
  });
});

const ORDERS: ZetaTable = {
  path: ['my-project', 'sales', 'orders'],
  columns: [
    { name: 'customer id', type: 'string' }, { name: 'select', type: 'integer' }, { name: 'ordered_at', type: 'timestamp' }, { name: 'order_day', type: 'date' },
    { name: 'order_time', type: 'datetime' }, { name: 'order_text', type: 'string' }, { name: 'amount', type: 'numeric' }, { name: 'amount_text', type: 'string' },
    { name: 'segment', type: 'integer' }, { name: 'line', type: 'integer' },
  ],
  rows: [],
};
const col = (name: string) => ORDERS.columns.find((c) => c.name === name)!;

function combinations(): { label: string; columns: SqlLogColumns; settings: Parameters<typeof cohortQuery>[3] }[] {
  const out: ReturnType<typeof combinations> = [];
  const dates = ['ordered_at', 'order_day', 'order_time', 'order_text'];
  const units = [['week', 'monday'], ['week', 'sunday'], ['month', 'monday'], ['quarter', 'monday'], ['year', 'monday']] as const;
  let i = 0;
  for (const date of dates) {
    for (const [period, weekStart] of units) {
      i++;
      out.push({
        label: `${date}, ${period} ${weekStart}, #${i}`,
        columns: {
          id: col(i % 2 ? 'customer id' : 'select'), date: col(date), amount: i % 3 === 0 ? null : col(i % 3 === 1 ? 'amount' : 'amount_text'),
          segment: i % 4 === 0 ? null : col('segment'), order: i % 2 ? col('line') : null,
        },
        settings: {
          period, weekStart, timeZone: 'Europe/Prague', mode: i % 2 ? 'in' : 'in-or-after', lapseAfter: i % 3 === 0 ? 3 : 1, refundsAreActivity: i % 5 === 0,
          asOfDay: i % 4 === 1 ? 19782 : null, segment: i % 4 === 2 ? "it's" : null, bySegment: i % 4 === 3,
        },
      });
    }
  }
  return out;
}

describe('the whole BigQuery queries (cohort report of a log and of a table, customer value)', () => {
  const cases = combinations();
  const queries = (c: (typeof cases)[number]) => [
    cohortQuery(bigQuery, { table: ORDERS.path }, c.columns, c.settings),
    rfmQuery(bigQuery, { table: ORDERS.path }, c.columns, { timeZone: c.settings.timeZone, endDay: c.settings.asOfDay, refundsAreActivity: c.settings.refundsAreActivity }),
    tableQuery(bigQuery, { table: ORDERS.path }, { id: c.columns.id, signup: c.columns.date, cancel: c.columns.date, revenue: c.columns.amount, segment: c.columns.segment, order: c.columns.order },
      { ...c.settings, lapseAfter: 1, today: c.settings.asOfDay === null ? 20_000 : null }),
    // A text cancel date (placeholders read in SQL).
    tableQuery(bigQuery, { table: ORDERS.path }, { id: c.columns.id, signup: c.columns.date, cancel: col('order_text'), revenue: c.columns.amount, segment: c.columns.segment },
      { ...c.settings, lapseAfter: 1, today: null }),
    // Customer value: per customer, and narrowed (groups; candidates with top groups and, every other case, the at-risk grid).
    ...valueQueries(c),
  ];
  function valueQueries(c: (typeof cases)[number]): string[] {
    const rfm = { timeZone: c.settings.timeZone, endDay: c.settings.asOfDay, refundsAreActivity: c.settings.refundsAreActivity, topShare: 0.2 };
    const i = cases.indexOf(c);
    // Every fourth case with a cost column (text, read like an amount), and its grid with the cost per purchase day.
    const columns = i % 4 === 1 ? { ...c.columns, cost: col('amount_text') } : c.columns;
    return [
      customerQuery(bigQuery, { table: ORDERS.path }, columns, rfm),
      rfmQuery(bigQuery, { table: ORDERS.path }, columns, rfm),
      valueGroupsQuery(bigQuery, { table: ORDERS.path }, columns, rfm),
      valueCandidatesQuery(bigQuery, { table: ORDERS.path }, columns, {
        ...rfm, bgNbd: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, aliveBelow: 0.5, aliveFloor: 0.1, listRows: 5000, topRows: 100,
        topGroups: i % 3 === 0 ? [] : [{ x: 3, tx: 120, age: 400, spendCount: 3 }, { x: 0, tx: 0, age: 17, spendCount: 0 }],
        riskGrid: i % 2
          ? {
            intervals: [{ x: 1, lo: 10, hi: 90, dLo: 0.31, dHi: 0.42, mLo: 7.5, mHi: 9.25 }, { x: 2, lo: 5, hi: 5, dLo: 1e-7, dHi: 1e-7, mLo: 1e-3, mHi: 1e-3 }],
            gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
            // Every other grid with a cost to serve: per segment (a name with a quote) and for all customers.
            ...(i % 4 === 1 ? { rates: [{ name: null, revenueShare: 0.2, perCustomerMonth: 1.5 }, ...(c.columns.segment ? [{ name: "O'Brien", revenueShare: 0.1, perCustomerMonth: 0 }] : [])], perPurchase: true } : {}),
          }
          : null,
      }),
    ];
  }

  it('uses nothing BigQuery rejects or reads differently', () => {
    const forbidden: [RegExp, string][] = [
      [/\bWEEK\b/i, 'WEEK is Sunday-based in BigQuery'],
      [/\bDATE_TRUNC\b|\bDATE_DIFF\b|\bDATEDIFF\b/i, 'argument order differs between engines'],
      [/COUNT\s*\(\s*DISTINCT[^)]*\)\s*OVER/i, 'no COUNT(DISTINCT) in windows'],
      [/APPROX_/i, 'counts must be exact'],
      [/"/, 'a double-quoted text is a string in BigQuery, not an identifier'],
      [/(?<!\?)::|\/\/|\bTRY_CAST\b|\bILIKE\b|\brange\(/i, 'DuckDB-only syntax'], // (?: is a regex group
      [/\bDIV\s*\(/i, 'DIV truncates toward zero'],
      [/\bLIMIT\b/i, 'no LIMIT: every row of the result is needed'],
      [/\bON\s+(1\s*=\s*1|TRUE)\b/i, 'BigQuery joins outer only on an equality of both sides'],
    ];
    for (const c of cases) {
      for (const sql of queries(c)) {
        for (const [re, why] of forbidden) expect(re.test(sql), `${c.label}: ${why}`).toBe(false);
        expect(sql).toContain('FROM `my-project`.`sales`.`orders`');
      }
    }
  });

  it("is accepted by ZetaSQL's analyzer (GoogleSQL, BigQuery's features) in every combination", async () => {
    for (const c of cases) {
      for (const sql of queries(c)) await expect(zeta.analyze(sql, [ORDERS]).then(() => 'ok'), c.label).resolves.toBe('ok');
    }
  });

  it('the same query with DuckDB quoting is refused by ZetaSQL, so the check has teeth', async () => {
    const c = cases[0];
    const sql = cohortQuery(duckDb, { table: ORDERS.path }, c.columns, c.settings);
    await expect(zeta.analyze(sql, [ORDERS])).rejects.toThrow();
  });
});
