/**
 * google.script.run for a Playwright page, answered in Node by any server object: the fake server now,
 * the real dist/Code.js in the Sheets emulator later. Swapping is one line:
 *
 *   const bridge = await serveSidebar(page, new FakeSidebarServer());
 *   const bridge = await serveSidebar(page, dispatchServer((name, args) => emu.call(name, ...args)));
 */
import type { Page } from 'playwright-core';
import type { SidebarCalls } from '../../src/sidebar/server';
import { googleScriptShim } from './shim';

/** A server implementation: each function may answer synchronously (Apps Script) or with a promise. */
export type SidebarBackend = {
  [K in keyof SidebarCalls]: (...args: Parameters<SidebarCalls[K]>) => ReturnType<SidebarCalls[K]> | Promise<ReturnType<SidebarCalls[K]>>;
};

export type CallName = keyof SidebarCalls;

export interface ServerCall {
  name: string;
  /** The arguments as the server received them, parsed from the JSON that crossed. */
  args: unknown[];
}

export interface Gate {
  /** Lets the held call go on to the server. */
  release(): void;
  /** Resolves when the page has made the held call. */
  reached: Promise<void>;
}

export interface Bridge {
  /** Every call the page made, in order. */
  readonly calls: ServerCall[];
  /** Calls to one function, as their argument lists. */
  argsOf(name: CallName): unknown[][];
  /** Holds the next call to `name` until release(), to look at the page while a call is in flight. */
  hold(name: CallName): Gate;
}

const BINDING = '__sidebarServerCall';

/** A SidebarBackend that forwards every function by name, e.g. to an emulator's call(name, ...args). */
export function dispatchServer(call: (name: string, args: unknown[]) => unknown): SidebarBackend {
  return new Proxy({} as SidebarBackend, {
    get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => call(name, args) : undefined),
  });
}

/** Installs the bridge; call before page.goto so the shim exists when the sidebar's script runs. */
export async function serveSidebar(page: Page, server: SidebarBackend): Promise<Bridge> {
  const calls: ServerCall[] = [];
  const holds = new Map<string, { gate: Promise<void>; reached: () => void }>();

  await page.exposeFunction(BINDING, async (name: string, argsJson: string): Promise<string> => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    const held = holds.get(name);
    if (held) {
      holds.delete(name);
      held.reached();
      await held.gate;
    }
    try {
      const fn = (server as unknown as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const value: unknown = await fn.apply(server, args);
      return JSON.stringify({ ok: true, value });
    } catch (e) {
      // The emulator throws its script realm's Errors, which are not instanceof this realm's Error.
      const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
      return JSON.stringify({ ok: false, message });
    }
  });
  await page.addInitScript(googleScriptShim(BINDING));

  return {
    calls,
    argsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    hold(name) {
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const reachedPromise = new Promise<void>((r) => (reached = r));
      holds.set(name, { gate, reached });
      return { release, reached: reachedPromise };
    },
  };
}
