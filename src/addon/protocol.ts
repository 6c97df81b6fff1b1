/**
 * What crosses google.script.run between the sidebar (browser) and the server (Apps Script). Only
 * plain JSON: dates travel as "YYYY-MM-DD" strings, never Date objects (google.script.run drops them).
 * Imported by both sides, types only.
 */
import type { PeriodUnit, WeekStart } from '../core/periods';
import type { LapseSuggestions } from '../core/cohorts/lapseSuggestion';
import type { CostRates, SegmentCostRates } from '../core/models';

export type DataShape = 'log' | 'table';

/** 1-based column numbers in the source sheet; 0 = not used. */
export interface ColumnRoles {
  id: number;
  date: number; // log: purchase/activity date
  amount: number; // log: purchase amount; table: revenue per period
  signup: number; // table
  cancel: number; // table
  segment: number;
  /** Log without an amount column: amount = quantity × unit price (both 0 or absent = not used). */
  quantity?: number;
  unitPrice?: number;
}

export type RetentionMode = 'in' | 'inOrAfter';

export interface ReportSettings {
  sheetName: string;
  /** 1-based row of the header; data starts on the next row. */
  headerRow: number;
  shape: DataShape;
  columns: ColumnRoles;
  period: PeriodUnit;
  weekStart: WeekStart;
  mode: RetentionMode;
  /** "YYYY-MM-DD" or "" for the last date in the data. */
  asOf: string;
  /** A segment name to keep, or "" for all customers. */
  segmentFilter: string;
  /** Add one cohort table per segment. */
  breakdown: boolean;
  /** Log: a customer is lost after this many periods without a purchase (the lapse window K, ≥ 1). */
  lapseAfter: number;
  /** Log: rows with a negative amount (refunds) count as purchases too; by default only in revenue. */
  refundsAreActivity: boolean;
}

/** The source fields of the settings: which sheet, where its header is, what each column holds. */
export type SourceSettings = Pick<ReportSettings, 'sheetName' | 'headerRow' | 'shape' | 'columns'>;

/**
 * What the sidebar's "Customer value" section sends: the source (a transaction log with an amount
 * column; the segment column, if any, gives CLV by segment) and the model's settings.
 */
export interface CustomerValueSettings extends SourceSettings {
  /** "YYYY-MM-DD": the observation ends on this day (inclusive); "" for the last date in the data. */
  asOf: string;
  /** Whole months to value, 1 … 600 (default 12). */
  horizonMonths: number;
  /** Discount rate per month as a fraction, 0 ≤ d < 1 (default 0.01 = 1 % a month). */
  monthlyDiscountRate: number;
  /** The at-risk list looks at this top share of customers by past value, 0 < s ≤ 1 (default 0.2). */
  topShare: number;
  /** …and lists those whose P(alive) is below this, 0 < t ≤ 1 (default 0.5), as at risk… */
  aliveBelow: number;
  /** …when it is at least this floor, 0 ≤ floor < t (default 0.1); below it they are lapsed (win-back candidates). */
  aliveFloor: number;
  /** The optional cost to serve; all zero and no column = none (nothing changes). */
  costs: CostToServeSettings;
}

/** Cost to serve as the sidebar enters it; see docs/models.md for how it is forecast over the horizon. */
export interface CostToServeSettings {
  /** 1-based column of the source log holding a cost per row (same rows as the purchases); 0 = none. */
  column: number;
  /** Share of revenue (0 … 1) and amount per customer per month (≥ 0) for every customer… */
  all: CostRates;
  /** …unless their segment has a line here (by name as the sheet shows it); a null field is as for all customers. */
  segments: SegmentCostRates[];
}

export interface SheetChoice {
  name: string;
  active: boolean;
  /** Sheets the add-on wrote (summaries) are listed but not proposed as sources. */
  ownedByAddon: boolean;
}

export interface ColumnInfo {
  /** 1-based column number. */
  column: number;
  /** Column letter, e.g. "C". */
  letter: string;
  header: string;
  /** What most values in the column are. */
  kind: 'date' | 'number' | 'text' | 'empty' | 'mixed';
}

