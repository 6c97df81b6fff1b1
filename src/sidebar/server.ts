/**
 * Typed promise wrappers around google.script.run, one per server function, generated from the method
 * names. Only plain JSON crosses; the server's Error message is user-facing and arrives as error.message.
 */
import type { SidebarServer, SourceProposal } from '../addon/protocol';
import { text } from './text';

/**
 * What the sidebar calls. Protocol addition: sidebarDetect takes an optional second argument, the header
 * row the analyst typed, so the server re-detects columns from that row instead of guessing it.
 */
export interface SidebarCalls extends Omit<SidebarServer, 'sidebarDetect'> {
  sidebarDetect(sheetName: string, headerRow?: number): SourceProposal;
}

export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

// A Record over the keys, so the compiler insists every server function is listed exactly once.
const METHODS: Record<keyof SidebarCalls, true> = {
  sidebarState: true,
  sidebarDetect: true,
  sidebarSegments: true,
  sidebarGenerate: true,
  sidebarCustomerValue: true,
  sidebarShowSheet: true,
  sidebarInsertSample: true,
};

function toError(failure: unknown): Error {
  if (failure instanceof Error && failure.message) return failure;
  const message =
    failure && typeof failure === 'object' && 'message' in failure ? String((failure as { message: unknown }).message) : String(failure ?? '');
  return new Error(message || text('sidebar.error.generic'));
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error(text('sidebar.error.outsideSheets')));
      return;
    }
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((e) => reject(toError(e)));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
  });
}

export const server = Object.fromEntries(
  Object.keys(METHODS).map((name) => [name, (...args: unknown[]) => call(name, args)]),
) as Async<SidebarCalls>;
