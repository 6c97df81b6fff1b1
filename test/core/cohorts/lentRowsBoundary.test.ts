/**
 * parseLog.ts lends the per-row arrays of a parse with `reuseRowArrays` to the next such parse, so a log
 * parsed that way is good only until then. That is safe only where a call parses once and returns a
 * fresh grid: the custom functions' readLog. Anywhere else (the sidebar's report, which keeps several
 * tables of one log; a formula parsing two logs) the data would be overwritten silently.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles as files } from '../../support/sourceFiles';

const SRC = join(__dirname, '..', '..', '..', 'src');
const ALLOWED = new Set(['functions/cohorts.ts', 'core/cohorts/parseLog.ts']);


describe('lent per-row arrays', () => {
  it('are asked for only by the custom functions that parse once a call', () => {
    const all = files(SRC);
    expect(all.length).toBeGreaterThan(40);
    const users = all
      .map((f) => relative(SRC, f).replace(/\\/g, '/'))
      .filter((name) => /\breuseRowArrays\b/.test(readFileSync(join(SRC, name), 'utf8')));
    expect(users.filter((name) => !ALLOWED.has(name))).toEqual([]);
    // The option is really there (a renamed option would make this test pass vacuously).
    expect(users.sort()).toEqual([...ALLOWED].sort());
  });

  it('are asked for once in functions/cohorts.ts, by the one function that reads a log', () => {
    const text = readFileSync(join(SRC, 'functions', 'cohorts.ts'), 'utf8');
    expect(text.match(/reuseRowArrays\s*:\s*true/g)?.length).toBe(1);
  });
});
