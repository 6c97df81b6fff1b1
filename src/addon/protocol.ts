/**
 * What crosses google.script.run between the sidebar (browser) and the server (Apps Script). Only
 * plain JSON: dates travel as "YYYY-MM-DD" strings, never Date objects (google.script.run drops them).
 * Imported by both sides, types only.
 */
import type { PeriodUnit, WeekStart } from '../core/periods';

export type DataShape = 'log' | 'table';

/** 1-based column numbers in the source sheet; 0 = not used. */
export interface ColumnRoles {
  id: number;
  date: number; // log: purchase/activity date
  amount: number; // log: purchase amount; table: revenue per period
  signup: number; // table
  cancel: number; // table
  segment: number;
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
}

export interface SidebarState {
  sheets: SheetChoice[];
  /** The saved settings of this document, if someone generated a report before. */
  saved: ReportSettings | null;
  /** A proposal for the saved source sheet, or for the active sheet. */
  proposal: SourceProposal | null;
  version: string;
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

/** Server functions the sidebar calls through google.script.run, by name. */
export interface SidebarServer {
  sidebarState(): SidebarState;
  sidebarDetect(sheetName: string, headerRow?: number): SourceProposal;
  sidebarSegments(sheetName: string, headerRow: number, column: number): string[];
  sidebarGenerate(settings: ReportSettings): ReportOutcome;
  sidebarShowSheet(sheetName: string): void;
}
