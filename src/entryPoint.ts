/**
 * The shape of an entry point: a function Apps Script must see as a top-level declaration. The build
 * (scripts/build.ts) writes one forwarder per entry point, with this JSDoc, after the bundle.
 */
export interface ParamDoc {
  /** A JavaScript identifier; Sheets shows it in the formula help. */
  name: string;
  /** JSDoc type, e.g. `number|Array<Array<number>>`. */
  type: string;
  description: string;
  optional?: boolean;
}

export type EntryKind =
  | 'customFunction' // typed in cells: =NAME(...)
  | 'trigger' // onOpen, onInstall
  | 'menu' // add-on menu callbacks
  | 'server'; // called by the sidebar through google.script.run

export interface EntryPoint {
  name: string;
  kind: EntryKind;
  /** One or more sentences; the first is the summary Sheets shows. */
  summary: string;
  params: ParamDoc[];
  returns: { type: string; description: string };
  // Entry points receive whatever Apps Script passes; each implementation validates its own input.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (...args: any[]) => unknown;
}
