import type { EntryPoint } from '../src/entryPoint';

/**
 * Top-level `function NAME(…)` declarations, one per entry point, each with its JSDoc. Sheets finds
 * custom functions, menu callbacks and google.script.run targets only as such declarations, and reads
 * `@customfunction` and `@param` from the comment right above them; esbuild drops comments, so they
 * are written here from the entry-point list.
 */
export function forwarders(entries: EntryPoint[], handlersPath: string): string {
  return entries.map((e) => forwarder(e, handlersPath)).join('\n');
}

function forwarder(e: EntryPoint, handlersPath: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(e.name)) throw new Error(`entry point name "${e.name}" is not an identifier`);
  const lines = ['/**', ...wrap(e.summary).map((l) => ` * ${l}`), ' *'];
  for (const p of e.params) {
    if (!/^[A-Za-z_$][\w$]*$/.test(p.name)) throw new Error(`${e.name}: parameter "${p.name}" is not an identifier`);
    if (!p.description.trim()) throw new Error(`${e.name}: parameter ${p.name} has no description`);
    lines.push(` * @param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`);
  }
  lines.push(` * @return {${e.returns.type}} ${e.returns.description}`);
  if (e.kind === 'customFunction') lines.push(' * @customfunction');
  lines.push(' */');
  const params = e.params.map((p) => p.name).join(', ');
  lines.push(`function ${e.name}(${params}) {`);
  lines.push(`  return ${handlersPath}.${e.name}.apply(this, arguments);`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function wrap(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
