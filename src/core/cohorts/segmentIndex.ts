import { formatDay } from '../calendar';
import { isBlank, isDateValue, isSheetsErrorText } from '../cells';
import { HELD_DAY_READER, type DayReader } from './dayReader';
import { holdHiddenClass } from './hiddenClass';

export const BLANK_SEGMENT_NAME = '(blank)';
export const SEGMENT_ERROR = -2;

/**
 * Segment cells → dense segment indexes, named by how the cell reads: the number 1 and the text "1"
 * are one segment, blank cells form the "(blank)" segment. Error values are refused (SEGMENT_ERROR).
 */
export interface SegmentIndex {
  readonly names: string[];
  indexOf(v: unknown): number;
}

interface SegmentTables extends SegmentIndex {
  readonly days: DayReader;
  readonly byNumber: Map<number, number>;
  readonly byName: Map<string, number>;
  lastValue: unknown;
  lastIndex: number;
}

/** An object literal, not a class instance, for the reason idIndex.ts gives (the parse loop calls it). */
export function createSegmentIndex(days: DayReader): SegmentIndex {
  const index: SegmentTables = {
    names: [],
    indexOf,
    days,
    byNumber: new Map<number, number>(),
    byName: new Map<string, number>(),
    lastValue: undefined,
    lastIndex: SEGMENT_ERROR,
  };
  return index;
}

holdHiddenClass(createSegmentIndex(HELD_DAY_READER));

function indexOf(this: SegmentTables, v: unknown): number {
  if (v === this.lastValue) return this.lastIndex;
  let index: number;
  // A value seen before is one lookup: only values never seen are checked and named.
  if (typeof v === 'number') {
    let known = this.byNumber.get(v);
    if (known === undefined) {
      known = named(this, String(v));
      this.byNumber.set(v, known);
    }
    index = known;
  } else if (typeof v === 'string') {
    let known = this.byName.get(v);
    if (known === undefined) {
      if (isSheetsErrorText(v)) return SEGMENT_ERROR;
      known = named(this, isBlank(v) ? BLANK_SEGMENT_NAME : v);
      this.byName.set(v, known);
    }
    index = known;
  } else if (isBlank(v)) {
    index = named(this, BLANK_SEGMENT_NAME);
  } else if (isDateValue(v)) {
    const d = this.days.day(v);
    return d === d ? named(this, formatDay(d)) : SEGMENT_ERROR;
  } else if (typeof v === 'boolean') {
    index = named(this, v ? 'TRUE' : 'FALSE');
  } else {
    return SEGMENT_ERROR;
  }
  this.lastValue = v;
  this.lastIndex = index;
  return index;
}

function named(ix: SegmentTables, name: string): number {
  let index = ix.byName.get(name);
  if (index === undefined) {
    index = ix.names.length;
    ix.names.push(name);
    ix.byName.set(name, index);
  }
  return index;
}
