/**
 * What the formulas do with the input people really have, through the built dist/Code.js: header
 * rows in the range, placeholders for missing ids, dates as text in the spreadsheet's locale, option
 * cells of the wrong type, size limits, the predictive =CLV's input, and a runtime without zone data.
 */
import { runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PROBES, ZONES_AT_UTC_ALL_YEAR } from '../../src/addon/zoneFallback';
import { dayOf, midnightOf, offsetMinutesOf } from '../support/days';
import { loadBundle, type Bundle } from './harness';
import { partialNoteRow } from '../support/partialNotes';

process.env.TZ = 'America/Los_Angeles';

const col = (values: unknown[]) => values.map((v) => [v]);
const last = (grid: unknown[][]) => grid[grid.length - 1];
const iso = (v: unknown) => (v as Date).toISOString();
/** A spilled cell with dates (of the script's realm) as ISO instants, for comparing grids. */
const shown = (v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? iso(v) : v);

function spillOf(b: Bundle, fn: string, ...args: unknown[]): unknown[][] {
  return b.call(fn, ...args) as unknown[][];
}

describe('=COHORTS and =RETENTION_BY_PERIOD say what they left out', () => {
  const b = loadBundle({ timeZone: 'Europe/Prague' });
  const dates = [b.date(2024, 1, 3), b.date(2024, 1, 20), b.date(2024, 2, 5), b.date(2024, 2, 9)];
  const ids = ['a', 'b', 'a', 'c'];

  // The data ends on Feb 9, 2024: February is partial, and =COHORTS says so under its matrix.
  const februaryPartial = partialNoteRow(4, 'log', 'en', 'month', [2024, 2, 1], [2024, 2, 9]);

  it('a header row in the range: the same table, and a note naming the row of the range', () => {
    const plain = spillOf(b, 'COHORTS', col(ids), col(dates), 'month', 'customers');
    const headed = spillOf(b, 'COHORTS', col(['Customer', ...ids]), col(['Order date', ...dates]), 'month', 'customers');
    expect(headed.slice(0, -1).map((r) => r.map(shown))).toEqual(plain.map((r) => r.map(shown)));
    expect(last(headed)).toEqual(['Row 1 of the range ("Customer", "Order date") was read as a header and left out.', '', '', '']);
    const perPeriod = spillOf(b, 'RETENTION_BY_PERIOD', col(['Customer', ...ids]), col(['Order date', ...dates]));
    expect(last(perPeriod)[0]).toBe('Row 1 of the range ("Customer", "Order date") was read as a header and left out.');
    // No skipped-row note without a header or a skipped row: the header, two cohorts, the partial note.
    expect(plain.length).toBe(4);
    expect(last(plain)).toEqual(februaryPartial);
  });

  it('an ISO date in the first row is data, not a header', () => {
    const grid = spillOf(b, 'COHORTS', col(ids), col(['2024-01-03', ...dates.slice(1)]), 'month', 'customers');
    expect(grid.slice(0, -1).map((r) => r.slice(1))).toEqual([['Customers', 0, 1], [2, 2, 1], [1, 1, '']]);
    expect(last(grid)).toEqual(februaryPartial);
    expect(iso(grid[1][0])).toBe('2023-12-31T23:00:00.000Z'); // Prague midnight of 2024-01-01
  });

  it('two rows with unusable dates: both counted', () => {
    expect(() => b.call('COHORTS', col(['a', 'b']), col(['x', 'y']))).toThrow(
      'COHORTS: no data rows: every row was skipped. Skipped 2 rows: 2 rows whose values in dates are not dates (rows 1, 2 of the range, e.g. "x").',
    );
  });

  it('"nan", "NULL" and other placeholders are blank ids, named in the note', () => {
    const grid = spillOf(b, 'COHORTS', col(['a', 'nan', 'NULL', 'nan', 'b', '-']), col([...dates, b.date(2024, 2, 10), b.date(2024, 2, 11)]), 'month', 'customers');
    expect(grid.slice(1, -2).map((r) => r[1])).toEqual([1, 1]); // a in January, b in February: "nan" is nobody
    // The partial note sits right under the matrix, the skipped rows' note below it. The data ends with
    // b's Feb 10: the row dated Feb 11 has no customer and is not data.
    expect(grid[grid.length - 2]).toEqual(partialNoteRow(4, 'log', 'en', 'month', [2024, 2, 1], [2024, 2, 10]));
    expect(last(grid)[0]).toBe(
      'Skipped 4 rows: 2 rows whose value in customer_ids is "nan", which stands for a blank id (rows 2, 4 of the range); ' +
        '1 row whose value in customer_ids is "NULL", which stands for a blank id (row 3 of the range); ' +
        '1 row whose value in customer_ids is "-", which stands for a blank id (row 6 of the range).',
    );
  });

  it('a note counts every skipped row, blank rows in the middle included', () => {
    const grid = spillOf(b, 'COHORTS', col(['a', '', 'b', 'c', '', '']), col([dates[0], '', 'soon', dates[2], '', '']), 'month', 'customers');
    expect(last(grid)[0]).toBe('Skipped 2 rows: 1 row entirely blank (row 2 of the range); 1 row whose value in dates is not a date (row 3 of the range, e.g. "soon").');
  });

  it('more than 600 periods are refused, naming rows of the range', () => {
    expect(() => b.call('COHORTS', col(['a', 'b', 'c']), col([b.date(2024, 1, 1), b.date(2204, 1, 1), b.date(2024, 1, 1)]))).toThrow(
      'COHORTS: the dates run from Jan 1, 2024 (rows 1, 3 of the range) to Jan 1, 2204 (row 2 of the range), 2,161 months: more than 600. ' +
        'Choose a longer period or check the date column for a mistyped year',
    );
  });
});

