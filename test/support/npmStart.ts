/** `npm start -- …args` as a user runs it, as a subprocess (scripts/start.ts through tsx), on the built dist/; its stdout. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export function npmStart(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'start.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    // Another zone than the spreadsheet's default, so a date read in the machine's zone would show.
    env: { ...process.env, TZ: 'Asia/Tokyo' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
