/**
 * Only the catalogues hold user-facing text. The rule, for every src file but the catalogues, a short
 * list of files English by design (EXEMPT) and the SQL-path files still being moved (NOT_YET): no
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

/** The catalogues themselves: one folder of text per language. */
const CATALOGUE_DIRS = ['src/i18n/en', 'src/i18n/cs', 'src/i18n/pl', 'src/i18n/hu'];

/** Files that keep English text by design, and why. */
const EXEMPT: Record<string, string> = {
  // The JSDoc the build writes above each top-level forwarder: autocomplete help of the custom
  // functions (Apps Script shows it as written, it cannot be localised; docs/functions.md says so),
  // and developer documentation of the menu and server functions.
  'src/entryPoints.ts': 'custom-function JSDoc help and developer docs of the forwarders',
  'src/entryPointsBigQuery.ts': 'developer docs of the BigQuery build\'s server forwarders',
};

/**
 * SQL-path files whose text has not all moved to the catalogues yet (one per line, so that merges keep
 * both sides): none left — helper sql-4 moved them (issue 11).
 */
const NOT_YET: string[] = [];

/** Every TypeScript file of src/ (paths relative to the project root). */
function allSourceFiles(): string[] {
  return tsFiles('src').map((f) => f.slice(ROOT.length + 1).split('\\').join('/'));
}

/** The modules whose text lives in the catalogues: every src file but the catalogues and the two lists above. */
function migrated(): string[] {
  return allSourceFiles().filter((f) => !CATALOGUE_DIRS.some((d) => f.startsWith(`${d}/`)) && !(f in EXEMPT) && !NOT_YET.includes(f));
}

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

  it('no module outside the catalogues holds words in a literal', () => {
    const files = migrated();
    // The rule reaches the whole tree: the core, the adapters, the report, the sidebar, the entry files.
    for (const f of ['src/core/rates.ts', 'src/core/periods.ts', 'src/main.ts', 'src/entryPoint.ts', 'src/i18n/index.ts', 'src/sidebar/client.ts', 'src/report/summaryLayout.ts']) expect(files).toContain(f);
    expect(files.length).toBeGreaterThan(120);
    expect(offendersIn(files)).toEqual([]);
  });

  it('exempts only files that exist, and puts off only SQL-path files', () => {
    const all = allSourceFiles();
    for (const f of [...Object.keys(EXEMPT), ...NOT_YET]) expect(all, f).toContain(f);
    for (const f of NOT_YET) expect(f).toMatch(/^src\/(core\/sql\/|addon\/sql)/);
    // Only query builders are SQL files, and a planted sentence elsewhere in src/core/sql is still caught.
    for (const f of all.filter((x) => SQL_FILE.test(readFileSync(join(ROOT, x), 'utf8')))) expect(f).toMatch(/^src\/core\/sql\/[a-zA-Z]+Query\.ts$|^src\/core\/sql\/(logExpressions|dialect|bigquery|duckdb)\.ts$/);
    expect(offendersOf('src/core/sql/cohortReport.ts', "throw new UserError('no data rows: the table is empty');\n")).toHaveLength(1);
    // The exemptions are needed: without them the rule would flag those files.
    for (const f of Object.keys(EXEMPT)) expect(offendersIn([f]).length, f).toBeGreaterThan(0);
  });

  it("npm start's console text comes from the catalogue too (src/i18n/<lang>/start.ts)", () => {
    expect(offendersIn(['scripts/start.ts', 'scripts/startDuckDb.ts', 'scripts/printSheets.ts'])).toEqual([]);
  });

  it('catches a planted English label, and lets an exempted line keep one', () => {
    expect(offendersOf('x.ts', "const a = t(language, 'summary.source');\nconst b = `week of ${day}`;\n")).toEqual(['x.ts:2: "week of \\u0000"']);
    expect(offendersOf('x.ts', "const b = 'Retention summary'; // i18n-exempt: a test of the rule\n")).toEqual([]);
  });
});

/** The literals with words in the given files, as "path:line: text". */
function offendersIn(files: string[]): string[] {
  return files.flatMap((f) => offendersOf(f, readFileSync(join(ROOT, f), 'utf8')));
}

/** A query builder of src/core/sql whose literals are all SQL for an engine says so on its first line. */
const SQL_FILE = /^\/\/ i18n-sql-file:/;

function offendersOf(file: string, source: string): string[] {
  if (source.includes('// i18n-vocabulary-file:')) return [];
  if (SQL_FILE.test(source) && file.startsWith('src/core/sql/')) return [];
  const offenders: string[] = [];
  const lines = source.split('\n');
  const vocabulary = vocabularyLines(lines);
  for (const { text, line } of literals(source)) {
    if (!WORDS.test(text) || CODES.has(text)) continue;
    if (/^\s*(import|export)\b.*\bfrom\b/.test(lines[line - 1])) continue;
    if (lines[line - 1].includes('i18n-exempt:') || vocabulary.has(line)) continue;
    offenders.push(`${file}:${line}: ${JSON.stringify(text)}`);
  }
  return offenders;
}

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
