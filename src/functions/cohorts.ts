import { UserError } from '../core/errors';
import { columnOf, isBlank, type CellValue } from '../core/cells';
import { numberLocale } from '../core/numbers';
import { parsePeriodScheme } from '../core/periods';
import { dateFormOf } from '../core/textDates';
import {
  cohortSpill,
  computeCohortMatrices,
  computeCohortReport,
  dateCell,
  parseCohortShow,
  parseRetentionMode,
  parseTransactionLog,
  periodSpill,
  type TransactionLog,
} from '../core/cohorts';
import type { SheetEnv } from '../addon/sheetEnv';
import { describer } from './args';
import { withSkippedNote } from './skippedNote';

/**
 * =COHORTS(customer_ids, dates, [period], [show], [amounts], [mode]) and
 * =RETENTION_BY_PERIOD(customer_ids, dates, [period], [amounts]): the cohort engine as spilled
 * formulas over a transaction log. Row numbers in messages count from the first row of the ranges.
 */

function readLog(fn: string, env: SheetEnv, ids: CellValue, dates: CellValue, amounts: CellValue): TransactionLog {
  const hasAmounts = amounts !== undefined && !isBlank(amounts);
  return parseTransactionLog(
    {
      customerIds: columnOf(ids, 'customer_ids', fn),
      dates: columnOf(dates, 'dates', fn),
      amounts: hasAmounts ? columnOf(amounts, 'amounts', fn) : null,
      names: { customerIds: 'customer_ids', dates: 'dates', amounts: 'amounts' },
    },
    {
      timeZone: env.timeZone(),
      firstRowNumber: 1,
      rowsOfRange: true,
      numberLocale: hasAmounts ? numberLocale(env.locale()) : undefined,
      dateForm: () => dateFormOf(env.locale()),
    },
  );
}

function arity(fn: string, args: CellValue[], max: number, usage: string): void {
  if (args.length < 2 || args.length > max) throw new UserError(`${fn} takes ${usage}; got ${args.length} argument${args.length === 1 ? '' : 's'}`);
}

export function cohorts(env: SheetEnv, args: CellValue[]): unknown[][] {
  arity('COHORTS', args, 6, '(customer_ids, dates, [period], [show], [amounts], [mode])');
  const [ids, dates, period, showArg, amounts, modeArg] = args;
  const describe = describer(env);
  const show = parseCohortShow(showArg, 'show', describe);
  const mode = parseRetentionMode(modeArg, 'mode', describe);
  const scheme = parsePeriodScheme(period, 'period', describe);
  if (show === 'revenue' && (amounts === undefined || isBlank(amounts))) {
    throw new UserError('COHORTS: show "revenue" needs the amounts argument (the 5th)');
  }
  const log = readLog('COHORTS', env, ids, dates, amounts);
  const report = computeCohortMatrices(log, { period: scheme.unit, weekStart: scheme.weekStart, mode });
  return withSkippedNote(cohortSpill(report.total, show, dateCell(env.timeZone())), report.skipped);
}

export function retentionByPeriod(env: SheetEnv, args: CellValue[]): unknown[][] {
  arity('RETENTION_BY_PERIOD', args, 4, '(customer_ids, dates, [period], [amounts])');
  const [ids, dates, period, amounts] = args;
  const log = readLog('RETENTION_BY_PERIOD', env, ids, dates, amounts);
  const scheme = parsePeriodScheme(period, 'period', describer(env));
  const report = computeCohortReport(log, { period: scheme.unit, weekStart: scheme.weekStart });
  return withSkippedNote(periodSpill(report.total.perPeriod, dateCell(env.timeZone())), report.skipped);
}