export interface SourceProposal {
  sheetName: string;
  headerRow: number;
  dataRows: number;
  columns: ColumnInfo[];
  shape: DataShape;
  roles: ColumnRoles;
  /** Distinct segment values of the proposed segment column (at most 50). */
  segments: string[];
  /** Why the shape and roles were proposed, in a sentence, for the sidebar. */
  explanation: string;
  /** An amount column left unused because the locale reads its numbers as text (also in `explanation`), or null. */
  amountNote?: string | null;
  /** A log's suggested lapse window per period unit, from its customers' gaps between purchases. */
  lapse?: LapseProposal | null;
}

/** A log's suggested lapse windows, and from how much of the sheet they were computed. */
export interface LapseProposal extends LapseSuggestions {
  /** Data rows read for the suggestion; `partial` when that was only the first part of the sheet. */
  rows: number;
  partial: boolean;
}

export interface SidebarState {
  sheets: SheetChoice[];
  /** The saved settings of this document, if someone generated a report before. */
  saved: ReportSettings | null;
  /** A proposal for the saved source sheet, or for the active sheet. */
  proposal: SourceProposal | null;
  version: string;
  /** The customer-value settings saved in this document, if someone estimated customer value before. */
  savedCustomerValue?: CustomerValueSettings | null;
  /** The sidebar's language ("en", "cs", "pl", "hu"): the user's, else the spreadsheet's, else English. */
  language?: string;
}

export interface ReportOutcome {
  summarySheetName: string;
  rowsRead: number;
  rowsSkipped: number;
  cohorts: number;
  periods: number;
  /** One short line for the sidebar, e.g. "12 cohorts by month from 69,659 rows (3 skipped)". */
  message: string;
}

export interface CustomerValueOutcome {
  /** The sheet written (normally "Customer value"). */
  sheetName: string;
  rowsRead: number;
  rowsSkipped: number;
  /** Customers with a purchase on or before the observation end. */
  customers: number;
  /** Customers on the at-risk list. */
  atRisk: number;
  /** Customers on the lapsed (win-back) list. */
  lapsed: number;
  /** Why the model cannot be fully trusted, one sentence each; [] when the fit is sound. */
  warnings: string[];
  /** Sum of every customer's CLV over the horizon. */
  totalClv: number;
  /** One short line for the sidebar; with warnings it ends with a colon and the warnings follow it. */
  message: string;
}

/**
 * The settings a server error can be about. google.script.run carries only an Error's message across,
 * so the server puts the field in front of it as "[field] "; the client takes it off and marks that
 * control (aria-invalid, aria-describedby).
 */
export type SidebarField = keyof ColumnRoles | 'headerRow' | 'asOf' | 'horizon' | 'discount' | 'topShare' | 'aliveBelow';

export const SIDEBAR_FIELDS: readonly SidebarField[] = [
  'id', 'date', 'amount', 'signup', 'cancel', 'segment', 'headerRow', 'asOf', 'horizon', 'discount', 'topShare', 'aliveBelow',
];

/** "[asOf] The as of date…" → the field and the message; a message without a known field stays whole. */
export function splitFieldTag(message: string): { field: SidebarField | null; message: string } {
  const m = /^\[([A-Za-z]+)\] ([\s\S]*)$/.exec(message);
  if (m && (SIDEBAR_FIELDS as readonly string[]).includes(m[1])) return { field: m[1] as SidebarField, message: m[2] };
  return { field: null, message };
}

/** Server functions the sidebar calls through google.script.run, by name. */
export interface SidebarServer {
  sidebarState(): SidebarState;
  sidebarDetect(sheetName: string, headerRow?: number): SourceProposal;
  sidebarSegments(sheetName: string, headerRow: number, column: number): string[];
  sidebarGenerate(settings: ReportSettings): ReportOutcome;
  sidebarCustomerValue(settings: CustomerValueSettings): CustomerValueOutcome;
  sidebarShowSheet(sheetName: string): void;
  /** Inserts the sample sheet (a new sheet of the user's, never one that exists) and returns the new state. */
  sidebarInsertSample(): SidebarState;
}
