import { test } from 'vitest';
import { loadBundle } from './harness';
test('probe', () => {
  for (const locale of ['en_US', 'cs_CZ', 'hu_HU']) {
  const b = loadBundle({ locale, userLocale: locale } as any);
  const d = (y: number, m: number, dd: number) => b.date(y, m, dd);
  const p = (label: string, f: () => unknown) => { let r; try { r = f(); } catch (e) { r = 'THROW ' + (e as Error).message; } console.log(locale, label, JSON.stringify(r).slice(0, 500)); };
  // doc example: S=5 on Feb 1; 3 sign up in Feb, one cancels Feb 20; 2 of the 5 cancel
  const su = [[d(2024,1,3)],[d(2024,1,4)],[d(2024,1,5)],[d(2024,1,6)],[d(2024,1,7)],[d(2024,2,1)],[d(2024,2,10)],[d(2024,2,15)]];
  const ca = [[d(2024,2,5)],[d(2024,2,29)],[''],[''],[''],[''],[''],[d(2024,2,20)]];
  p('doc ret', () => b.call('RETENTION', su, ca, d(2024,2,1), d(2024,2,29)));
  p('doc churn', () => b.call('CHURN', su, ca, d(2024,2,1), d(2024,2,29)));
  p('churn 100 120', () => b.call('CHURN', 100, 120));
  p('rbp table', () => b.call('RETENTION_BY_PERIOD', su, ca, 'month'));
  p('clv model 1 customer', () => b.call('CLV', [[1],[1]], [[d(2024,1,1)],[d(2024,2,1)]], [[10],[20]]));
  p('clv neg', () => b.call('CLV', -5, 0.1));
  p('clv pct text', () => b.call('CLV', 100, '5%'));
  p('clv pct text cs', () => b.call('CLV', 100, '5 %'));
  p('ret blank', () => b.call('RETENTION', '', '', ''));
  p('ret 1 blank', () => b.call('RETENTION', 100, '', 10));
  p('ret bool', () => b.call('RETENTION', true, 1, 0));
  p('ret date', () => b.call('RETENTION', d(2024,1,1), 1, 0));
  p('ret err', () => b.call('RETENTION', '#N/A', 1, 0));
  p('ret frac', () => b.call('RETENTION', 10.5, 8, 2));
  p('ret range', () => b.call('RETENTION', [[100],[200]], [[90],[150]], [[10],[20]]));
  p('ret range bad', () => b.call('RETENTION', [[100],[0]], [[90],[150]], [[10],[20]]));
  }
});
