/**
 * Date text: ISO with or without a time, and each spreadsheet locale's own numeric form. The forms
 * come from CLDR (scripts/dateForms.ts writes src/core/dateFormTable.ts from Node's Intl); here Intl
 * itself writes dates in every listed locale and the production reader must read them back to the
 * day computed independently (test/support/days.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeDateForms, SHEETS_LOCALES } from '../../scripts/dateForms';
import { DATE_FORM_TABLE } from '../../src/core/dateFormTable';
import { dateFormOf, readDateText, whyNotADate } from '../../src/core/textDates';
import { mulberry32 } from '../../tools/seededRandom';
import { dayInZoneOf, dayOf } from '../support/days';

const utcDay = (ms: number) => Math.floor(ms / 86_400_000);
const read = (text: string, locale: string, toDay = utcDay) => readDateText(text, dateFormOf(locale), toDay);

describe('the locale table', () => {
  it('is what CLDR in this machine\'s Intl says (rerun scripts/dateForms.ts when this fails after a Node upgrade)', () => {
    expect(DATE_FORM_TABLE).toEqual(computeDateForms());
  });

  it('covers the locales analysts here work in, each in its own order', () => {
    expect(DATE_FORM_TABLE.en_US).toBe('MDY /');
    expect(DATE_FORM_TABLE.en_GB).toBe('DMY /');
    expect(DATE_FORM_TABLE.cs_CZ).toBe('DMY .');
    expect(DATE_FORM_TABLE.pl_PL).toBe('DMY .');
    expect(DATE_FORM_TABLE.hu_HU).toBe('YMD . .');
    expect(dateFormOf('cs')).toEqual(dateFormOf('cs_CZ') && { ...dateFormOf('cs_CZ')!, locale: 'cs' }); // a bare language
    expect(dateFormOf('en')).toBeNull(); // en_US and en_GB disagree: no guess
    expect(dateFormOf('xx_YY')).toBeNull();
  });
});

describe('every listed locale reads back what Intl writes in it', () => {
  const rand = mulberry32(7);
  const days = Array.from({ length: 60 }, () => dayOf(1901, 1, 1) + Math.floor(rand() * 72_000)); // 1901–2098
  days.push(dayOf(2024, 2, 29), dayOf(2010, 12, 1), dayOf(2000, 1, 1), dayOf(1969, 12, 31));

  for (const locale of SHEETS_LOCALES.filter((l) => dateFormOf(l) !== null)) {
    it(locale, () => {
      const tag = locale.replace('_', '-');
      const numeric = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' });
      const short = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeZone: 'UTC', numberingSystem: 'latn' });
      const time = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC', numberingSystem: 'latn' });
      for (const day of days) {
        const instant = new Date(day * 86_400_000 + 8 * 3_600_000 + 26 * 60_000); // 08:26 that day
        const written = numeric.format(instant);
        expect(read(written, locale), `${locale} "${written}"`).toBe(day);
        const clock = time.format(instant);
        // Times written with a colon (8:26, 08:26, 8:26 AM) follow the date; other clocks are not read.
        if (/^\d{1,2}:\d{2}(\s*[AaPp]\.?\s*[Mm]\.?)?$/.test(clock)) {
          expect(read(`${written} ${clock}`, locale), `${locale} "${written} ${clock}"`).toBe(day);
        }
        const shortText = short.format(instant);
        const year = short.formatToParts(instant).find((p) => p.type === 'year')!.value;
        if (year.length === 4) expect(read(shortText, locale), `${locale} "${shortText}"`).toBe(day);
        else {
          expect(read(shortText, locale), `${locale} "${shortText}"`).toBeNaN();
          expect(whyNotADate(shortText, dateFormOf(locale)), `${locale} "${shortText}"`).toBe('two-digit year');
        }
      }
    });
  }
});

describe('date text as exports and people write it', () => {
  const dec1 = dayOf(2010, 12, 1);

  it('ISO with or without a time is that calendar day, in any locale', () => {
    for (const locale of ['en_US', 'cs_CZ', 'hu_HU', 'ky_KG', 'xx_YY']) {
      for (const text of ['2010-12-01', ' 2010-12-01 ', '2010-12-01 08:26:00', '2010-12-01T08:26', '2010-12-01T08:26:00.123', '2010-12-01 8:26']) {
        expect(read(text, locale), `${locale} ${text}`).toBe(dec1);
      }
    }
  });

  it('ISO with a UTC offset is an instant, placed on the spreadsheet zone\'s calendar', () => {
    const auckland = (ms: number) => dayInZoneOf(ms, 'Pacific/Auckland');
    const losAngeles = (ms: number) => dayInZoneOf(ms, 'America/Los_Angeles');
    expect(read('2010-12-01T23:30:00Z', 'en_US', auckland)).toBe(dayOf(2010, 12, 2));
    expect(read('2010-12-01T23:30:00Z', 'en_US', losAngeles)).toBe(dec1);
    expect(read('2010-12-01T02:00:00+05:30', 'en_US', losAngeles)).toBe(dayOf(2010, 11, 30));
  });

  it('the issue\'s locale forms', () => {
    expect(read('12/1/2010 8:26', 'en_US')).toBe(dec1);
    expect(read('12/1/2010, 8:26 AM', 'en_US')).toBe(dec1);
    expect(read('01/12/2010', 'en_GB')).toBe(dec1);
    expect(read('1. 12. 2010', 'cs_CZ')).toBe(dec1);
    expect(read('1.12.2010 8:26', 'cs_CZ')).toBe(dec1);
    expect(read('1.12.2010', 'pl_PL')).toBe(dec1);
    expect(read('01.12.2010 08:26', 'pl_PL')).toBe(dec1);
    expect(read('2010. 12. 01.', 'hu_HU')).toBe(dec1);
    expect(read('2010.12.01 8:26:00', 'hu_HU')).toBe(dec1);
  });

  it('skips what another locale would read differently, and says why', () => {
    // 12/1/2010 is 1 December in en_US and 12 January in en_GB: in cs_CZ, which writes neither, no guess.
    expect(read('12/1/2010', 'cs_CZ')).toBeNaN();
    expect(whyNotADate('12/1/2010', dateFormOf('cs_CZ'))).toBe('unknown date form');
    expect(read('1.12.2010', 'en_US')).toBeNaN();
    expect(whyNotADate('1.12.2010', dateFormOf('en_US'))).toBe('unknown date form');
    expect(read('12/1/2010', 'xx_YY')).toBeNaN(); // a locale without a known form reads ISO only
    expect(whyNotADate('12/1/2010', null)).toBe('unknown date form');
    expect(read('2010/12/01', 'en_US')).toBeNaN(); // year first, but not ISO and not en_US's form
    expect(whyNotADate('2010/12/01', dateFormOf('en_US'))).toBe('unknown date form');
    expect(read('12/1/10', 'en_US')).toBeNaN(); // 1910 or 2010?
    expect(whyNotADate('12/1/10', dateFormOf('en_US'))).toBe('two-digit year');
  });

  it('days and times that do not exist are not dates, with no other reason', () => {
    for (const [text, locale] of [['2/30/2024', 'en_US'], ['2023-02-29', 'en_US'], ['2010-12-01T24:00', 'en_US'], ['2010-12-01 08:61', 'en_US'],
      ['13/1/2010', 'en_US'], ['12/1/2010 13:00 PM', 'en_US'], ['soon', 'en_US'], ['+5', 'en_US'], ['45300', 'en_US'], ['1.12.', 'cs_CZ']]) {
      expect(read(text, locale), text).toBeNaN();
      expect(whyNotADate(text, dateFormOf(locale)), text).toBeNull();
    }
  });
});
