import { formatDay } from '../calendar';
import { isBlank, isDateValue, isSheetsErrorText } from '../cells';
import type { DayReader } from './dayReader';

export const BLANK_SEGMENT_NAME = '(blank)';
export const SEGMENT_ERROR = -2;

/**
 * Segment cells → dense segment indexes, named by how the cell reads: the number 1 and the text "1"
 * are one segment, blank cells form the "(blank)" segment. Error values are refused (SEGMENT_ERROR).
 */
export class SegmentIndex {
  private readonly byNumber = new Map<number, number>();
  private readonly byName = new Map<string, number>();
  readonly names: string[] = [];
  private lastValue: unknown = undefined;
  private lastIndex = SEGMENT_ERROR;

  constructor(private readonly days: DayReader) {}

  indexOf(v: unknown): number {
    if (v === this.lastValue) return this.lastIndex;
    let index: number;
    // A value seen before is one lookup: only values never seen are checked and named.
    if (typeof v === 'number') {
      let known = this.byNumber.get(v);
      if (known === undefined) {
        known = this.named(String(v));
        this.byNumber.set(v, known);
      }
      index = known;
    } else if (typeof v === 'string') {
      let known = this.byName.get(v);
      if (known === undefined) {
        if (isSheetsErrorText(v)) return SEGMENT_ERROR;
        known = this.named(isBlank(v) ? BLANK_SEGMENT_NAME : v);
        this.byName.set(v, known);
      }
      index = known;
    } else if (isBlank(v)) {
      index = this.named(BLANK_SEGMENT_NAME);
    } else if (isDateValue(v)) {
      const d = this.days.day(v);
      return d === d ? this.named(formatDay(d)) : SEGMENT_ERROR;
    } else if (typeof v === 'boolean') {
      index = this.named(v ? 'TRUE' : 'FALSE');
    } else {
      return SEGMENT_ERROR;
    }
    this.lastValue = v;
    this.lastIndex = index;
    return index;
  }

  private named(name: string): number {
    let index = this.byName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.byName.set(name, index);
    }
    return index;
  }
}
