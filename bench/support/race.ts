// Interleaved best-of-N timing, full-GC counting and peak memory: the measuring instrument every race
// case shares. The machine is shared and noisy, so contestants take turns round by round (a slow spell
// hits all of them alike) and each keeps its best round.
import { readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A full collection, so that the next timed run starts from a clean heap and owns every GC it meets. */
export function collectGarbage(): void {
  gc();
}

const gcObserver = new PerformanceObserver(() => {});
gcObserver.observe({ entryTypes: ['gc'] });

/** Full (mark-compact) collections not forced by collectGarbage() between two performance.now() times. */
async function fullCollections(from: number, to: number): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  let n = 0;
  for (const e of gcObserver.takeRecords()) {
    const detail = (e as unknown as { detail: { kind: number; flags: number } }).detail;
    if (detail.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    if (detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
    if (e.startTime >= from && e.startTime <= to) n++;
  }
  return n;
}

/** One run: wall time, and the CPU time it took (all threads of the process that ran it), in ms. */
export interface Run {
  ms: number;
  cpuMs: number;
}

export interface Contestant {
  name: string;
  /** One timed run; `timed()` below measures a synchronous function. */
  measure(): Promise<Run>;
}

export interface Timing {
  name: string;
  /** The best wall time, and the least CPU time of any run (on a busy machine the two part). */
  best: number;
  bestCpu: number;
  runs: number[];
  /** Full collections during the timed runs (node contestants only; 0 elsewhere). */
  fullGcs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A full collection, then a wait until the collector's helper threads are done: V8 sweeps the heap
 * concurrently after a mark-compact, and over a heap of a million cells that takes longer than a call,
 * so a call started at once would share the two cores with the sweeper (and its CPU time count the
 * sweeping). Settled = twice in a row under 1 ms of CPU in 10 ms of sleep; at most 3 s.
 */
export async function settledHeap(): Promise<void> {
  collectGarbage();
  const deadline = performance.now() + 3000;
  let idle = 0;
  while (idle < 2 && performance.now() < deadline) {
    const cpu = process.cpuUsage();
    await sleep(10);
    const used = process.cpuUsage(cpu);
    idle = used.user + used.system < 1000 ? idle + 1 : 0;
  }
}

/** Wall and CPU time of one call of `fn`, from a collected and settled heap (settledHeap). */
export function timed(fn: () => unknown): () => Promise<Run> {
  return async () => {
    await settledHeap();
    return timedAsync(async () => fn());
  };
}

/** Wall and CPU time of `fn` (CPU of this process: DuckDB's threads included). */
export async function timedAsync(fn: () => Promise<unknown>): Promise<Run> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The best of `rounds` calls of `fn` made back to back, with no collection forced in between (after one
 * untimed call): beside the same call timed from a collected heap (timed()), it shows what a full
 * collection costs the next call. Optimized code V8 throws away at a full collection (it checked a
 * hidden class that died there) has to be compiled again while the next call runs.
 */
export async function backToBack(fn: () => unknown, rounds: number): Promise<Run> {
  await settledHeap();
  fn();
  let best: Run = { ms: Infinity, cpuMs: Infinity };
  for (let r = 0; r < rounds; r++) {
    const run = await timedAsync(async () => fn());
    best = { ms: Math.min(best.ms, run.ms), cpuMs: Math.min(best.cpuMs, run.cpuMs) };
  }
  return best;
}

/**
 * `rounds` rounds; in each, every contestant runs once, the starting contestant rotating. A warm-up
 * round first (JIT, caches, lazy loading) that is not kept.
 */
export async function race(contestants: Contestant[], rounds: number): Promise<Map<string, Timing>> {
  const timings = new Map<string, Timing>(contestants.map((c) => [c.name, { name: c.name, best: Infinity, bestCpu: Infinity, runs: [], fullGcs: 0 }]));
  for (const c of contestants) await c.measure();
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < contestants.length; j++) {
      const c = contestants[(r + j) % contestants.length];
      const t = timings.get(c.name)!;
      const start = performance.now();
      const run = await c.measure();
      t.fullGcs += await fullCollections(start, performance.now());
      t.runs.push(run.ms);
      t.best = Math.min(t.best, run.ms);
      t.bestCpu = Math.min(t.bestCpu, run.cpuMs);
    }
  }
  return timings;
}

// ── Memory ────────────────────────────────────────────────────────────────────────────────────────

/** JS heap plus array-buffer bytes in use (live or not yet collected). */
function heapAndBuffers(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * What one call of `fn` allocates on the JS heap and in array buffers, measured from a clean heap: with
 * no collection during the call (`fullGcs` and scavenges both 0) every byte it allocated is still
 * counted at its end, so this bounds the call's peak memory above its input from above.
 */
export async function allocatedBy(fn: () => unknown): Promise<{ bytes: number; collections: number }> {
  // Array buffers are freed by a sweeper that may still run after the collection returns: let it finish.
  await settledHeap();
  await settledHeap();
  gcObserver.takeRecords();
  const before = heapAndBuffers();
  fn();
  const bytes = heapAndBuffers() - before;
  await new Promise((resolve) => setImmediate(resolve));
  const collections = gcObserver.takeRecords().filter((e) => !((e as unknown as { detail: { flags: number } }).detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)).length;
  return { bytes, collections };
}

/** Bytes on the JS heap and in array buffers after a full collection: what the live data holds. */
export function liveBytes(): number {
  collectGarbage();
  return heapAndBuffers();
}

// Linux keeps the peak resident set (VmHWM) per process and lets a process reset it to its current
// size (writing 5 to /proc/self/clear_refs).

function statusField(name: string): number | null {
  try {
    const m = new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Starts a new peak-RSS window; false where the system cannot (not Linux). */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak resident set since the last resetPeakRss() (or the process start); null where unknown. */
export function peakRss(): number | null {
  return statusField('VmHWM');
}

// ── Printing ──────────────────────────────────────────────────────────────────────────────────────

export const ms = (t: number): string => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(t < 10 ? 1 : 0)} ms`);
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const count = (n: number): string => n.toLocaleString('en-US');
export const ratio = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)}×`;
