/** The test-side date helpers against a hand table of known instants (no production code involved). */
import { describe, expect, it } from 'vitest';
import { civilOf, dayInZoneOf, dayOf, isoOf, midnightOf, offsetMinutesOf, weekdayOf } from './days';

describe('test-side day numbers', () => {
  it('match hand-counted days', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(1969, 12, 31)).toBe(-1);
    expect(dayOf(2000, 1, 1)).toBe(10_957); // 30 years, 7 leap days: 30 × 365 + 7
    expect(dayOf(2000, 3, 1)).toBe(10_957 + 31 + 29); // 2000 is a leap year
    expect(dayOf(1900, 3, 1)).toBe(-25_567 + 31 + 28); // 1900 is not
    expect(civilOf(-25_567)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(isoOf(dayOf(1960, 2, 29))).toBe('1960-02-29');
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
  });
});

describe('test-side zone midnights', () => {
  // Each row: zone, local day, the instant its midnight is (from the zone's published rules).
  const KNOWN: [string, string, string][] = [
    ['Pacific/Auckland', '2024-02-01', '2024-01-31T11:00:00.000Z'], // NZDT, UTC+13
    ['Pacific/Auckland', '1997-01-01', '1996-12-31T11:00:00.000Z'],
    ['Europe/Prague', '2024-03-31', '2024-03-30T23:00:00.000Z'], // CET; the day is 23 hours long
    ['Europe/Prague', '2024-07-01', '2024-06-30T22:00:00.000Z'], // CEST
    ['Europe/Prague', '1965-01-01', '1964-12-31T23:00:00.000Z'],
    ['America/Los_Angeles', '1969-12-31', '1969-12-31T08:00:00.000Z'],
    ['America/Los_Angeles', '1960-03-01', '1960-03-01T08:00:00.000Z'],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00.000Z'], // DST skipped 00:00–01:00: the day starts at 01:00 (UTC−2)
    ['Asia/Kathmandu', '2024-01-01', '2023-12-31T18:15:00.000Z'], // UTC+5:45
    ['Pacific/Chatham', '2024-01-01', '2023-12-31T10:15:00.000Z'], // UTC+13:45
  ];
  for (const [zone, day, instant] of KNOWN) {
    it(`${day} in ${zone} starts at ${instant}`, () => {
      const [y, m, d] = day.split('-').map(Number);
      const ms = midnightOf(dayOf(y, m, d), zone);
      expect(new Date(ms).toISOString()).toBe(instant);
      expect(dayInZoneOf(ms, zone)).toBe(dayOf(y, m, d));
      expect(dayInZoneOf(ms - 1, zone)).toBe(dayOf(y, m, d) - 1);
    });
  }

  it('reads offsets from Intl, and knows when Intl does not know a zone', () => {
    expect(offsetMinutesOf(Date.UTC(2024, 0, 15), 'Pacific/Auckland')).toBe(13 * 60);
    expect(offsetMinutesOf(Date.UTC(2024, 0, 15), 'America/Los_Angeles')).toBe(-8 * 60);
    expect(offsetMinutesOf(Date.UTC(2024, 0, 15), 'Asia/Kathmandu')).toBe(5 * 60 + 45);
    expect(offsetMinutesOf(Date.UTC(2024, 0, 15), 'Etc/UTC')).toBe(0);
    expect(offsetMinutesOf(Date.UTC(2024, 0, 15), 'Mars/Olympus')).toBeNull();
  });
});