describe('dates before 1970', () => {
  for (const zone of ['America/Los_Angeles', 'Europe/Prague', 'Pacific/Auckland']) {
    it(`month and quarter cohorts start where they should in ${zone}`, () => {
      const b = loadBundle({ timeZone: zone });
      const ids = col(['a', 'b', 'c', 'a']);
      const dates = col([b.date(1969, 11, 15), b.date(1969, 12, 31), b.date(1970, 1, 1), b.date(1970, 2, 28)]);
      const at = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), zone)).toISOString();
      const months = spillOf(b, 'COHORTS', ids, dates, 'month', 'customers');
      // February 28, 1970 is February's last day: the month is complete and there is no note.
      expect(months.slice(1).map((r) => [shown(r[0]), ...r.slice(1)])).toEqual([
        [at(1969, 11, 1), 1, 1, 0, 0, 1],
        [at(1969, 12, 1), 1, 1, 0, 0, ''],
        [at(1970, 1, 1), 1, 1, 0, '', ''],
      ]);
      const quarters = spillOf(b, 'COHORTS', ids, dates, 'quarter', 'customers');
      expect(quarters.slice(1, -1).map((r) => [shown(r[0]), ...r.slice(1)])).toEqual([
        [at(1969, 10, 1), 2, 2, 1],
        [at(1970, 1, 1), 1, 1, ''],
      ]);
      // …but the first quarter of 1970 runs to March 31.
      expect(last(quarters)).toEqual(partialNoteRow(4, 'log', 'en', 'quarter', [1970, 1, 1], [1970, 2, 28]));
    });
  }
});

describe('first days of periods are the zone\'s midnights, daylight-saving days included', () => {
  // Auckland's clocks go back at 03:00 on the first Sunday of April, after UTC's midnight; Havana's
  // jump from 00:00 to 01:00 on the second Sunday of March, so that day starts at 01:00.
  for (const zone of ['Pacific/Auckland', 'America/Havana', 'Europe/Prague', 'America/Los_Angeles']) {
    it(`every Sunday of 2023–2025 in ${zone}`, () => {
      const b = loadBundle({ timeZone: zone });
      const sundays: number[] = [];
      for (let d = dayOf(2023, 1, 1); d <= dayOf(2025, 12, 31); d += 7) sundays.push(d); // 2023-01-01 was a Sunday
      const dates = sundays.map((d) => [new (runInContext('Date', b.context) as DateConstructor)(midnightOf(d, zone))]);
      const grid = spillOf(b, 'COHORTS', sundays.map((d) => [`c${d}`]), dates, 'week sunday', 'customers');
      expect(grid.slice(1, -1).map((r) => shown(r[0]))).toEqual(sundays.map((d) => new Date(midnightOf(d, zone)).toISOString()));
      // The data ends on a Sunday, the first day of its week: that week is partial.
      expect(last(grid)).toEqual(partialNoteRow(grid[0].length, 'log', 'en', 'week sunday', [2025, 12, 28], [2025, 12, 28]));
    });
  }
});

