import type { PeriodUnit } from '../core/periods';
import { msg } from './catalogue';
import type { AnyMessage, Param } from './messages';

/** A period as a noun ("month", "měsíc") and counted ("3 months", "3 měsíce"), from the summary's catalogue part. */
const UNIT = { week: 'unit.week', month: 'unit.month', quarter: 'unit.quarter', year: 'unit.year' } as const satisfies Record<PeriodUnit, string>;
export const UNITS = { week: 'units.week', month: 'units.month', quarter: 'units.quarter', year: 'units.year' } as const satisfies Record<PeriodUnit, string>;

export function unitWord(unit: PeriodUnit): AnyMessage {
  return msg(UNIT[unit]);
}

export function unitCount(unit: PeriodUnit, count: number | Param): AnyMessage {
  return msg(UNITS[unit], { count });
}
