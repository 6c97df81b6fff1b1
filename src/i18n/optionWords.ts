import type { Language } from './languages';
// i18n-vocabulary-file: option words the functions read in formulas (messages list them through choicesOf)

/**
 * The option words of the custom functions ("month", "customers", "in or after"…). Formulas are
 * shared, so the English spellings always work; each language's own words work too ("měsíc",
 * "miesiąc", "hónap"), compared without case or accents ("mesic", "MIESIAC" and "honap" as well).
 * The first word of each list is the one messages show.
 */

export type Words = { readonly [L in Language]: readonly string[] };

export const PERIOD_WORDS = {
  week: {
    en: ['week', 'weeks', 'weekly', 'w'],
    cs: ['týden', 'týdny', 'týdně', 'týdenní'],
    pl: ['tydzień', 'tygodnie', 'tygodniowo', 'tygodniowy'],
    hu: ['hét', 'hetek', 'heti', 'hetente'],
  },
  month: {
    en: ['month', 'months', 'monthly', 'm'],
    cs: ['měsíc', 'měsíce', 'měsíčně', 'měsíční'],
    pl: ['miesiąc', 'miesiące', 'miesięcznie', 'miesięczny'],
    hu: ['hónap', 'hónapok', 'havi', 'havonta'],
  },
  quarter: {
    en: ['quarter', 'quarters', 'quarterly', 'q'],
    cs: ['čtvrtletí', 'čtvrtletně', 'čtvrtletní', 'kvartál'],
    pl: ['kwartał', 'kwartały', 'kwartalnie', 'kwartalny'],
    hu: ['negyedév', 'negyedévek', 'negyedéves', 'negyedévente'],
  },
  year: {
    en: ['year', 'years', 'yearly', 'annual', 'y'],
    cs: ['rok', 'roky', 'ročně', 'roční'],
    pl: ['rok', 'lata', 'rocznie', 'roczny'],
    hu: ['év', 'évek', 'éves', 'évente'],
  },
} as const satisfies Record<string, Words>;

/** Words naming the first day of a week ("week sunday", "týden neděle"); "iso" means Monday. */
export const WEEK_START_WORDS = {
  monday: { en: ['monday', 'mon', 'iso'], cs: ['pondělí', 'pondělím'], pl: ['poniedziałek', 'poniedziałku'], hu: ['hétfő', 'hétfőtől'] },
  sunday: { en: ['sunday', 'sun'], cs: ['neděle', 'nedělí', 'neděli'], pl: ['niedziela', 'niedzieli'], hu: ['vasárnap', 'vasárnaptól'] },
} as const satisfies Record<string, Words>;

/** Filler words in a week-start phrase ("weeks starting on Sunday", "týden od neděle"). */
export const WEEK_FILLER_WORDS: Words = {
  en: ['starting', 'start', 'from', 'on'],
  cs: ['od', 'začíná', 'v'],
  pl: ['od', 'w'],
  hu: ['kezdve', 'kezdet', 'tól', 'től'],
};

export const SHOW_WORDS = {
  retention: { en: ['retention', 'rate', 'rates', 'percent', '%'], cs: ['udržení', 'retence', 'míra'], pl: ['retencja', 'wskaźnik', 'procent'], hu: ['megtartás', 'arány', 'százalék'] },
  counts: { en: ['customers', 'counts', 'count', 'number'], cs: ['zákazníci', 'počet', 'počty'], pl: ['klienci', 'liczba', 'liczby'], hu: ['ügyfelek', 'szám', 'darab'] },
  revenue: { en: ['revenue', 'amount', 'amounts', 'value'], cs: ['tržby', 'tržba', 'částka', 'hodnota'], pl: ['przychód', 'przychody', 'kwota', 'wartość'], hu: ['bevétel', 'összeg', 'érték'] },
} as const satisfies Record<string, Words>;

