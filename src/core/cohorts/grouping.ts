import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { integer } from '../../i18n/messages';
import { BLANK_SEGMENT_NAME } from './segmentIndex';
import type { ResolvedCohortOptions } from './options';

/** The most cohort cells (segments × periods × periods) a breakdown may ask for. */
export const MAX_BREAKDOWN_CELLS = 8_000_000;

/**
 * Which customers are counted, and in which group: everyone in group 0; only one segment's
 * customers in group 0 (the others −1); or one group per segment, ordered by segment name.
 */
export interface Grouping {
  count: number;
  /** Group per customer, −1 = left out; null = every customer in group 0. */
  of: Int32Array | null;
  /** Segment name per group when broken down by segment, else null. */
  names: string[] | null;
}

export function groupCustomers(
  customerSegment: Int32Array | null,
  segmentNames: readonly string[] | null,
  options: ResolvedCohortOptions,
  periods: number,
): Grouping {
  if (!customerSegment || !segmentNames || (options.segment === null && !options.bySegment)) return { count: 1, of: null, names: null };
  const groupOfSegment = new Int32Array(segmentNames.length).fill(-1);
  let names: string[] | null = null;
  if (options.segment !== null) {
    groupOfSegment[segmentNames.indexOf(options.segment)] = 0;
  } else {
    names = [...segmentNames].sort(bySegmentName);
    names.forEach((name, g) => (groupOfSegment[segmentNames.indexOf(name)] = g));
    if (names.length * periods * periods > MAX_BREAKDOWN_CELLS) {
      throw new UserError(msg('input.breakdownTooLarge', { segments: integer(names.length), periods: integer(periods) }));
    }
  }
  const of = new Int32Array(customerSegment.length);
  for (let c = 0; c < of.length; c++) of[c] = groupOfSegment[customerSegment[c]];
  return { count: names ? names.length : 1, of, names };
}

// Natural order ("2" before "10"), the blank segment last.
function bySegmentName(a: string, b: string): number {
  if (a === BLANK_SEGMENT_NAME || b === BLANK_SEGMENT_NAME) return (a === BLANK_SEGMENT_NAME ? 1 : 0) - (b === BLANK_SEGMENT_NAME ? 1 : 0);
  return a.localeCompare(b, 'en', { numeric: true });
}