describe('dates as text, read the way the spreadsheet locale reads them', () => {
  // The same four purchases written as each locale writes dates; the ISO ones carry a time of day.
  const written: Record<string, string[]> = {
    en_US: ['12/1/2010 8:26', '12/20/2010', '1/5/2011 17:45', '1/9/2011'],
    en_GB: ['01/12/2010', '20/12/2010 08:26', '05/01/2011', '09/01/2011'],
    cs_CZ: ['1. 12. 2010', '20.12.2010 8:26', '5. 1. 2011', '9. 1. 2011'],
    pl_PL: ['1.12.2010', '20.12.2010', '05.01.2011 17:45', '9.01.2011'],
    hu_HU: ['2010. 12. 01.', '2010. 12. 20. 8:26', '2011. 01. 05.', '2011.01.09'],
    de_DE: ['2010-12-01 08:26:00', '2010-12-20T08:26', '2011-01-05', '2011-01-09'],
  };
  const ids = col(['a', 'b', 'a', 'c']);

  for (const [locale, texts] of Object.entries(written)) {
    it(`${locale}: ${texts.join(', ')}`, () => {
      const b = loadBundle({ timeZone: 'Pacific/Auckland', locale });
      const fromText = spillOf(b, 'COHORTS', ids, col(texts), 'month', 'customers');
      const fromCells = spillOf(b, 'COHORTS', ids, col([b.date(2010, 12, 1), b.date(2010, 12, 20), b.date(2011, 1, 5), b.date(2011, 1, 9)]), 'month', 'customers');
      // The header in the spreadsheet's language, written here by hand.
      const customers = { cs_CZ: 'Zákazníci', pl_PL: 'Klienci', hu_HU: 'Ügyfelek' }[locale] ?? 'Customers';
      expect(fromText.slice(0, -1).map((r) => r.slice(1))).toEqual([[customers, 0, 1], [2, 2, 1], [1, 1, '']]);
      expect(fromText.map((r) => r.slice(1))).toEqual(fromCells.map((r) => r.slice(1)));
      // January 2011 ends after the last purchase (Jan 9): the note under the matrix says so, in the spreadsheet's language.
      const language = ({ cs_CZ: 'cs', pl_PL: 'pl', hu_HU: 'hu' } as const)[locale as 'cs_CZ'] ?? 'en';
      expect(last(fromText)).toEqual(partialNoteRow(4, 'log', language, 'month', [2011, 1, 1], [2011, 1, 9]));
      expect(iso(fromText[1][0])).toBe('2010-11-30T11:00:00.000Z'); // Auckland midnight of 2010-12-01
    });
  }

  it('what another locale would read differently is skipped and said, never guessed', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague', locale: 'cs_CZ' });
    const grid = spillOf(b, 'COHORTS', col(['a', 'b', 'c']), col(['1. 12. 2010', '12/1/2010', '1.12.10']), 'month', 'customers');
    // In the spreadsheet's language (Czech), as the spill's header.
    expect(last(grid)[0]).toBe(
      'Vynechány 2 řádky: 1 řádek, kde dates je text v podobě data, kterou národní prostředí tabulky nepoužívá (den a měsíc se nehádají) (řádek 2 oblasti, např. "12/1/2010"); ' +
        '1 řádek, kde dates má dvoumístný rok (století se nehádá) (řádek 3 oblasti, např. "1.12.10").',
    );
    const en = loadBundle({ timeZone: 'Europe/Prague', locale: 'en_GB' });
    expect(last(spillOf(en, 'COHORTS', col(['a', 'b', 'c']), col(['01/12/2010', '2010/12/01', '01/12/10']), 'month', 'customers'))[0]).toBe(
      "Skipped 2 rows: 1 row whose value in dates is text in a date form the spreadsheet's locale does not use (day and month are not guessed) (row 2 of the range, e.g. \"2010/12/01\"); " +
        '1 row whose value in dates has a two-digit year (which century is not guessed) (row 3 of the range, e.g. "01/12/10").',
    );
  });

  it('asks for the locale once a call: for the header words, and for date text with the same answer', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    b.call('COHORTS', col(['a']), col([b.date(2024, 1, 1)]));
    expect(b.calls.filter((c) => c === 'Spreadsheet.getSpreadsheetLocale')).toHaveLength(1);
    b.call('COHORTS', col(['a', 'b']), col(['2024-01-01', '1/5/2024']));
    expect(b.calls.filter((c) => c === 'Spreadsheet.getSpreadsheetLocale')).toHaveLength(2);
  });

  it('the customer-table form of RETENTION reads them too, and names what it cannot read', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague', locale: 'en_GB' });
    expect(b.call('CHURN', col(['15/12/2023', '01/01/2024']), col(['', '']), '01/01/2024', '31/01/2024')).toBe(0);
    expect(b.call('CHURN', col(['15/12/2023', '20/12/2023']), col(['', '31/01/2024']), '01/01/2024', '31/01/2024')).toBe(0.5);
    expect(() => b.call('CHURN', col(['15/12/23']), col(['']), '01/01/2024', '31/01/2024')).toThrow(
      'CHURN: signup_dates must be a date (row 1 of the range is "15/12/23", which has a two-digit year: write the year in full)',
    );
    expect(() => b.call('RETENTION', col(['Signup date', '15/12/2023']), col(['Cancel date', '']), '01/01/2024', '31/01/2024')).toThrow(
      'RETENTION: signup_dates must be a date (row 1 of the range is "Signup date", which looks like a header: start the range on the row below it)',
    );
    expect(() => b.call('CHURN', col(['2023/12/15']), col(['']), '01/01/2024', '31/01/2024')).toThrow(
      'CHURN: signup_dates must be a date (row 1 of the range is "2023/12/15", which is not written the way the spreadsheet\'s locale writes dates)',
    );
  });
});

