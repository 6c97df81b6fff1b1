/**
 * Text that exports write into a cell that has no value: pandas and NumPy "nan", SQL "NULL",
 * Python "None", R "NA" and "<NA>", MySQL's "\N", spreadsheets' "N/A" and "-", and text that only
 * looks empty (zero-width spaces, a byte-order mark). As a customer id such a cell is a blank id:
 * read as an id, every row of it would become one giant customer.
 */
const MISSING = new Set([
  'nan', 'null', 'none', 'nil', 'undefined', 'na', 'n/a', 'n.a.', '#n/a', '<na>', 'nat', '\\n',
  '-', '--', '---', '–', '—', '?', '(null)', '(blank)', '(none)', '(empty)', '(missing)',
]);

// Characters that show nothing: whitespace, zero-width spaces and joiners, word joiner, BOM, soft hyphen.
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]*$/;

/** Whether id text is a placeholder for a missing id (compared without case and surrounding spaces). */
export function isMissingIdText(text: string): boolean {
  return (text.length <= 16 && MISSING.has(text.trim().toLowerCase())) || INVISIBLE_ONLY.test(text);
}

/** Whether text shows nothing at all although it is not empty. */
export function isInvisibleText(text: string): boolean {
  return text.length > 0 && INVISIBLE_ONLY.test(text);
}
