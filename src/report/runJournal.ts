/**
 * What the current run has changed so far, kept as it goes, so that when something fails the message
 * can say what state the workbook is in ("your sheets were not changed" only when that is true).
 *
 * One journal per execution: the entry points begin it (an Apps Script execution starts with fresh
 * globals, but the emulator and tests reuse one realm, so it is reset explicitly).
 */

export type SheetState =
  /** Its cells hold the new tables, but its formats, chart or named ranges may be the previous ones. */
  | 'partial'
  /** Complete and visible, but some of its named ranges may not be set yet. */
  | 'namesPending'
  | 'complete';

export interface SheetChange {
  sheetId: number;
  name: string;
  state: SheetState;
}

/** A staging sheet that is still in the workbook. */
export interface Leftover {
  name: string;
  hidden: boolean;
  /** Tagged as the add-on's: the next run removes it. */
  tagged: boolean;
}

export class RunJournal {
  private readonly sheets = new Map<number, SheetChange>();
  private readonly staging = new Map<string, Leftover>();
  private writes = false;

  /** A run that writes the add-on's sheets has begun: whatever stops it, the user wants to know their state. */
  beginWrites(): void {
    this.writes = true;
  }

  /** True once a run that writes sheets has begun (a report or customer value run, not a detection). */
  get wroteOrMeantTo(): boolean {
    return this.writes;
  }

  mark(sheetId: number, name: string, state: SheetState): void {
    this.sheets.set(sheetId, { sheetId, name, state });
  }

  leftover(name: string, facts: Omit<Leftover, 'name'>): void {
    this.staging.set(name, { name, ...facts });
  }

  removed(name: string): void {
    this.staging.delete(name);
  }

  /** The sheets changed so far, in the order they were first changed. */
  changes(): SheetChange[] {
    return [...this.sheets.values()];
  }

  leftovers(): Leftover[] {
    return [...this.staging.values()];
  }

  /** True when nothing a user can see has changed (a hidden, tagged staging sheet aside). */
  get untouched(): boolean {
    return this.sheets.size === 0 && this.leftovers().every((l) => l.hidden);
  }
}

let current: RunJournal | null = null;

/** Starts the journal of a new execution. */
export function beginRun(): RunJournal {
  current = new RunJournal();
  return current;
}

export function currentRun(): RunJournal {
  return (current ??= new RunJournal());
}
