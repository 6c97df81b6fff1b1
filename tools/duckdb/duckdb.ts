/**
 * DuckDB for the local SQL engine (npm start -- --engine duckdb), the tests of the SQL builder and the
 * benchmark: an in-memory database, tables loaded from rows or files, queries read back as arrays.
 */
import { DuckDBInstance, timestampTZValue, timestampValue, dateValue, type DuckDBConnection } from '@duckdb/node-api';
import { duckDbColumnType, type SqlColumn } from '../../src/core/sql';

export type LoadType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'DATE' | 'TIMESTAMPTZ' | 'TIMESTAMP';

export interface LoadColumn {
  name: string;
  type: LoadType;
}

/** The column every loaded table gets with each row's 1-based position (a file's data line). */
export const ROW_COLUMN = '__row';

export class DuckDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(options: Record<string, string> = {}): Promise<DuckDb> {
    const instance = await DuckDBInstance.create(':memory:', options);
    return new DuckDb(instance, await instance.connect());
  }

  /** Rows as arrays of plain JS values (bigint for 64-bit integers, strings, numbers, null). */
  async query(sql: string): Promise<unknown[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowsJS() as unknown[][];
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** The table's columns with their types in the SQL builder's vocabulary. */
  async columns(table: string): Promise<(SqlColumn & { duckType: string })[]> {
    const rows = await this.query(`DESCRIBE ${quote(table)}`);
    return rows.map((r) => ({ name: String(r[0]), duckType: String(r[1]), type: duckDbColumnType(String(r[1])) }));
  }

  /**
   * Creates `table` from rows in memory. Values: strings for VARCHAR, numbers for DOUBLE/BIGINT, Date
   * instants for TIMESTAMPTZ, day numbers for DATE, null for NULL.
   */
  async loadRows(table: string, columns: LoadColumn[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const defs = [`${quote(ROW_COLUMN)} BIGINT`, ...columns.map((c) => `${quote(c.name)} ${c.type}`)];
    await this.run(`CREATE OR REPLACE TABLE ${quote(table)} (${defs.join(', ')})`);
    const appender = await this.connection.createAppender(table);
    rows.forEach((row, i) => {
      appender.appendBigInt(BigInt(i + 1));
      columns.forEach((c, j) => {
        const v = row[j];
        if (v === null || v === undefined) return appender.appendNull();
        switch (c.type) {
          case 'VARCHAR':
            return appender.appendVarchar(String(v));
          case 'DOUBLE':
            return appender.appendDouble(v as number);
          case 'BIGINT':
            return appender.appendBigInt(BigInt(v as number));
          case 'DATE':
            return appender.appendDate(dateValue(v as number));
          case 'TIMESTAMPTZ':
            return appender.appendTimestampTZ(timestampTZValue(BigInt((v as Date).getTime()) * 1000n));
          case 'TIMESTAMP':
            return appender.appendTimestamp(timestampValue(BigInt((v as Date).getTime()) * 1000n));
        }
      });
      appender.endRow();
    });
    appender.flushSync();
    appender.closeSync();
  }

  /**
   * Creates `table` from a CSV, TSV or Parquet file (by extension; .txt/.tsv are read as
   * tab-separated when their first line has tabs). Column types are DuckDB's detection.
   */
  async loadFile(table: string, path: string): Promise<void> {
    const lower = path.toLowerCase();
    const file = `'${path.replace(/'/g, "''")}'`;
    const reader = lower.endsWith('.parquet') ? `read_parquet(${file})` : `read_csv(${file}, header = true)`;
    // CREATE TABLE … AS keeps the file's order (DuckDB preserves insertion order by default), so rowid is the data line.
    await this.run(`CREATE OR REPLACE TABLE ${quote(table + '_raw')} AS SELECT * FROM ${reader}`);
    await this.run(`CREATE OR REPLACE VIEW ${quote(table)} AS SELECT rowid + 1 AS ${quote(ROW_COLUMN)}, * FROM ${quote(table + '_raw')}`);
  }

  /**
   * Creates `table` from the CDNOW master file (examples/cdnow/: "00001 19970101 1 11.77" per line)
   * with the emulator's import's column names: "Customer ID" (text), "Date" (DATE), "CDs", "Amount".
   */
  async loadCdnow(table: string, text: string): Promise<void> {
    const rows: unknown[][] = [];
    for (const line of text.split(/\r?\n/)) {
      const f = line.trim().split(/\s+/);
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(f[1] ?? '');
      if (f.length !== 4 || !m) continue; // the header line and blank lines
      rows.push([f[0], Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000, Number(f[2]), Number(f[3])]);
    }
    await this.loadRows(table, [
      { name: 'Customer ID', type: 'VARCHAR' },
      { name: 'Date', type: 'DATE' },
      { name: 'CDs', type: 'BIGINT' },
      { name: 'Amount', type: 'DOUBLE' },
    ], rows);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
