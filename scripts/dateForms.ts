/**
 * Writes src/core/dateFormTable.ts: how each spreadsheet locale writes a date in numbers (the order of
 * day, month and year and the separator), taken from CLDR through Node's Intl (ICU) — the same data
 * Sheets' own locales follow. Run `npx tsx scripts/dateForms.ts` after a Node upgrade changes CLDR;
 * test/core/textDates.test.ts fails until the table agrees with this machine's Intl.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Locales as Sheets names them (File → Settings → Locale; Java-style codes such as iw_IL, in_ID). */
export const SHEETS_LOCALES = [
  'af_ZA', 'am_ET', 'ar_EG', 'ar_SA', 'az_AZ', 'be_BY', 'bg_BG', 'bn_IN', 'bs_BA', 'ca_ES', 'cs_CZ', 'cy_GB',
  'da_DK', 'de_AT', 'de_CH', 'de_DE', 'el_GR', 'en_AU', 'en_CA', 'en_GB', 'en_IE', 'en_IN', 'en_NZ', 'en_PH',
  'en_SG', 'en_US', 'en_ZA', 'es_419', 'es_AR', 'es_CL', 'es_CO', 'es_ES', 'es_MX', 'es_PE', 'es_US', 'et_EE',
  'eu_ES', 'fa_IR', 'fi_FI', 'fil_PH', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_FR', 'ga_IE', 'gl_ES', 'he_IL', 'hi_IN',
  'hr_HR', 'hu_HU', 'hy_AM', 'id_ID', 'in_ID', 'is_IS', 'it_CH', 'it_IT', 'iw_IL', 'ja_JP', 'ka_GE', 'kk_KZ',
  'km_KH', 'ko_KR', 'ky_KG', 'lb_LU', 'lo_LA', 'lt_LT', 'lv_LV', 'mk_MK', 'mn_MN', 'mr_IN', 'ms_MY', 'mt_MT',
  'my_MM', 'nb_NO', 'ne_NP', 'nl_BE', 'nl_NL', 'no_NO', 'pl_PL', 'pt_BR', 'pt_PT', 'ro_RO', 'ru_RU', 'si_LK',
  'sk_SK', 'sl_SI', 'sq_AL', 'sr_RS', 'sv_SE', 'sw_KE', 'ta_IN', 'tg_TJ', 'th_TH', 'tk_TM', 'tr_TR', 'uk_UA',
  'ur_PK', 'uz_UZ', 'vi_VN', 'zh_CN', 'zh_HK', 'zh_TW', 'zu_ZA',
];

const BIDI_AND_SPACE = /[\s\u200e\u200f\u061c]+/g;

interface Written {
  order: string;
  separator: string;
  suffix: string;
}

// The fields and literals of one way the locale writes 2010-12-01, or null when it is not three
// numbers split by one of . / - (letters between them, different separators).
function written(format: Intl.DateTimeFormat): Written | null {
  let order = '';
  const literals: string[] = [];
  let pending = '';
  for (const p of format.formatToParts(new Date(Date.UTC(2010, 11, 1)))) {
    if (p.type === 'day' || p.type === 'month' || p.type === 'year') {
      if (order) literals.push(pending);
      else if (pending.replace(BIDI_AND_SPACE, '') !== '') return null; // text before the first field
      order += p.type[0].toUpperCase();
      pending = '';
    } else pending += p.value;
  }
  const [a, b] = literals.map((l) => l.replace(BIDI_AND_SPACE, ''));
  const suffix = pending.replace(BIDI_AND_SPACE, '');
  if (order.length !== 3 || a !== b || !/^[./-]$/.test(a) || /\d/.test(suffix)) return null;
  return { order, separator: a, suffix };
}

/**
 * One locale's numeric date form as "ORDER SEPARATORS[ SUFFIX]": "MDY /" (en_US), "DMY ." (cs_CZ,
 * written "1. 12. 2010"), "YMD . ." (hu_HU, "2010. 12. 01."), "DMY /." (it_CH writes both). Taken
 * from both the numeric form and the short date style; null when they disagree on the order of the
 * fields (mt_MT, ky_KG, zu_ZA: which one Sheets shows is not known, so nothing is read as theirs),
 * when the locale's calendar is not the Gregorian one (th_TH, fa_IR), or when it writes dates in
 * another way.
 */
export function dateFormOfLocale(sheetsLocale: string): string | null {
  const tag = sheetsLocale.replace('_', '-');
  const options = { timeZone: 'UTC', numberingSystem: 'latn' } as const;
  const numericFormat = new Intl.DateTimeFormat(tag, { ...options, year: 'numeric', month: 'numeric', day: 'numeric' });
  if (numericFormat.resolvedOptions().calendar !== 'gregory') return null;
  const numeric = written(numericFormat);
  const short = written(new Intl.DateTimeFormat(tag, { ...options, dateStyle: 'short' }));
  if (!numeric || (short && short.order !== numeric.order)) return null;
  const separators = short && short.separator !== numeric.separator ? numeric.separator + short.separator : numeric.separator;
  const suffix = numeric.suffix || short?.suffix || '';
  return suffix ? `${numeric.order} ${separators} ${suffix}` : `${numeric.order} ${separators}`;
}

/** Every listed locale's form, plus a language's own entry when all its listed locales agree. */
export function computeDateForms(locales: readonly string[] = SHEETS_LOCALES): Record<string, string> {
  const forms: Record<string, string> = {};
  const byLanguage = new Map<string, Set<string | null>>();
  for (const locale of locales) {
    const form = dateFormOfLocale(locale);
    if (form) forms[locale] = form;
    const language = locale.split('_')[0];
    if (!byLanguage.has(language)) byLanguage.set(language, new Set());
    byLanguage.get(language)!.add(form);
  }
  for (const [language, set] of byLanguage) {
    const [only] = [...set];
    if (set.size === 1 && only) forms[language] = only;
  }
  return Object.fromEntries(Object.entries(forms).sort(([x], [y]) => (x < y ? -1 : 1)));
}

export function tableSource(forms: Record<string, string>): string {
  const lines = Object.entries(forms).map(([k, v]) => `  ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `'${k}'`}: '${v}',`);
  return [
    '// Generated by scripts/dateForms.ts from CLDR through Node\'s Intl (ICU); do not edit by hand.',
    '// How each spreadsheet locale writes a date in numbers: "ORDER SEPARATORS[ SUFFIX]", e.g. en_US',
    '// "MDY /" (12/1/2010), cs_CZ "DMY ." (1. 12. 2010), hu_HU "YMD . ." (2010. 12. 01.), it_CH "DMY /."',
    '// (either separator). A bare language ("cs") stands for every listed locale of that language when',
    '// they all agree. Locales missing here have no form that is read (only ISO dates).',
    'export const DATE_FORM_TABLE: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = join(import.meta.dirname, '..', 'src', 'core', 'dateFormTable.ts');
  writeFileSync(target, tableSource(computeDateForms()));
  console.log(`wrote ${target}`);
}
