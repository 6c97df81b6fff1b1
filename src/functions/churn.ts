import { UserError } from '../core/errors';
import { churnFromCounts, churnFromLost } from '../core/rates';
import type { CellValue } from '../core/cells';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, elementwise } from './args';
import { readCount, readCounts, rowOf } from './counts';
import { msg } from '../i18n/catalogue';
import { typed } from '../i18n/messages';
import { perPeriod, readCustomers } from './customerTable';

/**
 * =CHURN(start, lost), =CHURN(start, end, new) or =CHURN(signup_dates, cancel_dates, period_start,
 * period_end). Always customers lost / customers at the start, never (start − end) / start.
 */
export function churn(env: SheetEnv, args: CellValue[]): number | '' | (number | '')[][] {
  const reader = new ArgReader('CHURN', env);
  switch (args.length) {
    case 2:
      return elementwise('CHURN', [
        { name: 'start', value: args[0] },
        { name: 'lost', value: args[1] },
      ], (cells) => {
        const [start, lost] = cells;
        const s = readCount(reader, start, true);
        const l = readCount(reader, lost, false);
        if (l > s) {
          // A churn above 100 % is refused, as RETENTION(100, 120, 10) is.
          const values = { fn: 'CHURN', lost: typed(l), start: typed(s) };
          const place = rowOf(cells);
          throw new UserError(place ? msg('fn.lostMoreThanStartAt', { ...values, place }) : msg('fn.lostMoreThanStart', values));
        }
        return churnFromLost(s, l);
      });
    case 3:
      return elementwise('CHURN', [
        { name: 'start', value: args[0] },
        { name: 'end', value: args[1] },
        { name: 'new', value: args[2] },
      ], (cells) => {
        const c = readCounts(reader, cells);
        return churnFromCounts(c.start, c.end, c.newCustomers);
      });
    case 4: {
      const customers = readCustomers(reader, args[0], args[1]);
      return perPeriod(reader, customers, args[2], args[3], (c) => churnFromLost(c.start, c.lost));
    }
    default:
      throw new UserError(msg('fn.churnArity', { count: typed(args.length) }));
  }
}
