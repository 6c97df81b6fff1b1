/**
 * The queries' result columns, in order (each query documents what its rows hold). A module of its
 * own: the default build reads results (cohortReport.ts, rfmModel.ts, customerRows.ts) without the
 * query builder, whose column checks speak through the BigQuery build's messages.
 */
export const RESULT_COLUMNS = ['kind', 'label', 'cohort', 'period', 'customers', 'continuing', 'ended', 'revenue', 'retained'] as const;

/** rfmQuery.ts: grouped histories, spend groups, totals, bounds and skipped rows. */
export const RFM_COLUMNS = ['kind', 'x', 'tx', 'age', 'customers', 'amount'] as const;

/** customerQuery.ts: one row per customer with a purchase on or before the observation end. */
export const CUSTOMER_COLUMNS = ['id', 'x', 'tx', 'age', 'spend_count', 'spend_sum', 'past_value', 'first_day', 'last_day', 'segment', 'first_row', 'cost_sum'] as const;

/** The reasons a row of a log is skipped (logExpressions.ts), in the sheet's order; rfmQuery's 'skip' rows give their index as x. */
export const LOG_SKIP_REASONS = ['blank row', 'blank id', 'repeated header', 'blank date', 'not a date', 'bad amount'] as const;

/** valueQuery.ts valueGroupsQuery: rfmQuery's rows (RFM_COLUMNS, the rest NULL), then 'group' and 'cut' rows. */
export const VALUE_COLUMNS = [...RFM_COLUMNS, 'spend_count', 'segment', 'top', 'spend_sum', 'past_sum', 'spend_max', 'cost_sum'] as const;

/**
 * valueQuery.ts valueCandidatesQuery: customerQuery's columns, then whether the customer is in the top share by past
 * value, and (with a cost to serve and a cut at-risk list) whether the query counted them among the at-risk members
 * with a negative net value, and that count.
 */
export const CANDIDATE_COLUMNS = [...CUSTOMER_COLUMNS, 'top', 'negative', 'negatives'] as const;

/** valueQuery.ts: P(alive) in SQL and in JavaScript differ by rounding (≈ 1e-15): the candidates keep this much margin. */
export const PROBABILITY_MARGIN = 1e-9;
