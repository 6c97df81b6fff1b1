/**
 * The cohort query's result columns, in order (cohortQuery.ts documents what each kind of row holds).
 * A module of its own: the default build reads results (cohortReport.ts) without the query builder,
 * whose column checks speak through the BigQuery build's messages.
 */
export const RESULT_COLUMNS = ['kind', 'label', 'cohort', 'period', 'customers', 'continuing', 'ended', 'revenue', 'retained'] as const;
