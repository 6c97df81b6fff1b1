// The cohort engine's public surface: parse sheet columns, compute, lay out for spilled formulas.
export { parseTransactionLog, type LogColumns, type TransactionLog } from './parseLog';
export { productColumn } from './productColumn';
export { suggestLapse, LAPSE_TARGET, type LapseSuggestion, type LapseSuggestions } from './lapseSuggestion';
export { parseCustomerTable, NO_CANCEL, type TableColumns, type CustomerTable } from './parseTable';
export type { ParseOptions } from './parseInput';
export type { CustomerId } from './idIndex';
export { BLANK_SEGMENT_NAME } from './segmentIndex';
export { describeSkippedRows, headerRowMessage, skippedRowsMessage, type SkippedRows, type RowTally, type SkipReason, type NoteReason } from './skippedRows';
export { MAX_LAPSE_PERIODS, type CohortOptions, type ResolvedCohortOptions, type RetentionMode } from './options';
export { MAX_PERIODS, type PeriodInfo } from './periodAxis';
export type { CohortInfo, CohortMatrices } from './matrices';
export type { PeriodRow } from './periodRows';
export type { CohortValue } from './cohortValue';
export {
  computeCohortMatrices,
  computeCohortReport,
  type CohortData,
  type CohortTables,
  type CohortResult,
  type CohortReport,
  type CohortMatrixReport,
} from './report';
export { cohortPartialNote, cohortSpill, periodSpill, parseCohortShow, parseRetentionMode, dateCell, periodSpillHeader, type CohortShow } from './spill';
