// A parsed sheet log (the cohort engine's TransactionLog) → scoreCustomers: the one place the =CLV formula
// and the sidebar's "Customer value" sheet turn what they read from a sheet into the models' input.
import { msg } from '../../i18n/catalogue';
import { date } from '../../i18n/messages';
import type { TransactionLog as ParsedLog } from '../cohorts/parseLog';
import { UserError } from '../errors';
import { scoreCustomers, type CustomerValueResult } from './scoreCustomers';

/** Defaults of the sheet-facing forms (=CLV and the sidebar). */
export const DEFAULT_HORIZON_MONTHS = 12;
export const DEFAULT_MONTHLY_DISCOUNT = 0.01;
/** The longest horizon the sheet-facing forms accept (the models allow more; 50 years is plenty). */
export const MAX_SHEET_HORIZON_MONTHS = 600;

export interface LogScoreOptions {
  /** Last day of the observation (inclusive). Default: the last day in the log. */
  endDay?: number;
  horizonMonths: number;
  monthlyDiscountRate: number;
}

/**
 * Fits BG/NBD + Gamma-Gamma in weeks to a parsed log and scores every customer. The result's columns are
 * indexed like `log.customerIds`, so `log.customerIds[i]` is the id of row i of every column.
 * @throws UserError when the observation end is before the first date, and everything scoreCustomers throws.
 */
export function scoreParsedLog(log: ParsedLog, options: LogScoreOptions): CustomerValueResult {
  const endDay = options.endDay ?? log.lastDay;
  if (endDay < log.firstDay) {
    throw new UserError(msg('model.error.endBeforeData', { date: date(endDay), first: date(log.firstDay) }));
  }
  return scoreCustomers(
    { customer: log.customer, day: log.day, amount: log.amount ?? undefined },
    {
      endDay,
      horizonMonths: options.horizonMonths,
      monthlyDiscountRate: options.monthlyDiscountRate,
      unit: 'weeks',
      customerCount: log.customerIds.length,
    },
  );
}
