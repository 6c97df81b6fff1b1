/**
 * The queries' result columns, in order (each query documents what its rows hold). A module of its
 * own: the default build reads results (cohortReport.ts, rfmModel.ts, customerRows.ts) without the
 * query builder, whose column checks speak through the BigQuery build's messages.
 */
export const RESULT_COLUMNS = ['kind', 'label', 'cohort', 'period', 'customers', 'continuing', 'ended', 'revenue', 'retained'] as const;

/** rfmQuery.ts: grouped histories, spend groups, totals and bounds. */
export const RFM_COLUMNS = ['kind', 'x', 'tx', 'age', 'customers', 'amount'] as const;

/** customerQuery.ts: one row per customer with a purchase on or before the observation end. */
export const CUSTOMER_COLUMNS = ['id', 'x', 'tx', 'age', 'spend_count', 'spend_sum', 'past_value', 'first_day', 'last_day', 'segment', 'first_row'] as const;
