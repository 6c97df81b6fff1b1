/**
 * What crosses google.script.run for the BigQuery source (BigQuery build only). Plain JSON; dates as
 * "YYYY-MM-DD". Types only, imported by the server and the sidebar.
 */
import type { CostRates, SegmentCostRates } from '../../core/models';
import type { PeriodUnit, WeekStart } from '../../core/periods';
import type { LapseSuggestion } from '../../core/cohorts/lapseSuggestion';
import type { CustomerValueOutcome, ReportOutcome, RetentionMode } from '../protocol';

/** Where the rows are: a table, or the text of a query (for example a saved query's SQL). */
export interface BigQuerySource {
  /** The project that runs (and is billed for) the query. */
  projectId: string;
  /** "dataset.table" in the billing project, or "project.dataset.table"; "" when `query` is given. */
  table: string;
  /** A GoogleSQL SELECT whose result is the log; used when `table` is "". */
  query: string;
}

export interface BigQueryColumnInfo {
  name: string;
  /** BigQuery's type name (STRING, INT64, TIMESTAMP…). */
  type: string;
}

export interface BigQueryColumnRoles {
  /** Column names; "" = not used. A log: id, date, amount, segment; a customer table: id, signup, cancel, amount (revenue per period), segment. */
  id: string;
  date: string;
  amount: string;
  segment: string;
  signup?: string;
  cancel?: string;
}

export interface BigQueryDescription {
  /** How the source is named in messages and the header block, e.g. `shop.sales.orders`. */
  name: string;
  columns: BigQueryColumnInfo[];
  /** A transaction log or a customer table, as the detection reads it. */
  shape: 'log' | 'table';
  /** Proposed by the same detection as for a sheet (header words and a sample of values). */
  roles: BigQueryColumnRoles;
  /** Rows and stored bytes of a table (null for a query). */
  rows: number | null;
  bytes: number | null;
  explanation: string;
  /**
   * Per column, the distinct non-blank values of a STRING or INT64 column in the free sample of rows (at most
   * SAMPLE_SEGMENTS, in order of appearance): the segment names the cost to serve offers lines for.
   * [] for other columns, and for a view or a query (no sample).
   */
  sampleValues: string[][];
}

export interface BigQueryReportSettings extends BigQuerySource {
  /** Default 'log'. */
  shape?: 'log' | 'table';
  columns: BigQueryColumnRoles;
  period: PeriodUnit;
  weekStart: WeekStart;
  mode: RetentionMode;
  /** "YYYY-MM-DD" or "". */
  asOf: string;
  segmentFilter: string;
  breakdown: boolean;
  /** Log: a customer is lost after this many periods without a purchase (default 1, as in a sheet). */
  lapseAfter?: number;
  /** Log: rows with a negative amount count as purchases too (default false, as in a sheet). */
  refundsAreActivity?: boolean;
  /** Refuse (and have BigQuery refuse) a query that would bill more than this many bytes; 0 = no limit. */
  maxBytes: number;
}

export interface BigQueryEstimate {
  bytes: number;
  /** Bytes as billed: at least 10 MB per table a query reads. */
  billedBytes: number;
  /** US dollars at on-demand pricing, before the monthly free tebibyte. */
  costUsd: number;
  /** One line for the sidebar: "This query will scan 1.2 GB (about $0.01 …)". */
  message: string;
}

export type BigQueryRunResult =
  | {
      state: 'done';
      outcome: ReportOutcome;
      jobId: string;
      bytes: number;
      /** A log's suggested lapse window in the report's period, from its returns (null: none, or a table). */
      lapse: LapseSuggestion | null;
    }
  | { state: 'running'; jobId: string; message: string };

/** The BigQuery source's Customer value: a transaction log with amounts, and the sheet source's model settings. */
export interface BigQueryValueSettings extends BigQuerySource {
  /** id, date and amount are needed; segment optional. */
  columns: BigQueryColumnRoles;
  /** "YYYY-MM-DD" or "": the observation end (default: the last day in the data). */
  asOf: string;
  refundsAreActivity?: boolean;
  horizonMonths: number;
  monthlyDiscountRate: number;
  topShare: number;
  aliveBelow: number;
  aliveFloor: number;
  /** As for the report: refuse queries billing more than this many bytes in all; 0 = no limit. */
  maxBytes: number;
  /**
   * The optional cost to serve as the sheet source's lines give it (a share of revenue and an amount per customer per
   * month, for all customers and per segment) and a cost column (a cost per row, by name; "" or left out: none).
   * Left out: none.
   */
  costs?: { all: CostRates; segments: SegmentCostRates[]; column?: string };
}

export type BigQueryValueResult =
  | { state: 'done'; outcome: CustomerValueOutcome; jobIds: string[]; bytes: number }
  | { state: 'running'; jobId: string; message: string };

/** The segment values of a column, read from the data when the segment column is chosen. */
export interface BigQuerySegmentsRequest extends BigQuerySource {
  /** The segment column's name. */
  column: string;
  /** Names the user typed: each must be in the data (found beyond the cap too), else the call is refused naming it. */
  names: string[];
  /** As for the report: refuse a query billing more than this many bytes; 0 = no limit. */
  maxBytes: number;
}

export interface BigQuerySegments {
  column: string;
  /** The SEGMENT_CAP most frequent values (rows holding them, most first; ties by name), as the queries name them. */
  segments: string[];
  /** Of the names asked about, those in the data beyond the cap. */
  alsoFound: string[];
  /** How many distinct values the column holds; more than segments.length when the list is capped. */
  distinct: number;
  bytes: number;
  billedBytes: number;
  /** What the query scanned and cost, as the estimates say it. */
  message: string;
}