describe('options given the wrong kind of cell', () => {
  const b = loadBundle({ timeZone: 'Pacific/Auckland' });
  const ids = col(['a']);
  const dates = col([b.date(2024, 1, 1)]);

  it('name dates in the spreadsheet zone and list every documented spelling', () => {
    // Auckland midnight of 2024-03-01 is 2024-02-29 in UTC and in this process's zone; an en_US message writes the day as en_US does.
    expect(() => b.call('COHORTS', ids, dates, b.date(2024, 3, 1))).toThrow(
      'COHORTS: period must be "week", "week sunday", "month", "quarter", or "year" (got the date Mar 1, 2024)',
    );
    expect(() => b.call('COHORTS', ids, dates, 'month', true)).toThrow('COHORTS: show must be "retention", "customers", or "revenue" (got TRUE)');
    expect(() => b.call('COHORTS', ids, dates, 'month', 'customers', '', '#N/A')).toThrow('COHORTS: mode must be "in" or "in or after" (got #N/A)');
    expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 3)).toThrow('RETENTION_BY_PERIOD: period must be "week", "week sunday", "month", "quarter", or "year" (got 3)');
    expect(() => b.call('COHORTS', ids, dates, runInContext('new Date(NaN)', b.context))).toThrow(
      'COHORTS: period must be "week", "week sunday", "month", "quarter", or "year" (got an invalid date)',
    );
  });

  it('the "show" spellings the message lists are all accepted', () => {
    for (const show of ['retention', 'customers', 'revenue']) expect(() => b.call('COHORTS', ids, dates, 'month', show, col([5]))).not.toThrow();
  });

  it('name the function once', () => {
    expect(() => b.call('COHORTS', ids)).toThrow('COHORTS takes (customer_ids, dates, [period], [show], [amounts], [mode], [lapse_after], [refunds]); got 1 argument');
  });
});

