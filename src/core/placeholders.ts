/**
 * Text that exports write into a cell that has no value: pandas and NumPy "nan", SQL "NULL",
 * Python "None", R "NA" and "<NA>", MySQL's "\N", spreadsheets' "N/A" and "-", and text that only
 * looks empty (zero-width spaces, a byte-order mark). As a customer id such a cell is a blank id:
 * read as an id, every row of it would become one giant customer.
 */
export const MISSING_TEXTS: readonly string[] = [
  'nan', 'null', 'none', 'nil', 'undefined', 'na', 'n/a', 'n.a.', '#n/a', '<na>', 'nat', '\\n',
  '-', '--', '---', '–', '—', '?', '(null)', '(blank)', '(none)', '(empty)', '(missing)',
];
const MISSING = new Set(MISSING_TEXTS);

/** The longest text (with its surrounding spaces) that can be a placeholder. */
export const MAX_PLACEHOLDER_LENGTH = 16;

// Characters that show nothing: whitespace, zero-width spaces and joiners, word joiner, BOM, soft hyphen.
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]*$/;

// First characters of the placeholders (ASCII letters lower-cased): most ids start with another one,
// which settles them with one comparison (the check runs for every id the first time it is seen).
const FIRST = new Set([...MISSING].map((p) => p.charCodeAt(0)));

/** Whether id text is a placeholder for a missing id (compared without case and surrounding spaces). */
export function isMissingIdText(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) {
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    return FIRST.has(lower) && text.length <= MAX_PLACEHOLDER_LENGTH && MISSING.has(text.trim().toLowerCase());
  }
  return (text.length <= MAX_PLACEHOLDER_LENGTH && MISSING.has(text.trim().toLowerCase())) || INVISIBLE_ONLY.test(text);
}

/** Whether text shows nothing at all although it is not empty. */
export function isInvisibleText(text: string): boolean {
  return text.length > 0 && INVISIBLE_ONLY.test(text);
}
