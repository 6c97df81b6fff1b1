// The sidebar report's compute step: a source sheet's rows as one getValues() grid [id, date, amount,
// segment] (one Date object per cell), read in place as readSource reads it, then every table of the
// summary (matrices, per-period rows, value per cohort), once for everyone and once broken down by
// segment. src/core bundled as dist/Code.js is (support/coreBundle.ts), in a vm context; reading and
// writing the sheets is report.bench.ts's. The largest size is the most rows four columns can hold
// (Sheets stops at 10 million cells).
import vm from 'node:vm';
import { loadCore } from './support/coreBundle';
import { BENCH_ZONE, generateLog } from './support/logData';
import { sheetSpan } from './support/sheetCells';
import { measureSeries, printSeries } from './support/series';
import type { BenchOptions } from './run';

const MOST_ROWS_OF_FOUR_COLUMNS = 10_000_000 / 4;

export async function run(options: BenchOptions): Promise<void> {
  const context = vm.createContext({});
  const core = await loadCore(context);
  const sizes = [100_000, 1_000_000, ...(options.quick ? [] : [MOST_ROWS_OF_FOUR_COLUMNS])];
  const rounds = (rows: number) => (rows > 1_000_000 ? 3 : 5);
  const parseOptions = { timeZone: BENCH_ZONE, firstRowNumber: 2 };
  for (const bySegment of [false, true]) {
    console.log(`${bySegment ? '\n' : ''}Parse + whole monthly report${bySegment ? ', broken down by 4 segments' : ''}, ${BENCH_ZONE}`);
    const points = await measureSeries(sizes, rounds, async (rows) => {
      const span = sheetSpan(context, generateLog(rows), BENCH_ZONE);
      const column = (index: number) => ({ rows: span, index });
      return () =>
        core.computeCohortReport(
          core.parseTransactionLog({ customerIds: column(0), dates: column(1), amounts: column(2), segments: column(3) }, parseOptions),
          { period: 'month', bySegment },
        );
    });
    printSeries(points, rounds);
  }
}
