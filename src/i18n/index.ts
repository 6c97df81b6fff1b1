export { LANGUAGES, languageOf, supportedLanguage, userLanguage, type Language } from './languages';
export { CATALOGUES, msg, render, renderValue, t, type Message, type MessageKey } from './catalogue';
export { allOf, anyOf, commaList, date, semicolonList, sentences, decimal, integer, money, percent, typed, type AnyMessage, type Param } from './messages';
export { currencyOfLocale, formatDate, formatList, formatMoney, formatNumber, formatPercent, type CurrencyCode } from './format';
