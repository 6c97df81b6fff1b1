import { readFileSync } from 'node:fs';
import { parse, type Comment } from 'acorn';
import { describe, expect, it } from 'vitest';
import { entryPoints } from '../../src/entryPoints';
import { CODE_PATH, loadBundle } from './harness';

const code = readFileSync(CODE_PATH, 'utf8');
const comments: Comment[] = [];
const program = parse(code, { ecmaVersion: 2020, sourceType: 'script', onComment: comments });

/** Top-level function declarations with the block comment that ends right before each one. */
const declarations = new Map(
  program.body
    .filter((n) => n.type === 'FunctionDeclaration')
    .map((n) => {
      const fn = n as unknown as { id: { name: string }; params: { name: string }[]; start: number };
      const doc = comments.filter((c) => c.type === 'Block' && c.end <= fn.start && code.slice(c.end, fn.start).trim() === '').pop();
      return [fn.id.name, { params: fn.params.map((p) => p.name), doc: doc?.value ?? '' }] as const;
    }),
);

describe('dist/Code.js as Apps Script sees it', () => {
  it('declares every entry point as a top-level function with its JSDoc', () => {
    expect(entryPoints.length).toBeGreaterThan(0);
    for (const e of entryPoints) {
      const d = declarations.get(e.name);
      expect(d, `${e.name} has no top-level declaration`).toBeDefined();
      expect(d!.params).toEqual(e.params.map((p) => p.name));
      expect(d!.doc, `${e.name} lacks its summary`).toContain(e.summary.split(' ')[0]);
      for (const p of e.params) {
        expect(d!.doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? \\S`));
      }
      expect(d!.doc).toMatch(/@return \{[^}]+\} \S/);
      if (e.kind === 'customFunction') expect(d!.doc).toContain('@customfunction');
      else expect(d!.doc).not.toContain('@customfunction');
    }
  });

  it('declares the three custom functions analysts type', () => {
    for (const name of ['RETENTION', 'CHURN', 'CLV']) {
      expect(code).toMatch(new RegExp(`\\* @customfunction\\n \\*/\\nfunction ${name}\\(`));
    }
  });

  it('runs nothing but definitions at load time: no service is touched', () => {
    const b = loadBundle();
    expect(b.calls).toEqual([]);
    const topLevel = program.body.map((n) => n.type);
    expect(new Set(topLevel)).toEqual(new Set(['ExpressionStatement', 'VariableDeclaration', 'FunctionDeclaration']));
    // The only expression statement is the "use strict" directive.
    const exprs = program.body.filter((n) => n.type === 'ExpressionStatement') as unknown as { directive?: string }[];
    expect(exprs.every((s) => s.directive === 'use strict')).toBe(true);
  });

  it('has no private helper visible to Sheets: every other top-level name ends in _', () => {
    const names = new Set(entryPoints.map((e) => e.name));
    for (const n of program.body) {
      if (n.type === 'VariableDeclaration') {
        for (const d of (n as unknown as { declarations: { id: { name: string } }[] }).declarations) expect(d.id.name).toMatch(/_$/);
      }
      if (n.type === 'FunctionDeclaration') expect(names.has((n as unknown as { id: { name: string } }).id.name)).toBe(true);
    }
  });

  it('builds the add-on menu on open, in the user\'s language, without any other service call', () => {
    const b = loadBundle();
    b.call('onOpen', { authMode: 'NONE' });
    expect(b.menus.map((m) => m.functionName)).toContain('showSidebar');
    for (const m of b.menus) expect(declarations.has(m.functionName), `${m.functionName} is not declared`).toBe(true);
    expect(b.calls.filter((c) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.|Session\.getActiveUserLocale$)/.test(c))).toEqual([]);
    expect(b.menus.map((m) => m.caption)).toEqual(['Open cohort report', 'Refresh summary']);

    // A Czech user: a Czech menu. A language the add-on does not speak, in AuthMode.NONE: English,
    // without asking the spreadsheet (NONE allows no service that needs authorization).
    const czech = loadBundle({ userLocale: 'cs' });
    czech.call('onOpen', { authMode: 'NONE' });
    expect(czech.menus.map((m) => m.caption)).toEqual(['Otevřít kohortní přehled', 'Obnovit přehled']);
    const german = loadBundle({ userLocale: 'de', locale: 'pl_PL' });
    german.call('onOpen', { authMode: 'NONE' });
    expect(german.menus[0].caption).toBe('Open cohort report');
    expect(german.calls).not.toContain('SpreadsheetApp.getActiveSpreadsheet');
    // With the document authorised, the spreadsheet's language is the fallback.
    const limited = loadBundle({ userLocale: 'de', locale: 'pl_PL' });
    limited.call('onOpen', { authMode: 'LIMITED' });
    expect(limited.menus[0].caption).toBe('Otwórz raport kohort');
  });

  it('ships a manifest with V8, a time zone, exception logging and only the two narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(CODE_PATH.replace('Code.js', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(typeof manifest.timeZone).toBe('string');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});
