/**
 * Google's ZetaSQL, the reference implementation of GoogleSQL (the SQL dialect of BigQuery), as an
 * engine for BigQuery-dialect queries on this machine: analysis (names, types, functions) and the
 * reference evaluator on small in-memory tables. It runs as a local gRPC server (a binary shipped in
 * the @fivetrandevelopers/zetasql npm package) listening on 127.0.0.1 only.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import zetasql from '@fivetrandevelopers/zetasql';
import type { ColumnType } from '../../src/core/sql';

export interface ZetaColumn {
  name: string;
  type: ColumnType;
}

export interface ZetaTable {
  /** The path the query names it by, e.g. ['my-project', 'sales', 'orders']. */
  path: string[];
  columns: ZetaColumn[];
  /** Values: strings, numbers, Date instants (TIMESTAMP), day numbers (DATE), null. */
  rows: unknown[][];
}

// zetasql/public/type.proto TypeKind.
const TYPE_KIND: Record<ColumnType, number> = { integer: 2, bool: 5, float: 7, string: 8, date: 10, timestamp: 19, datetime: 21, numeric: 23, other: 9 };

/**
 * The language features BigQuery has that the builder's queries use (zetasql/public/options.proto):
 * analytic functions, NUMERIC, SAFE. calls and civil time (DATETIME); everything else stays off, so
 * a construct BigQuery lacks fails here.
 */
const FEATURES = ['FEATURE_ANALYTIC_FUNCTIONS', 'FEATURE_NUMERIC_TYPE', 'FEATURE_V_1_2_SAFE_FUNCTION_CALL', 'FEATURE_V_1_2_CIVIL_TIME'];

/** The columns a query's scans of one table read. */
export interface ScannedColumns {
  path: string[];
  columns: string[];
}

type Api = Record<string, (request: unknown, callback: (error: Error | null, response: unknown) => void) => void>;

export class ZetaSql {
  private constructor(
    private readonly api: Api,
    private readonly server: ChildProcess,
  ) {}

  /** Starts the server on a free port of 127.0.0.1 (about a second); its own chatter is not shown. */
  static async start(): Promise<ZetaSql> {
    const port = await freePort();
    const server = execFile(serverBinary(), ['localhost', String(port)]);
    server.stdout?.resume();
    server.stderr?.resume();
    zetasql.ZetaSQLClient.init(port);
    await zetasql.ZetaSQLClient.getInstance().testConnection();
    return new ZetaSql(zetasql.ZetaSQLClient.API as unknown as Api, server);
  }

  stop(): void {
    this.server.kill('SIGKILL');
  }

