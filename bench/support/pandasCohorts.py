"""The pandas anchor of bench/: the usual pandas recipe for a monthly cohort matrix (as tutorials write it:
to_period, groupby/transform min, nunique, pivot_table), timed here in Python so that the pipe to Node is
not counted. Talks JSON lines on stdin/stdout; see bench/support/pandas.ts."""
import gc
import json
import sys
import time
from operator import attrgetter

import numpy as np
import pandas as pd


def cohort_matrix(df):
    df['order_month'] = df['date'].dt.to_period('M')
    df['cohort'] = df.groupby('customer')['date'].transform('min').dt.to_period('M')
    per_month = df.groupby(['cohort', 'order_month']).agg(n_customers=('customer', 'nunique')).reset_index(drop=False)
    per_month['period_number'] = (per_month.order_month - per_month.cohort).apply(attrgetter('n'))
    return per_month.pivot_table(index='cohort', columns='period_number', values='n_customers')


def peak_rss_reset():
    try:
        with open('/proc/self/clear_refs', 'w') as f:
            f.write('5')
        return True
    except OSError:
        return False


def status(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field + ':'):
                return int(line.split()[1]) * 1024
    return None


def main():
    frame = None
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd['op'] == 'hello':
            reply = {'pandas': pd.__version__, 'numpy': np.__version__}
        elif cmd['op'] == 'load':
            ids = np.fromfile(cmd['ids'], dtype=np.int32)
            days = np.fromfile(cmd['days'], dtype=np.int32)
            frame = pd.DataFrame({'customer': ids, 'date': pd.to_datetime(days.astype(np.int64), unit='D')})
            reply = {'rows': len(frame)}
        elif cmd['op'] == 'check':
            matrix = cohort_matrix(frame)
            cells = []
            for cohort, row in matrix.iterrows():
                for k, n in row.items():
                    if not np.isnan(n):
                        cells.append([str(cohort), int(k), int(n)])
            reply = {'cells': cells}
        elif cmd['op'] == 'time':
            gc.collect()
            t = time.perf_counter()
            cpu = time.process_time()
            cohort_matrix(frame)
            reply = {'ms': (time.perf_counter() - t) * 1000, 'cpuMs': (time.process_time() - cpu) * 1000}
        elif cmd['op'] == 'peak':
            gc.collect()
            ok = peak_rss_reset()
            before = status('VmRSS')
            cohort_matrix(frame)
            reply = {'bytes': status('VmHWM') - before if ok and before is not None else None}
        elif cmd['op'] == 'drop':
            frame = None
            gc.collect()
            reply = {}
        else:
            reply = {'error': 'unknown op ' + cmd['op']}
        sys.stdout.write(json.dumps(reply) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
