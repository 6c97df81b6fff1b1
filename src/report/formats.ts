import type { CurrencyCode, Language } from '../i18n';

/** Number formats of the summary and customer value sheets. */

export const FORMAT = {
  count: '#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm', // i18n-exempt: a number format
  plain: '0',
  text: '@',
} as const;

const CURRENCY_BY_LOCALE: Record<string, string> = {
  en_US: '"$"#,##0.00', en_CA: '"$"#,##0.00', en_AU: '"$"#,##0.00', en_GB: '"£"#,##0.00', en_IE: '"€"#,##0.00',
  cs_CZ: '#,##0.00" Kč"', pl_PL: '#,##0.00" zł"', hu_HU: '#,##0" Ft"', sk_SK: '#,##0.00" €"',
  de_DE: '#,##0.00" €"', fr_FR: '#,##0.00" €"', es_ES: '#,##0.00" €"', it_IT: '#,##0.00" €"', nl_NL: '"€ "#,##0.00',
  ja_JP: '"¥"#,##0', en_IN: '"₹"#,##0.00',
};

/** Two decimals and no symbol: money whose currency the add-on does not know. */
export const PLAIN_MONEY = '#,##0.00';

/** A currency format for the locale, for amounts the add-on itself writes in it (the sample sheet). */
export function currencyFormat(locale: string): string {
  return CURRENCY_BY_LOCALE[locale] ?? PLAIN_MONEY;
}

// A symbol or code of a currency inside a number format: Sheets' "[$€]" / "[$Kč-405]" forms, a quoted or
// escaped symbol, or one of the codes Sheets' own currency formats write.
const CURRENCY_IN_FORMAT = /\[\$[^\]]*\]|[$€£¥₹₽₩₺₴]|K[čc]|zł|\bFt\b|\b(?:CZK|PLN|HUF|EUR|USD|GBP|CHF)\b/;

/**
 * The format of the report's money cells: the source amount column's own format when it names a currency
 * (the analyst's data says what it is in), else two decimals without a symbol. Never the spreadsheet
 * locale's currency: a dollar log in a Czech workbook is still dollars.
 */
export function moneyFormatOf(sourceFormat: string | null | undefined): string {
  return sourceFormat && CURRENCY_IN_FORMAT.test(sourceFormat) ? sourceFormat : PLAIN_MONEY;
}

const CURRENCY_MARKS: [RegExp, CurrencyCode][] = [
  [/€|\bEUR\b/, 'EUR'], [/£|\bGBP\b/, 'GBP'], [/K[čc]|\bCZK\b/, 'CZK'], [/zł|\bPLN\b/, 'PLN'], [/\bFt\b|\bHUF\b/, 'HUF'], [/\$|\bUSD\b/, 'USD'],
];

/** The currency a money format names, for amounts written in text (the cost lines), or null ("$" is US dollars). */
export function currencyOfFormat(format: string): CurrencyCode | null {
  // Sheets' "[$…]" part names the currency itself; "[$CA$]", "[$AU$]"… are dollars the add-on cannot name.
  const bracket = /\[\$([^\]-]*)/.exec(format)?.[1];
  if (bracket !== undefined && /^(?!US)[A-Z]{2}\$$/.test(bracket)) return null;
  const text = bracket ?? format;
  return CURRENCY_MARKS.find(([re]) => re.test(text))?.[1] ?? null;
}

/**
 * A date cell's format in the language's way of writing dates (as src/i18n/format.ts writes them in
 * text): Sheets shows "mmm" in the spreadsheet's own language.
 */
export function cellDateFormat(language: Language): string {
  return { en: 'mmm d, yyyy', cs: 'd. m. yyyy', pl: 'd.mm.yyyy', hu: 'yyyy. mm. dd.' }[language];
}

/** A date-and-time cell's format: the language's date, then the 24-hour time. */
export function cellDateTimeFormat(language: Language): string {
  return `${cellDateFormat(language)} hh:mm`;
}
