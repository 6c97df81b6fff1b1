/**
 * GoogleSQL for the emulator's fake BigQuery service, synchronously. Apps Script's BigQuery calls
 * block, and so must the fake's; the engine (Google's ZetaSQL reference evaluator, tools/zetasql) is
 * asynchronous, so it runs in a worker thread and the caller waits on a shared counter
 * (Atomics.wait) and takes the answer off the port with receiveMessageOnPort.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ColumnType } from '../../../src/core/sql';
import type { ScannedColumns, ZetaTable } from '../../zetasql/zetasql';

export interface EngineResult {
  columns: string[];
  types: ColumnType[];
  rows: unknown[][];
}

export class SyncEngine {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private seen = 0;

  constructor(private readonly timeoutMs = 120_000) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./engineWorker.mjs', import.meta.url), { workerData: { port: port2, signal: this.signal }, transferList: [port2] });
    this.worker.unref();
    this.next(); // the server is up
  }

  private next(): { ok: boolean; result?: unknown; error?: string } {
    const deadline = Date.now() + this.timeoutMs;
    while (Atomics.load(this.signal, 0) === this.seen) {
      if (Atomics.wait(this.signal, 0, this.seen, Math.max(1, deadline - Date.now())) === 'timed-out') throw new Error('the SQL engine did not answer in time');
    }
    this.seen++;
    const message = receiveMessageOnPort(this.port);
    if (!message) throw new Error('the SQL engine signalled without an answer');
    return message.message as { ok: boolean; result?: unknown; error?: string };
  }

  private request(op: string, sql: string, tables: ZetaTable[]): unknown {
    this.port.postMessage({ op, sql, tables });
    const answer = this.next();
    if (!answer.ok) throw new Error(answer.error);
    return answer.result;
  }

  /** Throws ZetaSQL's message when the query is not valid GoogleSQL for these tables; else the columns its scans read. */
  analyze(sql: string, tables: ZetaTable[]): ScannedColumns[] {
    return this.request('analyze', sql, tables) as ScannedColumns[];
  }

  evaluate(sql: string, tables: ZetaTable[]): EngineResult {
    return this.request('evaluate', sql, tables) as EngineResult;
  }

  stop(): void {
    this.port.postMessage({ op: 'stop' });
    try {
      this.next();
    } finally {
      void this.worker.terminate();
    }
  }
}
