import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDay, isValidCivil, parseIsoDay } from '../../src/core/calendar';
import { dayConverter, dayInZone, startOfDayInZone, zoneOffsetMs } from '../../src/core/timeZone';
import { dayOf } from '../support/days';
import { isoWeek, parsePeriodScheme, parsePeriodUnit, periodLabel, periodOfDay, periodStartDay, type PeriodScheme } from '../../src/core/periods';

const DAY = 86_400_000;

describe('day numbers', () => {
  it('agree with Date.UTC over four centuries, leap years included', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2300, 0, 1); ms += 7 * DAY + 3_600_000 * 5) {
      const d = new Date(ms);
      const expected = Math.floor(ms / DAY);
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(expected);
      expect(civilFromDays(expected)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    }
  });

  it('validates and formats', () => {
    expect(isValidCivil(2024, 2, 29)).toBe(true);
    expect(isValidCivil(2023, 2, 29)).toBe(false);
    expect(isValidCivil(2100, 2, 29)).toBe(false);
    expect(parseIsoDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY);
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(formatDay(daysFromCivil(1997, 1, 1))).toBe('1997-01-01');
  });
});

describe('time zones', () => {
  const zones = ['Pacific/Auckland', 'Europe/Prague', 'America/Los_Angeles', 'Asia/Kolkata', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Chatham', 'Etc/UTC'];

  it('midnight of every day of 2023–2024 maps back to the same day, DST days included', () => {
    for (const zone of zones) {
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let day = daysFromCivil(2023, 1, 1); day <= daysFromCivil(2024, 12, 31); day++) {
        const ms = startOfDayInZone(day, zone);
        expect(dayInZone(ms, zone)).toBe(day);
        expect(dayInZone(ms - 1, zone)).toBe(day - 1); // it is the first instant of the day
        expect(fmt.format(new Date(ms))).toBe(formatDay(day)); // independent check through Intl
      }
    }
  });

  it('puts any instant on the calendar day Intl shows, in the zones furthest from UTC and across skipped days', () => {
    // +14 h, −11 h, +5:45, a 30-minute DST shift, Samoa skipping 2011-12-30, Troll's 2-hour DST, and some above.
    const far = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'Antarctica/Troll', 'America/St_Johns', ...zones];
    for (const zone of far) {
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let ms = Date.UTC(2011, 11, 25); ms < Date.UTC(2012, 0, 5); ms += 1_800_000) expect(formatDay(dayInZone(ms, zone))).toBe(fmt.format(ms));
      for (let ms = Date.UTC(1969, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 7 * DAY + 3_600_000 * 7 + 60_000 * 13) {
        expect(formatDay(dayInZone(ms, zone))).toBe(fmt.format(ms));
      }
    }
  });

  it('knows the offsets of well-known instants', () => {
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Pacific/Auckland')).toBe(13 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Pacific/Auckland')).toBe(12 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'America/Los_Angeles')).toBe(-8 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Asia/Kathmandu')).toBe(5.75 * 3_600_000);
  });

  it('memoises per distinct instant and rejects unknown zones clearly', () => {
    const toDay = dayConverter('Europe/Prague');
    const ms = startOfDayInZone(daysFromCivil(2024, 3, 31), 'Europe/Prague');
    expect(toDay(ms)).toBe(daysFromCivil(2024, 3, 31));
    expect(toDay(ms + 23 * 3_600_000 - 1)).toBe(daysFromCivil(2024, 3, 31)); // a 23-hour DST day
    expect(() => dayConverter('Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });
});

describe('periods', () => {
  const month: PeriodScheme = { unit: 'month', weekStart: 'monday' };
  const quarter: PeriodScheme = { unit: 'quarter', weekStart: 'monday' };
  const year: PeriodScheme = { unit: 'year', weekStart: 'monday' };
  const isoWeeks: PeriodScheme = { unit: 'week', weekStart: 'monday' };
  const sundayWeeks: PeriodScheme = { unit: 'week', weekStart: 'sunday' };

  it('numbers consecutive periods consecutively and round-trips their first days', () => {
    for (const scheme of [month, quarter, year, isoWeeks, sundayWeeks]) {
      let prev = periodOfDay(daysFromCivil(1995, 1, 1), scheme);
      for (let day = daysFromCivil(1995, 1, 1); day < daysFromCivil(2030, 1, 1); day++) {
        const p = periodOfDay(day, scheme);
        expect(p === prev || p === prev + 1).toBe(true);
        if (p === prev + 1) expect(periodStartDay(p, scheme)).toBe(day);
        prev = p;
      }
    }
  });

  it('numbers periods before 1970 too, with month and quarter starts from a hand table', () => {
    // [day, scheme, first day of its period, label]; period indexes are negative before 1970.
    const cases: [[number, number, number], PeriodScheme, [number, number, number], string][] = [
      [[1969, 12, 31], month, [1969, 12, 1], '1969-12'],
      [[1969, 11, 15], quarter, [1969, 10, 1], '1969-Q4'],
      [[1969, 3, 31], quarter, [1969, 1, 1], '1969-Q1'],
      [[1968, 2, 29], month, [1968, 2, 1], '1968-02'], // a leap day
      [[1968, 9, 30], quarter, [1968, 7, 1], '1968-Q3'],
      [[1900, 3, 1], quarter, [1900, 1, 1], '1900-Q1'], // 1900 has no 29 February
      [[1900, 2, 28], month, [1900, 2, 1], '1900-02'],
      [[1600, 2, 29], month, [1600, 2, 1], '1600-02'], // 1600 does
      [[1969, 6, 1], year, [1969, 1, 1], '1969'],
      [[1969, 12, 31], isoWeeks, [1969, 12, 29], '1970-W01'], // 1970-01-01 was a Thursday
      [[1969, 12, 28], sundayWeeks, [1969, 12, 28], 'week of Dec 28, 1969'],
    ];
    for (const [[y, m, d], scheme, [sy, sm, sd], label] of cases) {
      const p = periodOfDay(dayOf(y, m, d), scheme);
      expect(periodStartDay(p, scheme), `${y}-${m}-${d} ${scheme.unit}`).toBe(dayOf(sy, sm, sd));
      expect(periodLabel(p, scheme)).toBe(label);
    }
    expect(periodOfDay(dayOf(1969, 12, 31), month)).toBe(-1);
    expect(periodOfDay(dayOf(1969, 12, 31), quarter)).toBe(-1);
    expect(periodOfDay(dayOf(1969, 9, 30), quarter)).toBe(-2);
  });

  it('starts weeks on Monday or Sunday', () => {
    const monday = daysFromCivil(2024, 1, 1); // a Monday
    expect(periodStartDay(periodOfDay(monday + 6, isoWeeks), isoWeeks)).toBe(monday);
    expect(periodStartDay(periodOfDay(monday + 6, sundayWeeks), sundayWeeks)).toBe(monday + 6);
    expect(periodStartDay(periodOfDay(monday, sundayWeeks), sundayWeeks)).toBe(monday - 1);
  });

  it('labels ISO weeks by the ISO week-numbering year', () => {
    expect(isoWeek(daysFromCivil(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
    expect(isoWeek(daysFromCivil(2024, 12, 30))).toEqual({ year: 2025, week: 1 });
    expect(isoWeek(daysFromCivil(2026, 11, 24))).toEqual({ year: 2026, week: 48 });
    expect(periodLabel(periodOfDay(daysFromCivil(2024, 12, 31), isoWeeks), isoWeeks)).toBe('2025-W01');
    expect(periodLabel(periodOfDay(daysFromCivil(2024, 5, 17), quarter), quarter)).toBe('2024-Q2');
    expect(periodLabel(periodOfDay(daysFromCivil(1997, 1, 31), month), month)).toBe('1997-01');
  });

  it('labels Sunday-start weeks by their first day in the words and date form of each language', () => {
    // 2024-01-28 was a Sunday; 2024-02-03, the Saturday that ends its week.
    const p = periodOfDay(daysFromCivil(2024, 2, 3), sundayWeeks);
    const labels = Object.fromEntries((['en', 'cs', 'pl', 'hu'] as const).map((l) => [l, periodLabel(p, sundayWeeks, l)]));
    expect(labels).toEqual({ en: 'week of Jan 28, 2024', cs: 'týden od 28. 1. 2024', pl: 'tydzień od 28.01.2024', hu: '2024. 01. 28. kezdetű hét' });
    // A one-digit day and month, across a year end: 2023-12-31 was a Sunday, 2024-01-06 a Saturday.
    const q = periodOfDay(daysFromCivil(2024, 1, 6), sundayWeeks);
    expect(['en', 'cs', 'pl', 'hu'].map((l) => periodLabel(q, sundayWeeks, l as 'en'))).toEqual(['week of Dec 31, 2023', 'týden od 31. 12. 2023', 'tydzień od 31.12.2023', '2023. 12. 31. kezdetű hét']);
    // The other periods are written alike in every language.
    for (const l of ['cs', 'pl', 'hu'] as const) {
      expect(periodLabel(periodOfDay(daysFromCivil(2024, 12, 31), isoWeeks), isoWeeks, l)).toBe('2025-W01');
      expect(periodLabel(periodOfDay(daysFromCivil(2024, 5, 17), quarter), quarter, l)).toBe('2024-Q2');
      expect(periodLabel(periodOfDay(daysFromCivil(1997, 1, 31), month), month, l)).toBe('1997-01');
      expect(periodLabel(periodOfDay(daysFromCivil(1997, 1, 31), year), year, l)).toBe('1997');
    }
  });

  it('reads period names typed by people, and says what it expects otherwise', () => {
    expect(parsePeriodUnit(' Months ')).toBe('month');
    expect(parsePeriodUnit('')).toBe('month');
    expect(parsePeriodUnit('Q')).toBe('quarter');
    expect(() => parsePeriodUnit('fortnight')).toThrow('period must be "week", "week sunday", "month", "quarter", or "year" (got "fortnight")');
    expect(parsePeriodScheme('Week (Sunday)')).toEqual({ unit: 'week', weekStart: 'sunday' });
    expect(parsePeriodScheme('weeks starting sun')).toEqual({ unit: 'week', weekStart: 'sunday' });
    expect(parsePeriodScheme('ISO week')).toEqual({ unit: 'week', weekStart: 'monday' });
    expect(parsePeriodScheme('month')).toEqual({ unit: 'month', weekStart: 'monday' });
    expect(() => parsePeriodScheme('month sunday')).toThrow(/"week sunday"/);
  });
});
