import { UserError } from '../core/errors';
import { retentionRate } from '../core/rates';
import type { CellValue } from '../core/cells';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, elementwise } from './args';
import { readCounts } from './counts';
import { perPeriod, readCustomers } from './customerTable';
import { msg } from '../i18n/catalogue';

/**
 * =RETENTION(start, end, new) or =RETENTION(signup_dates, cancel_dates, period_start, period_end).
 * The form is told by the number of arguments, which Sheets passes exactly as typed.
 */
export function retention(env: SheetEnv, args: CellValue[]): number | '' | (number | '')[][] {
  const reader = new ArgReader('RETENTION', env);
  if (args.length === 3) {
    return elementwise('RETENTION', [
      { name: 'start', value: args[0] },
      { name: 'end', value: args[1] },
      { name: 'new', value: args[2] },
    ], (cells) => {
      const c = readCounts(reader, cells);
      return retentionRate(c.start, c.end, c.newCustomers);
    });
  }
  if (args.length === 4) {
    const customers = readCustomers(reader, args[0], args[1]);
    return perPeriod(reader, customers, args[2], args[3], (c) => retentionRate(c.start, c.end, c.newCustomers));
  }
  throw new UserError(msg('fn.retentionArity', { count: args.length }));
}