  private call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => this.api[method](request, (e, r) => (e ? reject(new Error(e.message)) : resolve(r as T))));
  }

  private options() {
    const languageOptions = { productMode: 'PRODUCT_EXTERNAL', enabledLanguageFeatures: FEATURES, nameResolutionMode: 'NAME_RESOLUTION_DEFAULT' };
    return { languageOptions, defaultTimezone: 'UTC', errorMessageMode: 'ERROR_MESSAGE_ONE_LINE' };
  }

  private catalog(tables: ZetaTable[]) {
    type Catalog = { name: string; table: unknown[]; catalog: Catalog[]; builtinFunctionOptions?: unknown };
    const root: Catalog = { name: 'root', table: [], catalog: [], builtinFunctionOptions: { languageOptions: this.options().languageOptions } };
    for (const t of tables) {
      let at = root;
      for (const part of t.path.slice(0, -1)) {
        let next = at.catalog.find((c) => c.name === part);
        if (!next) at.catalog.push((next = { name: part, table: [], catalog: [] }));
        at = next;
      }
      // full_name comes back in the resolved statement's table scans (scannedColumns).
      at.table.push({ name: t.path[t.path.length - 1], fullName: t.path.join('.'), column: t.columns.map((c) => ({ name: c.name, type: { typeKind: TYPE_KIND[c.type] } })) });
    }
    return root;
  }

  /**
   * Analyses the query as BigQuery would before running it; throws ZetaSQL's message when it is not
   * valid GoogleSQL. Returns the columns each table scan of the resolved query reads: with
   * prune_unused_columns a ResolvedTableScan lists "only columns that were referenced in the user query
   * (SELECT * counts as referencing all columns)" (zetasql/resolved_ast/resolved_ast.proto), the columns
   * a columnar engine reads.
   */
  async analyze(sql: string, tables: ZetaTable[]): Promise<ScannedColumns[]> {
    const response = await this.call<unknown>('analyze', { sqlStatement: sql, options: { ...this.options(), pruneUnusedColumns: true }, simpleCatalog: this.catalog(tables) });
    const byTable = new Map<string, Set<string>>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const scan = node as { table?: { fullName?: string }; columnIndexList?: unknown[]; parent?: { columnList?: { name?: string }[] } };
      if (scan.table?.fullName !== undefined && Array.isArray(scan.columnIndexList)) {
        const columns = byTable.get(scan.table.fullName) ?? new Set<string>();
        const table = tables.find((t) => t.path.join('.') === scan.table!.fullName);
        for (const index of scan.columnIndexList) {
          const column = table?.columns[long(index as Long | string | number)];
          if (column) columns.add(column.name);
        }
        byTable.set(scan.table.fullName, columns);
      }
      for (const value of Object.values(node)) walk(value);
    };
    walk(response);
    return [...byTable].map(([fullName, columns]) => ({ path: tables.find((t) => t.path.join('.') === fullName)!.path, columns: [...columns] }));
  }

  /** Runs the query on the reference evaluator; rows of plain values (numbers, strings, null). */
  async evaluate(sql: string, tables: ZetaTable[]): Promise<{ columns: string[]; types: ColumnType[]; rows: unknown[][] }> {
    const tableContent: Record<string, unknown> = {};
    for (const t of tables) {
      tableContent[t.path[t.path.length - 1]] = { tableData: { row: t.rows.map((r) => ({ cell: r.map((v, i) => valueProto(v, t.columns[i].type)) })) } };
    }
    const response = await this.call<{ content?: { tableData?: { row?: { cell: Record<string, unknown>[] }[] } }; prepared?: { columns?: { name: string; type?: { typeKind?: number } }[] } }>(
      'evaluateQuery',
      { sql, options: this.options(), simpleCatalog: this.catalog(tables), tableContent },
    );
    const rows = (response.content?.tableData?.row ?? []).map((r) => r.cell.map(fromValueProto));
    const columns = response.prepared?.columns ?? [];
    const kinds = Object.entries(TYPE_KIND) as [ColumnType, number][];
    const types = columns.map((c) => kinds.find(([, k]) => k === c.type?.typeKind)?.[0] ?? 'other');
    return { columns: columns.map((c) => c.name), types, rows };
  }
}

function valueProto(v: unknown, type: ColumnType): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  switch (type) {
    case 'integer':
      return { int64Value: String(v) };
    case 'float':
      return { doubleValue: v };
    case 'string':
      return { stringValue: String(v) };
    case 'date':
      return { dateValue: v };
    case 'bool':
      return { boolValue: v };
    case 'timestamp': {
      const ms = (v as Date).getTime();
      return { timestampValue: { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1e6 } };
    }
    default:
      throw new Error(`no test values of type ${type}`);
  }
}

interface Long {
  low: number;
  high: number;
}

function long(v: Long | string | number): number {
  if (typeof v === 'object') return v.high * 2 ** 32 + (v.low >>> 0);
  return Number(v);
}

function fromValueProto(cell: Record<string, unknown>): unknown {
  const kind = cell.value as string | undefined;
  if (!kind) return null;
  const v = cell[kind];
  if (kind === 'int64Value' || kind === 'int32Value' || kind === 'dateValue') return long(v as Long);
  if (kind === 'doubleValue' || kind === 'stringValue' || kind === 'boolValue') return v;
  if (kind === 'timestampValue') {
    const t = v as { seconds: Long | string; nanos?: number };
    return new Date(long(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
  }
  throw new Error(`unexpected ${kind} in a result`);
}

// The package's own runServer picks the same file, and echoes the server's output to our stdout.
function serverBinary(): string {
  const lib = dirname(createRequire(import.meta.url).resolve('@fivetrandevelopers/zetasql'));
  const arm = process.arch.startsWith('arm') ? '_arm' : '';
  return join(lib, 'zetasql', `remote_server${arm}${process.platform === 'darwin' ? '' : '.so'}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
