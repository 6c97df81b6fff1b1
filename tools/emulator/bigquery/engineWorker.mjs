// Worker thread behind SyncEngine: runs ZetaSQL (async gRPC) and answers each request on the port,
// then wakes the waiting main thread through the shared signal. Plain JS that loads the TypeScript
// harness through tsx, so it works the same under vitest, tsx and plain node.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { ZetaSql } = await import('../../zetasql/zetasql.ts');
const { port, signal } = workerData;
const zeta = await ZetaSql.start();

function answer(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', async (request) => {
  try {
    if (request.op === 'stop') {
      zeta.stop();
      answer({ ok: true });
      port.close();
      return;
    }
    const result = request.op === 'analyze' ? await zeta.analyze(request.sql, request.tables) : await zeta.evaluate(request.sql, request.tables);
    answer({ ok: true, result: result ?? null });
  } catch (e) {
    answer({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
answer({ ok: true, ready: true });
