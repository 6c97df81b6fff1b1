import { entryPoints } from './entryPoints';

/**
 * The bundle's entry: esbuild wraps this module in an IIFE assigned to `RetentionAnalytics_`. Loading
 * it only defines functions; the generated top-level forwarders call into `handlers`.
 */
export const handlers: Record<string, (...args: unknown[]) => unknown> = {};
for (const e of entryPoints) handlers[e.name] = e.run;
