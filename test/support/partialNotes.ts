/**
 * The note =COHORTS writes under its matrix when the last period is partial, written out here in
 * en, cs, pl and hu (not taken from the catalogue), and the partial last period of a span of days
 * found from the days themselves (own calendar arithmetic; imports nothing from src/).
 *
 *   partial  the period of the last observable day ends after that day
 */

export type NoteLanguage = 'en' | 'cs' | 'pl' | 'hu';
export type NoteUnit = 'week' | 'week sunday' | 'month' | 'quarter' | 'year';
export type Civil = [number, number, number];

const DAY_MS = 86_400_000;
const ordinal = ([y, m, d]: Civil) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const civil = (n: number): Civil => {
  const t = new Date(n * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/** First and last day of the period holding `day`. ISO weeks start on Monday; "week sunday" on Sunday. */
export function periodAround(day: Civil, unit: NoteUnit): { first: Civil; last: Civil } {
  const [y, m] = day;
  if (unit === 'week' || unit === 'week sunday') {
    const weekday = new Date(ordinal(day) * DAY_MS).getUTCDay(); // 0 Sunday … 6 Saturday
    const back = unit === 'week' ? (weekday + 6) % 7 : weekday;
    const first = ordinal(day) - back;
    return { first: civil(first), last: civil(first + 6) };
  }
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const firstMonth = unit === 'year' ? 1 : Math.floor((m - 1) / months) * months + 1;
  const first: Civil = [y, firstMonth, 1];
  const last = civil(Math.round(Date.UTC(y, firstMonth - 1 + months, 1) / DAY_MS) - 1);
  return { first, last };
}

/** The last period when it is partial (its last day is after `lastDay`), else null. */
export function partialPeriod(lastDay: Civil, unit: NoteUnit): Civil | null {
  const { first, last } = periodAround(lastDay, unit);
  return ordinal(last) > ordinal(lastDay) ? first : null;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** A day as each language writes it in messages: "Mar 1, 2024", "1. 3. 2024", "1.03.2024", "2024. 03. 01.". */
export function writtenDay([y, m, d]: Civil, language: NoteLanguage): string {
  if (language === 'en') return `${EN_MONTHS[m - 1]} ${d}, ${y}`;
  if (language === 'cs') return `${d}. ${m}. ${y}`;
  if (language === 'pl') return `${d}.${two(m)}.${y}`;
  return `${y}. ${two(m)}. ${two(d)}.`;
}

const UNIT_WORDS: Record<NoteLanguage, Record<'week' | 'month' | 'quarter' | 'year', string>> = {
  en: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
  cs: { week: 'týden', month: 'měsíc', quarter: 'čtvrtletí', year: 'rok' },
  pl: { week: 'tydzień', month: 'miesiąc', quarter: 'kwartał', year: 'rok' },
  hu: { week: 'hét', month: 'hónap', quarter: 'negyedév', year: 'év' },
};

/** The note's text for a transaction log ('log') or a customer table ('table'). */
export function partialNote(source: 'log' | 'table', language: NoteLanguage, unit: NoteUnit, start: Civil, until: Civil): string {
  const u = UNIT_WORDS[language][unit === 'week sunday' ? 'week' : unit];
  const s = writtenDay(start, language);
  const d = writtenDay(until, language);
  const texts: Record<NoteLanguage, Record<'log' | 'table', string>> = {
    en: {
      log: `The last period (${u} from ${s}) is partial: data until ${d}. The last filled cell of each cohort row counts purchases only up to that day, so customers who have not bought yet are missing from it.`,
      table: `The last period (${u} from ${s}) is partial: data until ${d}. The last filled cell of each cohort row counts the customers active on that day; cancellations later in the ${u} are not counted yet.`,
    },
    cs: {
      log: `Poslední období (${u} od ${s}) je neúplné: data do ${d}. Poslední vyplněná buňka v řádku každé kohorty počítá jen nákupy do tohoto dne, zákazníci, kteří ještě nenakoupili, v ní proto chybějí.`,
      table: `Poslední období (${u} od ${s}) je neúplné: data do ${d}. Poslední vyplněná buňka v řádku každé kohorty počítá zákazníky aktivní v tento den; pozdější zrušení v tomto období (${u}) se zatím nepočítají.`,
    },
    pl: {
      log: `Ostatni okres (${u} od ${s}) jest niepełny: dane do ${d}. Ostatnia wypełniona komórka w wierszu każdej kohorty liczy zakupy tylko do tego dnia, więc brakuje w niej klientów, którzy jeszcze nie kupili.`,
      table: `Ostatni okres (${u} od ${s}) jest niepełny: dane do ${d}. Ostatnia wypełniona komórka w wierszu każdej kohorty liczy klientów aktywnych w tym dniu; późniejsze rezygnacje w tym okresie (${u}) nie są jeszcze liczone.`,
    },
    hu: {
      log: `Az utolsó időszak (${u}, kezdete: ${s}) részleges (adatok eddig: ${d}): minden kohorsz sorának utolsó kitöltött cellája csak az addig a napig történt vásárlásokat számolja, ezért hiányoznak belőle a még nem vásárolt ügyfelek.`,
      table: `Az utolsó időszak (${u}, kezdete: ${s}) részleges (adatok eddig: ${d}): minden kohorsz sorának utolsó kitöltött cellája az aznap aktív ügyfeleket számolja; az időszak (${u}) későbbi lemondásai még nem számítanak.`,
    },
  };
  return texts[language][source];
}

/** The note as the spill's row: the text in the first cell, "" across the rest of the width. */
export function partialNoteRow(width: number, ...args: Parameters<typeof partialNote>): string[] {
  return [partialNote(...args), ...new Array<string>(width - 1).fill('')];
}
