// The SQL engine: one query builder, two dialects (BigQuery GoogleSQL, DuckDB), and the conversion of
// the small result tables into the structures the in-sheet engine produces.
export type { SqlDialect } from './dialect';
export { bigQuery } from './bigquery';
export { duckDb } from './duckdb';
export { bigQueryColumnType, duckDbColumnType, checkColumnType, type ColumnType, type SqlColumn, type SqlLogColumns } from './columns';
export { cohortQuery, periodExpression, RESULT_COLUMNS, type SqlCohortSettings, type SqlSource } from './cohortQuery';
export { cohortReportFromRows, cohortResultRows, lapseSuggestionFromRows, type CohortResultRow, type ResultColumnNames, type SqlCohortReport } from './cohortReport';
export { rfmQuery, RFM_COLUMNS, type SqlRfmSettings } from './rfmQuery';
export { customerQuery, CUSTOMER_COLUMNS } from './customerQuery';
export { customerResultRows, customerValueFromRows, type CustomerRow, type SqlCustomerValue } from './customerRows';
export { customerValueModelFromRows, rfmResultRows, type RfmRow, type SqlCustomerValueModel } from './rfmModel';
export { proposeSqlRoles, sampleCell } from './detectColumns';
export { tableQuery, type SqlTableSettings } from './tableQuery';
export type { SqlTableColumns } from './columns';
