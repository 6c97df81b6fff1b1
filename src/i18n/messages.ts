import type { DayNumber } from '../core/calendar';
import { formatDate, formatList, formatMoney, formatNumber, formatPercent, formatPlainNumber, type CurrencyCode } from './format';
import type { Language } from './languages';
import { choiceWords, type Choices } from './optionWords';
import { PLURAL_CATEGORIES, pluralCategory, type PluralCategories } from './plural';

/**
 * Messages as data: a key into the catalogues and its named parameters, rendered into a language
 * only where it is shown (a cell, the sidebar, a formula's error tooltip). Entries are text with
 * `{name}` placeholders, or plural forms chosen by the `count` parameter by CLDR rules.
 */

/** An entry of a catalogue: text, or one text per plural category of the language. */
export type Entry = string | { readonly [category: string]: string };

/** A number to write in a particular way; plain numbers are written with up to two fraction digits. */
export type Formatted =
  | { readonly kind: 'number'; readonly value: number; readonly minDecimals: number; readonly maxDecimals: number }
  | { readonly kind: 'plain'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number; readonly maxDecimals: number }
  | { readonly kind: 'money'; readonly value: number; readonly currency: CurrencyCode | null; readonly decimals?: number }
  | { readonly kind: 'date'; readonly day: DayNumber }
  | { readonly kind: 'list'; readonly items: readonly Param[]; readonly type: 'or' | 'and' | 'comma' | 'semicolon' | 'sentences' }
  | Choices;

/** What a placeholder takes: text as it is (user data: sheet names, headers), a number, a message. */
export type Param = string | number | Formatted | AnyMessage;

export interface AnyMessage {
  readonly key: string;
  readonly params: { readonly [name: string]: Param };
}

/** A value the user typed, as the cell shows it: no grouping, up to 15 significant digits. */
export const typed = (value: number): Formatted => ({ kind: 'plain', value });
export const integer = (value: number): Formatted => ({ kind: 'number', value, minDecimals: 0, maxDecimals: 0 });
export const decimal = (value: number, maxDecimals = 2, minDecimals = 0): Formatted => ({ kind: 'number', value, minDecimals, maxDecimals });
export const percent = (fraction: number, maxDecimals = 1): Formatted => ({ kind: 'percent', value: fraction, maxDecimals });
/** An amount of money in whole units, or with `decimals` fraction digits always shown. */
export const money = (value: number, currency: CurrencyCode | null, decimals = 0): Formatted => ({ kind: 'money', value, currency, decimals });
export const date = (day: DayNumber): Formatted => ({ kind: 'date', day });
export const anyOf = (items: readonly Param[]): Formatted => ({ kind: 'list', items, type: 'or' });
export const allOf = (items: readonly Param[]): Formatted => ({ kind: 'list', items, type: 'and' });
/** Items one after the other, "a, b, c" in every language: a list that goes on ("… and 3 more"). */
export const commaList = (items: readonly Param[]): Formatted => ({ kind: 'list', items, type: 'comma' });
/** Items that hold commas of their own, "a; b; c". */
export const semicolonList = (items: readonly Param[]): Formatted => ({ kind: 'list', items, type: 'semicolon' });
/** Sentences one after the other, separated by a space. */
export const sentences = (items: readonly Param[]): Formatted => ({ kind: 'list', items, type: 'sentences' });

const JOINERS = { comma: ', ', semicolon: '; ', sentences: ' ' } as const;

/** Catalogues by language, each from key to entry; a key missing in one language falls back to English. */
export type Catalogues = { readonly [L in Language]: { readonly [key: string]: Entry } };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Renders a message in a language. Unknown keys render as the key itself, so nothing is silently lost. */
export function renderMessage(catalogues: Catalogues, message: AnyMessage, language: Language): string {
  const entry = catalogues[language][message.key] ?? catalogues.en[message.key];
  if (entry === undefined) return message.key;
  const text = typeof entry === 'string' ? entry : pluralForm(entry, message.params.count, language);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = message.params[name];
    return value === undefined ? whole : renderParam(catalogues, value, language);
  });
}

/** The form for `count`, by the fraction digits it shows with (so "1,5 dne" but "2 dny"). */
function pluralForm(entry: { readonly [category: string]: string }, count: Param | undefined, language: Language): string {
  const options = typeof count === 'object' && 'kind' in count && count.kind === 'number' ? count : {};
  const n = typeof count === 'number' ? count : typeof count === 'object' && 'kind' in count && count.kind === 'number' ? count.value : NaN;
  if (!Number.isFinite(n)) return entry.other;
  const shown = formatNumber(n, 'en', options); // en: "." before the fraction digits
  const dot = shown.indexOf('.');
  const category = pluralCategory(language, Number(shown.replace(/,/g, '')), dot < 0 ? 0 : shown.length - dot - 1);
  return entry[category] ?? entry.other;
}

export function renderParam(catalogues: Catalogues, value: Param, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, language);
  if ('key' in value) return renderMessage(catalogues, value, language);
  switch (value.kind) {
    case 'number':
      return formatNumber(value.value, language, value);
    case 'plain':
      return formatPlainNumber(value.value, language);
    case 'percent':
      return formatPercent(value.value, language, { maxDecimals: value.maxDecimals });
    case 'money':
      return formatMoney(value.value, language, value.currency, { minDecimals: value.decimals ?? 0, maxDecimals: value.decimals ?? 0 });
    case 'date':
      return formatDate(value.day, language);
    case 'list':
      if (value.type !== 'or' && value.type !== 'and') return value.items.map((item) => renderParam(catalogues, item, language)).join(JOINERS[value.type]);
      return formatList(value.items.map((item) => renderParam(catalogues, item, language)), language, value.type);
    case 'choices':
      return formatList(choiceWords(value, language), language, 'or');
  }
}

/** The placeholders of an entry, in every form: the catalogue test compares them across languages. */
export function placeholdersOf(entry: Entry): string[] {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  if (typeof entry !== 'string') names.add('count');
  return [...names].sort();
}

/** The plural categories an entry of this language must have. */
export function pluralCategoriesOf(language: Language): readonly PluralCategories[Language][] {
  return PLURAL_CATEGORIES[language];
}

// ---- Typing: keys and parameters checked at compile time against the English catalogue. ----

type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;

/** The parameter names of an English entry (plural entries also take `count`). */
export type EntryParams<E> = E extends string ? Holes<E> : Holes<E[keyof E]> | 'count';

/** A translation of an English catalogue part: the same keys, plural entries with the language's categories. */
export type Translation<E, L extends Language> = {
  readonly [K in keyof E]: E[K] extends string ? string : { readonly [C in PluralCategories[L]]: string };
};
