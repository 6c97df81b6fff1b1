/**
 * Only the catalogues hold user-facing text. The rule, for the modules already moved to them: no
 * string or template literal in code holds words ("two or more words of letters", as a sentence or a
 * label would), comments and imports aside; a line that must keep such a literal (a brand name, a
 * message for developers) says why with "i18n-exempt:". Words the add-on reads rather than writes
 * (header words of the detection, option words of the formulas) sit between "i18n-vocabulary:" and
 * "i18n-vocabulary-end" comments, or in a file marked "i18n-vocabulary-file:"; a query builder, whose
 * literals are SQL for an engine, starts with "// i18n-sql-file:"; the reason codes of
 * skipped rows are codes, not text. In the sidebar's HTML every text and every
 * title, aria-label or placeholder comes from a data-i18n attribute, with the English catalogue's
 * text as its default.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { NOTE_REASONS, SKIP_REASONS } from '../../src/core/cohorts/skippedRows';

const ROOT = join(__dirname, '..', '..');

/** Modules whose text lives in the catalogues; widened as modules move. */
const MIGRATED = [
  'src/addon/menu.ts', 'src/addon/language.ts', 'src/addon/sampleSheet.ts', 'src/core/sampleData.ts',
  'src/i18n/catalogue.ts', 'src/i18n/messages.ts', 'src/i18n/format.ts', 'src/i18n/languages.ts', 'src/i18n/plural.ts',
  'src/sidebar',
  'src/functions/args.ts', 'src/functions/counts.ts', 'src/functions/customerTable.ts', 'src/functions/clv.ts',
  'src/functions/retention.ts', 'src/functions/customFunction.ts', 'src/core/errors.ts', 'src/core/cells.ts', 'src/report/customerValueLayout.ts',
  'src/core/models', 'src/report/customerValueLists.ts', 'src/report/customerValueTables.ts', 'src/report/costLines.ts', 'src/report/formats.ts',
  'src/functions/predictiveClv.ts', 'src/addon/customerValue.ts', 'src/addon/costColumn.ts', 'src/addon/documentLock.ts',
  // The summary sheet, the spills' headers and notes, the server's messages, the cohort engine's messages.
  'src/report', 'src/addon/generateSummary.ts', 'src/addon/readSource.ts', 'src/addon/sourceSheet.ts', 'src/addon/settings.ts',
  'src/addon/sidebarApi.ts', 'src/addon/runMessages.ts', 'src/addon/zoneFallback.ts', 'src/addon/sheetEnv.ts', 'src/addon/protocol.ts',
  'src/functions/churn.ts', 'src/functions/skippedNote.ts', 'src/functions/cohorts.ts', 'src/core/cohorts', 'src/core/detect', 'src/core/numbers.ts',
  'src/core/periods.ts', 'src/core/textDates.ts', 'src/core/timeZone.ts', 'src/core/calendar.ts', 'src/core/placeholders.ts',
  'src/i18n/optionWords.ts', 'src/i18n/periodWords.ts',
  'src/addon/bigquery', 'src/core/sql', 'src/addon/sqlSummary.ts', 'src/addon/sqlCustomerValue.ts', 'src/i18n/bigqueryMessages.ts',
];

/** Reason codes of skipped and noted rows (src/core/cohorts/skippedRows.ts): data, said through the catalogue. */
const CODES = new Set<string>([...SKIP_REASONS, ...NOTE_REASONS]);

function tsFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((f) => tsFiles(join(path, f))).filter((f) => f.endsWith('.ts'));
}

const WORDS = /\p{L}{2,}[ \u00a0]+\p{L}{2,}/u;

