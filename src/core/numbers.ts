
/**
 * Numbers typed as text. Sheets usually parses what users type, but pasted or imported text such as
 * "1 000" or "12,5" can stay text. We read it the way the spreadsheet's locale would, and reject what
 * is ambiguous rather than guess: "1,500" is 1500 in en_US, 1.5 in cs_CZ.
 */

export interface NumberLocale {
  decimal: '.' | ',';
}

const COMMA_DECIMAL_LANGUAGES = new Set([
  'cs', 'sk', 'pl', 'hu', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'da', 'sv', 'nb', 'no', 'fi', 'ru', 'uk',
  'ro', 'bg', 'hr', 'sl', 'sr', 'lt', 'lv', 'et', 'el', 'tr', 'id', 'vi', 'ca', 'be', 'kk', 'az',
]);

/** Sheets locales look like "en_US", "cs_CZ", "de_CH"; Swiss and some others use '.' in Sheets. */
export function numberLocale(sheetsLocale: string | undefined): NumberLocale {
  const tag = (sheetsLocale ?? 'en_US').replace('-', '_');
  const [lang, region] = tag.split('_');
  if (region === 'CH' || region === 'LI') return { decimal: '.' };
  return { decimal: COMMA_DECIMAL_LANGUAGES.has((lang ?? '').toLowerCase()) ? ',' : '.' };
}

/** A failure says why in English (`why`); one using the other decimal separator also says which (for messages). */
export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; why: string; wrongDecimal?: { other: string; decimal: string } };

/** Parses number-like text for the locale; percentages ("5%") become fractions. */
export function parseNumberText(text: string, locale: NumberLocale): ParsedNumber {
  let t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (t === '') return { ok: false, why: 'is blank' }; // i18n-exempt: a reason for developers and tests; messages say it through wrongDecimal (number.wrongDecimal)
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t[0] === '-' ? -1 : 1;
    t = t.slice(1).trim();
  }
  const group = locale.decimal === '.' ? '[, ]' : '[. ]';
  const dec = locale.decimal === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(${group}\\d{3})+(${dec}\\d+)?$`);
  const plain = new RegExp(`^(\\d+(${dec}\\d*)?|${dec}\\d+)([eE][-+]?\\d+)?$`);
  let normal: string | null = null;
  if (plain.test(t)) normal = t.replace(',', '.');
  else if (grouped.test(t) && sameSeparator(t, locale)) normal = t.replace(/[ ,.](?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (normal === null) {
    const other = locale.decimal === '.' ? ',' : '.';
    if (new RegExp(`^\\d+\\${other}\\d+$`).test(t)) {
      return {
        ok: false,
        why: `uses "${other}" as a decimal separator, but the spreadsheet's locale uses "${locale.decimal}"`, // i18n-exempt: a reason for developers and tests; messages say it through wrongDecimal (number.wrongDecimal)
        wrongDecimal: { other, decimal: locale.decimal },
      };
    }
    return { ok: false, why: 'is not a number' }; // i18n-exempt: a reason for developers and tests; messages say it through wrongDecimal (number.wrongDecimal)
  }
  const value = sign * Number(normal) * scale;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, why: 'is not a finite number' }; // i18n-exempt: a reason for developers and tests; messages say it through wrongDecimal (number.wrongDecimal)
}

// "1,000.5" and "1 000,5" are fine; "1.000,5" in an en locale or mixed group separators are not.
function sameSeparator(t: string, locale: NumberLocale): boolean {
  const intPart = locale.decimal === '.' ? t.split('.')[0] : t.split(',')[0];
  const seps = new Set(intPart.replace(/\d/g, ''));
  return seps.size <= 1;
}
