// The pandas anchor: Debian's python3-pandas (pandas is not on npm), installed here when missing and the
// machine allows it (root with apt-get, as scripts/ensure-chromium.mjs does for chromium); otherwise the
// race prints "not measured" and why. The recipe itself lives in pandasCohorts.py.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cellKey, type CohortCounts } from './cohortCounts';
import type { LogData } from './logData';
import type { Run } from './race';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pandasCohorts.py');
// Debian's interpreter first: python3-pandas installs for it, whatever python3 comes first on PATH.
const PYTHONS = ['/usr/bin/python3', 'python3'];

const hasPandas = (python: string) => spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

/** An interpreter that imports pandas, installing Debian's python3-pandas if need be and allowed; else why not. */
export function findPandas(): { python: string } | { unavailable: string } {
  const candidates = PYTHONS.filter((p) => !p.startsWith('/') || existsSync(p));
  for (const p of candidates) if (hasPandas(p)) return { python: p };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return { unavailable: `pandas is not installed (${hasApt ? 'sudo apt-get install python3-pandas' : 'pip install pandas'} to measure it)` };
  console.log("Installing Debian's python3-pandas for the pandas anchor (apt-get install python3-pandas) …");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!apt(['install', '-y', '-qq', 'python3-pandas']) && !(apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'python3-pandas']))) {
    return { unavailable: 'installing python3-pandas with apt-get failed' };
  }
  return existsSync('/usr/bin/python3') && hasPandas('/usr/bin/python3') ? { python: '/usr/bin/python3' } : { unavailable: 'python3-pandas installed but not importable' };
}

/** A long-lived Python process holding one DataFrame, answering one JSON line per request. */
export class Pandas {
  readonly version: string;
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly next: () => Promise<Record<string, unknown>>,
    version: string,
    private readonly dir: string,
  ) {
    this.version = version;
  }

  static async start(python: string): Promise<Pandas> {
    const child = spawn(python, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`the pandas process ended: ${stderr.trim().split('\n').pop()}`);
      return JSON.parse(line.value) as Record<string, unknown>;
    };
    child.stdin.write(JSON.stringify({ op: 'hello' }) + '\n');
    const hello = await next();
    return new Pandas(child, next, String(hello.pandas), mkdtempSync(join(tmpdir(), 'retention-bench-')));
  }

  private async ask(cmd: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.child.stdin.write(JSON.stringify(cmd) + '\n');
    const reply = await this.next();
    if (reply.error) throw new Error(`pandas: ${String(reply.error)}`);
    return reply;
  }

  /** Loads the rows as a DataFrame (customer, date as datetime64: the calendar day). */
  async load(log: LogData): Promise<void> {
    const ids = join(this.dir, 'ids.i32');
    const days = join(this.dir, 'days.i32');
    writeFileSync(ids, log.id);
    writeFileSync(days, log.day);
    await this.ask({ op: 'load', ids, days });
  }

  async cohorts(): Promise<CohortCounts> {
    const out: CohortCounts = new Map();
    for (const [cohort, k, n] of (await this.ask({ op: 'check' })).cells as [string, number, number][]) out.set(cellKey(cohort, k), n);
    return out;
  }

  /** One run of the recipe, timed inside Python (wall and the process's CPU time), in ms. */
  async time(): Promise<Run> {
    const reply = await this.ask({ op: 'time' });
    return { ms: Number(reply.ms), cpuMs: Number(reply.cpuMs) };
  }

  /** Bytes the Python process's peak resident set rose during one run; null off Linux. */
  async peak(): Promise<number | null> {
    const bytes = (await this.ask({ op: 'peak' })).bytes;
    return typeof bytes === 'number' ? bytes : null;
  }

  async drop(): Promise<void> {
    await this.ask({ op: 'drop' });
  }

  stop(): void {
    this.child.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
