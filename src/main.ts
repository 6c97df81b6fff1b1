import { entryPoints } from './entryPoints';
import { useOffsetFallback } from './core/timeZone';
import { utilitiesZoneOffset } from './addon/zoneFallback';

/**
 * The bundle's entry: esbuild wraps this module in an IIFE assigned to `RetentionAnalytics_`. Loading
 * it only defines functions; the generated top-level forwarders call into `handlers`.
 */
export const handlers: Record<string, (...args: unknown[]) => unknown> = {};
for (const e of entryPoints) handlers[e.name] = e.run;

// Registers a function; calls no service (that would break onOpen in AuthMode.NONE).
useOffsetFallback(utilitiesZoneOffset);
