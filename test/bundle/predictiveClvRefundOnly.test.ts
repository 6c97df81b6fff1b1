/**
 * A customer whose only rows are refunds made no purchase: the model predicts nothing for them, but
 * their refunds count in past value, so the "customers" output of =CLV lists them (last, with their
 * net past value and the model's columns blank) and says how many there are, in the sheet's language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { cdnowHistories, type LogRanges } from './cdnowHistories';

process.env.TZ = 'America/Los_Angeles';

function withRefundOnlyCustomers(b: Bundle): LogRanges {
  const log = cdnowHistories(b);
  // R1: two refunds (−5 and −7, net −12); R2: one refund of −3. Neither ever bought.
  for (const [id, y, m, d, amount] of [['R1', 1997, 3, 1, -5], ['R1', 1997, 4, 1, -7], ['R2', 1997, 5, 2, -3]] as const) {
    log.ids.push([id]);
    log.dates.push([b.date(y, m, d)]);
    log.amounts.push([amount]);
  }
  return log;
}

describe('=CLV "customers" with customers who only have refunds', () => {
  let b: Bundle;
  let log: LogRanges;
  beforeAll(() => {
    b = loadBundle({ timeZone: 'Europe/Prague' });
    log = withRefundOnlyCustomers(b);
  });

  it('lists each of them last with their net past value and no prediction, and counts them in a note', () => {
    const grid = b.call('CLV', log.ids, log.dates, log.amounts) as unknown[][];
    // 2,357 CDNOW customers with a purchase, the two refund-only ones, the header and the note.
    expect(grid.length).toBe(1 + 2357 + 2 + 1);
    expect(grid[1 + 2357]).toEqual(['R1', 0, '', '', '', '', -12, '']);
    expect(grid[1 + 2358]).toEqual(['R2', 0, '', '', '', '', -3, '']);
    expect(grid[grid.length - 1]).toEqual([
      '2 customers with refunds only and no purchase are listed last: past value (the refunds) and no prediction', '', '', '', '', '', '', '',
    ]);
    // Every customer of the log is named exactly once.
    const named = grid.slice(1, 1 + 2359).map((r) => r[0]);
    expect(new Set(named).size).toBe(2359);
    // The customers with a prediction keep their CLV order above them.
    for (let i = 2; i <= 2357; i++) expect(grid[i - 1][5] as number).toBeGreaterThanOrEqual(grid[i][5] as number);
  });

  it('says it in the spreadsheet language', () => {
    const cs = loadBundle({ timeZone: 'Europe/Prague', locale: 'cs_CZ' });
    const csLog = withRefundOnlyCustomers(cs);
    const grid = cs.call('CLV', csLog.ids, csLog.dates, csLog.amounts) as unknown[][];
    expect(grid[grid.length - 1][0]).toBe('2 zákazníci jen s vratkami a bez nákupu jsou uvedeni na konci: dosavadní hodnota (vratky) a žádná předpověď');
  });
});
