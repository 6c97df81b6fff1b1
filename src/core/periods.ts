import { UserError } from './errors';
import { describeValue } from './cells';
import { civilFromDays, daysFromCivil, type DayNumber } from './calendar';
import { msg, t } from '../i18n/catalogue';
import type { Language } from '../i18n/languages';
import { date, type Param } from '../i18n/messages';
import { choicesOf, matchWord, normalizeWord, PERIOD_WORDS, WEEK_FILLER_WORDS, WEEK_START_WORDS } from '../i18n/optionWords';

/**
 * Reporting periods as consecutive integers, so "the period after p" is p + 1 and period offsets are
 * plain subtraction. Index 0 is the period containing 1970-01-01 (weeks: the week containing it).
 */

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';
export type WeekStart = 'monday' | 'sunday';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['week', 'month', 'quarter', 'year'];

export interface PeriodScheme {
  unit: PeriodUnit;
  weekStart: WeekStart;
}

/**
 * A value as the user sees it, for "(got …)": the caller's describer names dates in the sheet's zone,
 * as a message parameter so that they are named in the message's language.
 */
export type Describe = (value: unknown) => Param;

/** The documented spellings for messages ("week sunday" among them), and each language's own words. */
const PERIOD_CHOICES = choicesOf(PERIOD_WORDS, ['week', 'month', 'quarter', 'year'], ['week sunday'], 1); // i18n-exempt: an option word formulas accept

function badPeriod(argName: string, value: unknown, describe: Describe): UserError {
  return new UserError(msg('options.mustBe', { arg: argName, choices: PERIOD_CHOICES, got: describe(value) }));
}

/**
 * Reads a user-typed period name ("Month", " months ", "q", or the same in Czech, Polish or Hungarian:
 * "měsíc", "miesiąc", "hónap"; see src/i18n/optionWords.ts) or throws a message naming `argName`.
 */
export function parsePeriodUnit(value: unknown, argName = 'period', describe: Describe = describeValue): PeriodUnit {
  if (value === '' || value === undefined || value === null) return 'month';
  if (typeof value !== 'string') throw badPeriod(argName, value, describe);
  const unit = matchWord(PERIOD_WORDS, value);
  if (!unit) throw badPeriod(argName, value, describe);
  return unit;
}

// Day 0 (1970-01-01) is a Thursday: Monday-start weeks begin on day −3, Sunday-start on day −4.
const WEEK_ORIGIN: Record<WeekStart, number> = { monday: -3, sunday: -4 };

/**
 * A period argument that may also choose the week start: "week" (ISO, Monday), "week sunday",
 * "weeks (Sunday)", "week monday", "iso week".
 */
export function parsePeriodScheme(value: unknown, argName = 'period', describe: Describe = describeValue): PeriodScheme {
  if (value !== '' && value !== undefined && value !== null && typeof value !== 'string') throw badPeriod(argName, value, describe);
  const words = normalizeWord(String(value ?? '')).split(/[^a-z]+/).filter(Boolean);
  const fillers = new Set(Object.values(WEEK_FILLER_WORDS).flat().map(normalizeWord));
  const isStart = (w: string) => fillers.has(w) || matchWord(WEEK_START_WORDS, w) !== null;
  const starts = words.filter(isStart);
  const rest = words.filter((w) => !isStart(w));
  if (starts.length > 0 && rest.length === 1) {
    const unit = parsePeriodUnit(rest[0], argName, () => describe(value));
    if (unit === 'week') return { unit, weekStart: starts.some((w) => matchWord(WEEK_START_WORDS, w) === 'sunday') ? 'sunday' : 'monday' };
  }
  if (starts.length > 0 && rest.length <= 1) throw badPeriod(argName, value, describe);
  return { unit: parsePeriodUnit(value, argName, describe), weekStart: 'monday' };
}

export function periodOfDay(day: DayNumber, scheme: PeriodScheme): number {
  if (scheme.unit === 'week') return Math.floor((day - WEEK_ORIGIN[scheme.weekStart]) / 7);
  const { year, month } = civilFromDays(day);
  switch (scheme.unit) {
    case 'month':
      return (year - 1970) * 12 + (month - 1);
    case 'quarter':
      return (year - 1970) * 4 + Math.floor((month - 1) / 3);
    default:
      return year - 1970;
  }
}

export function periodStartDay(period: number, scheme: PeriodScheme): DayNumber {
  switch (scheme.unit) {
    case 'week':
      return period * 7 + WEEK_ORIGIN[scheme.weekStart];
    case 'month':
      return daysFromCivil(1970 + Math.floor(period / 12), (((period % 12) + 12) % 12) + 1, 1);
    case 'quarter':
      return daysFromCivil(1970 + Math.floor(period / 4), ((((period % 4) + 4) % 4) * 3) + 1, 1);
    default:
      return daysFromCivil(1970 + period, 1, 1);
  }
}

/** Last day of the period (inclusive). */
export function periodEndDay(period: number, scheme: PeriodScheme): DayNumber {
  return periodStartDay(period + 1, scheme) - 1;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(day: DayNumber): { year: number; week: number } {
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1 = Monday
  const thursday = day - weekday + 4;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/**
 * A short label in a language: 2024-W05 (ISO weeks), 2024-01, 2024-Q1, 2024 in every language (ISO 8601
 * notations without words, year first so that text sorts in time order: what cs/pl/hu reports write
 * too), and a Sunday-start week by its first day in the language's words and date form: "week of
 * Jan 28, 2024", "týden od 28. 1. 2024", "tydzień od 28.01.2024", "2024. 01. 28. kezdetű hét". The
 * engines keep the English label as the period's stable name (PeriodInfo.label); whatever writes
 * cells labels them again with the reader's language through this function or periodLabeller.
 */
export function periodLabel(period: number, scheme: PeriodScheme, language: Language = 'en'): string {
  const start = periodStartDay(period, scheme);
  const { year, month } = civilFromDays(start);
  switch (scheme.unit) {
    case 'week':
      if (scheme.weekStart === 'monday') {
        const w = isoWeek(start);
        return `${w.year}-W${String(w.week).padStart(2, '0')}`;
      }
      return t(language, 'period.sundayWeek', { start: date(start) });
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    default:
      return String(year);
  }
}

/** The labels of one scheme in one language, for a table's rows: `label(period index)`. */
export function periodLabeller(scheme: PeriodScheme, language: Language): (period: number) => string {
  return (period) => periodLabel(period, scheme, language);
}

/**
 * Memoised day→period mapping for one scheme, for hot loops over many rows that share few days.
 */
export function periodMapper(scheme: PeriodScheme): (day: DayNumber) => number {
  if (scheme.unit === 'week') return (day) => periodOfDay(day, scheme);
  const memo = new Map<number, number>();
  return (day) => {
    let p = memo.get(day);
    if (p === undefined) {
      p = periodOfDay(day, scheme);
      memo.set(day, p);
    }
    return p;
  };
}
