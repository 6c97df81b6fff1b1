// The cohort engine and the models (src/core) bundled the way scripts/build.ts bundles dist/Code.js —
// esbuild, one IIFE, built-ins passed in — and loaded into a vm context, for the steps no custom
// function exposes alone (the sidebar report's compute step, parse vs compute). Runs as the bundle
// runs, not as tsx's one-module-at-a-time transpile, whose imported bindings are getters.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bindBuiltins } from '../../scripts/bindBuiltins';
import type * as Cohorts from '../../src/core/cohorts/index';
import type * as Models from '../../src/core/models/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CoreBundle = typeof Cohorts & typeof Models;

/** The core's exports, built now and evaluated in `context` (a new one by default). */
export async function loadCore(context: vm.Context = vm.createContext({})): Promise<CoreBundle> {
  const result = await build({
    stdin: {
      contents: "export * from './src/core/cohorts/index';\nexport * from './src/core/models/index';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'BenchCore_',
    platform: 'neutral',
    target: 'es2020',
    write: false,
  });
  vm.runInContext(bindBuiltins(result.outputFiles[0].text, 'BenchCore_'), context);
  return vm.runInContext('BenchCore_', context) as CoreBundle;
}