describe('the predictive =CLV takes what =COHORTS takes', () => {
  const b = loadBundle({ timeZone: 'Europe/Prague' });
  // Thirty customers over a year, most buying again: enough for both models to fit.
  const rows: [string, number, number, number, number][] = [];
  for (let c = 0; c < 30; c++) {
    for (let k = 0; k <= c % 4; k++) rows.push([`c${c}`, 2024, 1 + ((c + 3 * k) % 12), 1 + ((7 * c + k) % 27), 10 + c + k]);
  }
  const ids = rows.map((r) => [r[0]]);
  const cells = rows.map((r) => [b.date(r[1], r[2], r[3])]);
  const isoText = rows.map((r) => [`${r[1]}-${String(r[2]).padStart(2, '0')}-${String(r[3]).padStart(2, '0')} 10:15:00`]);
  const amounts = rows.map((r) => [r[4]]);
  const model = (grid: unknown[][]) => Object.fromEntries(grid.filter((r) => r[0] !== 'Note' && r[0] !== 'Observation end'));

  it('a header row and ISO text dates give the same model, and the header is said', () => {
    const fromCells = spillOf(b, 'CLV', ids, cells, amounts, 12, 0.01, 'model');
    const fromText = spillOf(b, 'CLV', [['Customer'], ...ids], [['Order date'], ...isoText], [['Amount'], ...amounts], 12, 0.01, 'model');
    expect(model(fromText)).toEqual(model(fromCells));
    expect(last(fromText)).toEqual(['Note', 'Row 1 of the range ("Customer", "Order date", "Amount") was read as a header and left out.']);
    const customers = spillOf(b, 'CLV', [['Customer'], ...ids], [['Order date'], ...isoText], [['Amount'], ...amounts]);
    // 30 customers, then a Caution row per warning of the model (30 customers are too few to trust it), then the note.
    const warnings = fromText.filter((r) => r[0] === 'Warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(customers.length).toBe(1 + 30 + warnings + 1);
    expect(customers.slice(31, 31 + warnings).every((r) => String(r[0]).startsWith('Caution: '))).toBe(true);
    expect(last(customers)[0]).toBe('Row 1 of the range ("Customer", "Order date", "Amount") was read as a header and left out.');
  });

  it('with three ranges whose dates read as numbers, says how to write the predictive form', () => {
    expect(() => b.call('CLV', col(['a', 'b']), col([45300, 45301]), col([10, 20]))).toThrow(
      'CLV: value_per_period must be a number (the value a customer brings per period) (row 1 of the range is "a"). ' +
        'For the predictive form =CLV(customer_ids, dates, amounts, …), the second range must hold dates (date cells, or date text such as 2024-01-31)',
    );
  });

  it('a dates range of nothing readable is refused naming the rows', () => {
    expect(() => b.call('CLV', col(['a', 'b']), col(['soon', 'later']), col([10, 20]))).toThrow(
      'CLV: no data rows: every row was skipped. Skipped 2 rows: 2 rows whose values in dates are not dates (rows 1, 2 of the range, e.g. "soon").',
    );
  });

  it('still takes the formula form for numbers', () => {
    const grid = b.call('CLV', col([50, 100]), col([0.05, '20%']), 0.1) as number[][];
    expect(grid[0][0]).toBeCloseTo((50 * 1.1) / 0.15, 9);
    expect(grid[1][0]).toBeCloseTo((100 * 1.1) / 0.3, 9);
  });
});

describe('a runtime whose Intl knows no time zones', () => {
  it('refuses a zone Utilities.formatDate does not know (it would answer GMT), in words', () => {
    const b = loadBundle({ timeZone: 'Mars/Olympus', intlWithoutZones: true });
    expect(() => b.call('COHORTS', col(['a']), col([new Date(0)]))).toThrow('COHORTS: Unknown time zone "Mars/Olympus": expected an IANA name such as "Europe/Prague"');
    expect(b.calls).toContain('Utilities.formatDate');
  });

  it('keeps zones that really are on UTC+0 all year', () => {
    const b = loadBundle({ timeZone: 'Atlantic/Reykjavik', intlWithoutZones: true });
    const grid = spillOf(b, 'COHORTS', col(['a', 'b']), col([b.date(2024, 1, 31), b.date(2024, 2, 1)]), 'month', 'customers');
    expect(grid.slice(0, -1).map((r) => shown(r[0]))).toEqual(['Cohort', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
    expect(last(grid)).toEqual(partialNoteRow(4, 'log', 'en', 'month', [2024, 2, 1], [2024, 2, 1]));
  });

  it('knows every zone this machine\'s tz data has on UTC+0 in January and July', () => {
    const utcAllYear = Intl.supportedValuesOf('timeZone').filter((z) => PROBES.every((t) => offsetMinutesOf(t, z) === 0));
    expect(utcAllYear.length).toBeGreaterThan(10);
    expect(utcAllYear.filter((z) => !ZONES_AT_UTC_ALL_YEAR.includes(z))).toEqual([]);
    // …and lists no zone that is off UTC in one of them.
    expect(ZONES_AT_UTC_ALL_YEAR.filter((z) => PROBES.some((t) => (offsetMinutesOf(t, z) ?? 0) !== 0))).toEqual([]);
  });
});
