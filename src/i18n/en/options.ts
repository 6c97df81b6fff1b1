/** The custom functions' complaints about an option word: in the spreadsheet's language. */
export const options = {
  'options.mustBe': '{arg} must be {choices} (got {got})',
} as const;
