/** src/core and src/i18n must run in Node, Apps Script and the sidebar alike: no Apps Script service, no Node API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles as files } from '../support/sourceFiles';

const SRC = join(__dirname, '..', '..', 'src');
const PURE = ['core', 'i18n'];
const FORBIDDEN = /\b(SpreadsheetApp|Utilities|Session|PropertiesService|HtmlService|LockService|CacheService|ScriptApp|Logger|DriveApp|UrlFetchApp|Charts|google\.script|process\.|require\(|__dirname)\b|from ['"]node:|from ['"](fs|path|os|vm|url|child_process)['"]/;


describe('src/core and src/i18n', () => {
  it('use no Apps Script service and no Node API', () => {
    const all = PURE.flatMap((dir) => files(join(SRC, dir)));
    expect(all.length).toBeGreaterThan(40);
    const offenders = all.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), at: `${f.slice(SRC.length + 1)}:${i + 1}` }))
        .filter(({ line }) => FORBIDDEN.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
