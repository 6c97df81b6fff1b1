import type { Language } from '../i18n';

/** Number formats of the summary sheet; currency follows the spreadsheet's locale where we know it. */

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

/** A currency format for the locale, or a plain two-decimal money format where the currency is unknown. */
export function currencyFormat(locale: string): string {
  return CURRENCY_BY_LOCALE[locale] ?? '#,##0.00';
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