/** The literals of a TypeScript file (static parts of template literals), with their line numbers. */
export function literals(source: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '\n') line++;
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      line += (source.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
      continue;
    }
    // A regular expression literal: a slash where an operand starts (after "(", "=", ",", …).
    if (c === '/' && /[(,=:[!&|?{};]$|^$|\breturn$/.test(source.slice(Math.max(0, i - 10), i).trimEnd())) {
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        else if (source[j] === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const start = line;
      let text = '';
      let j = i + 1;
      let depth = 0;
      while (j < n) {
        const d = source[j];
        if (d === '\\') {
          text += source[j + 1];
          j += 2;
          continue;
        }
        if (d === '\n') line++;
        if (c === '`' && d === '$' && source[j + 1] === '{') {
          depth = 1;
          j += 2;
          text += '\u0000';
          while (j < n && depth > 0) {
            if (source[j] === '{') depth++;
            if (source[j] === '}') depth--;
            j++;
          }
          continue;
        }
        if (d === c) break;
        text += d;
        j++;
      }
      out.push({ text, line: start });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Line numbers (1-based) between "// i18n-vocabulary:" and "// i18n-vocabulary-end". */
function vocabularyLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let inside = false;
  lines.forEach((l, i) => {
    if (l.includes('// i18n-vocabulary-end')) inside = false;
    else if (l.includes('// i18n-vocabulary:')) inside = true;
    else if (inside) out.add(i + 1);
  });
  return out;
}

describe('user-facing text lives in the catalogues', () => {
  it('finds literals, and words in them', () => {
    const found = literals("const a = 'Open cohort report'; // 'not this'\n/* 'nor this' */ const b = `Hello ${name} there`; x.replace(/<a \"b\"[/]>/, 'c');");
    expect(found.map((l) => l.text)).toEqual(['Open cohort report', 'Hello \u0000 there', 'c']);
    expect(found.filter((l) => WORDS.test(l.text)).length).toBe(1);
    expect([...vocabularyLines(['a', '// i18n-vocabulary: read', "'two words'", '// i18n-vocabulary-end', "'more words'"])]).toEqual([3]);
  });

  it('no migrated module holds words in a literal', () => {
    const offenders: string[] = [];
    for (const file of MIGRATED.flatMap(tsFiles)) {
      const source = readFileSync(file, 'utf8');
      if (source.includes('// i18n-vocabulary-file:')) continue;
      // A module that only writes SQL for an engine (src/core/sql's query builders): its literals are SQL, not text.
      if (/^\/\/ i18n-sql-file:/.test(source)) continue;
      const lines = source.split('\n');
      const vocabulary = vocabularyLines(lines);
      for (const { text, line } of literals(source)) {
        if (!WORDS.test(text) || CODES.has(text)) continue;
        if (/^\s*(import|export)\b.*\bfrom\b/.test(lines[line - 1])) continue;
        if (lines[line - 1].includes('i18n-exempt:') || vocabulary.has(line)) continue;
        offenders.push(`${file.slice(ROOT.length + 1)}:${line}: ${JSON.stringify(text)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the sidebar markup', () => {
  const html = readFileSync(join(ROOT, 'src/sidebar/Sidebar.html'), 'utf8').replace(/<(style|script)>[\s\S]*?<\/\1>/g, '');

  it('holds text only in elements with a data-i18n key, its default the English text', () => {
    const offenders: string[] = [];
    let keyed = 0;
    // An opening tag, then the text up to the next tag.
    for (const m of html.matchAll(/<([a-z0-9]+)([^>]*)>([^<]*)/g)) {
      const [, tag, attrs, content] = m;
      const words = content.replace(/&[a-z]+;/g, ' ').trim();
      if (!words || tag === 'title') continue;
      const key = /data-i18n="([^"]+)"/.exec(attrs)?.[1];
      if (!key) offenders.push(`<${tag}${attrs}>${words}`);
      else {
        keyed++;
        expect(words.replace(/\s+/g, ' '), key).toBe(CATALOGUES.en[key]);
      }
    }
    expect(offenders).toEqual([]);
    expect(keyed).toBeGreaterThan(40);
  });

  it('has tooltips, labels and placeholders only from keys', () => {
    const offenders: string[] = [];
    for (const m of html.matchAll(/<[a-z0-9]+([^>]*)>/g)) {
      const attrs = m[1];
      for (const [, name, value] of attrs.matchAll(/(?<![-\w])(title|aria-label|placeholder)="([^"]*)"/g)) {
        const key = new RegExp(`data-i18n-${name}="([^"]+)"`).exec(attrs)?.[1];
        if (!key) offenders.push(`${name}="${value}"`);
        else expect(value, key).toBe(CATALOGUES.en[key]);
      }
    }
    expect(offenders).toEqual([]);
  });
});