export const MODE_WORDS = {
  in: { en: ['in', 'in period', 'bounded'], cs: ['v období', 'v'], pl: ['w okresie', 'w'], hu: ['az időszakban', 'időszakban'] },
  inOrAfter: {
    en: ['in or after', 'unbounded', 'or later', 'in or later'],
    cs: ['v období nebo později', 'nebo později', 'později'],
    pl: ['w okresie lub później', 'lub później', 'później'],
    hu: ['az időszakban vagy később', 'vagy később', 'később'],
  },
} as const satisfies Record<string, Words>;

export const CLV_OUTPUT_WORDS = {
  customers: { en: ['customers'], cs: ['zákazníci'], pl: ['klienci'], hu: ['ügyfelek'] },
  model: { en: ['model'], cs: ['model'], pl: ['model'], hu: ['modell'] },
  atRisk: { en: ['at risk', 'atrisk'], cs: ['ohrožení', 'ohrožení zákazníci'], pl: ['zagrożeni', 'zagrożeni klienci'], hu: ['veszélyeztetett', 'veszélyeztetett ügyfelek'] },
  lapsed: { en: ['lapsed', 'win back', 'winback'], cs: ['ztracení', 'ztracení zákazníci'], pl: ['utraceni', 'utraceni klienci'], hu: ['elvesztett', 'elvesztett ügyfelek'] },
} as const satisfies Record<string, Words>;

/** =COHORTS' and =RETENTION_BY_PERIOD's refunds: negative amounts in revenue only, or also as purchases. */
export const REFUND_WORDS = {
  revenue: {
    en: ['revenue', 'revenue only', 'not activity', 'not purchases', 'no', 'false'],
    cs: ['tržby', 'jen tržby', 'ne'],
    pl: ['przychód', 'tylko przychód', 'nie'],
    hu: ['bevétel', 'csak bevétel', 'nem'],
  },
  activity: {
    en: ['activity', 'purchase', 'purchases', 'as purchases', 'as activity', 'yes', 'true'],
    cs: ['nákupy', 'jako nákupy', 'aktivita', 'ano'],
    pl: ['zakupy', 'jako zakupy', 'aktywność', 'tak'],
    hu: ['vásárlás', 'vásárlásként', 'aktivitás', 'igen'],
  },
} as const satisfies Record<string, Words>;

/** Case, accents and spacing away: "Měsíc " → "mesic", "Kwartał" → "kwartal", "in_or-after" → "in or after". */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The option a word names, in any language, or null. */
export function matchWord<V extends string>(table: { readonly [K in V]: Words }, word: string): V | null {
  const wanted = normalizeWord(word);
  for (const value of Object.keys(table) as V[]) {
    for (const list of Object.values(table[value]) as readonly (readonly string[])[]) {
      if (list.some((w) => normalizeWord(w) === wanted)) return value;
    }
  }
  return null;
}

/**
 * What a message lists as accepted: the first English word of each value (and `extra` phrases such as
 * "week sunday"), then, for a reader of another language, that language's first words too.
 */
export function choicesOf<V extends string>(
  table: { readonly [K in V]: Words },
  values?: readonly V[],
  extra: readonly string[] = [],
  extraAt?: number,
): Choices {
  const keys = values ?? (Object.keys(table) as V[]);
  const own = {} as Record<Language, string[]>;
  for (const language of ['en', 'cs', 'pl', 'hu'] as const) own[language] = keys.map((v) => table[v][language][0]);
  const english = keys.map((v) => table[v].en[0]);
  english.splice(extraAt ?? english.length, 0, ...extra);
  return { kind: 'choices', english, own };
}

export interface Choices {
  readonly kind: 'choices';
  readonly english: readonly string[];
  readonly own: { readonly [L in Language]: readonly string[] };
}

/** The quoted words of a Choices for a reader of `language`, English ones first, no word twice. */
export function choiceWords(choices: Choices, language: Language): string[] {
  const words = [...choices.english];
  if (language !== 'en') for (const w of choices.own[language]) if (!words.includes(w)) words.push(w);
  return words.map((w) => `"${w}"`);
}
