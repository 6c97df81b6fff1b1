/**
 * The two narrowed Customer value queries as every SQL engine runs them (the BigQuery build's runValue.ts and
 * `npm start -- --engine duckdb`): valueGroupsQuery first; from its rows the models are fitted and the
 * candidate plan made (narrowing.ts), which valueCandidatesQuery carries. One path, so both engines bring
 * back the same few rows and write the same sheet.
 */
import type { AtRiskOptions } from '../models/atRisk';
import type { CostRateSettings } from '../models/segmentCosts';
import type { SqlLogColumns } from './columns';
import type { SqlDialect } from './dialect';
import type { SqlSource } from './logExpressions';
import { candidatePlan, valueGroupRows, type Horizon } from './narrowing';
import { customerValueModelFromRows, type SqlCustomerValueModel } from './rfmModel';
import { valueCandidatesQuery, valueGroupsQuery, type SqlValueSettings } from './valueQuery';

export interface NarrowedValueQueries {
  /** The first query: the fits' rows, the group rows and the top share's cut. */
  groupsSql: string;
  /** Both models fitted on the first query's rows: once, for the second query and the sheet (SqlCustomerValueRequest.fitted). */
  fit: (groupRows: readonly (readonly unknown[])[]) => SqlCustomerValueModel;
  /**
   * The second query, built from the first one's result rows (the fitted parameters written into it); a caller
   * that has already fitted the models on those rows passes the fit, so they are not fitted twice.
   */
  candidatesSql: (groupRows: readonly (readonly unknown[])[], fitted?: SqlCustomerValueModel) => string;
}

/**
 * `costs` (and `columns.cost`) are the cost to serve the sheet will be written with (SqlCustomerValueRequest.costs and
 * costColumn): the second query's at-risk bounds are of the loss of net value, so both must be the same.
 */
export function narrowedValueQueries(
  d: SqlDialect,
  source: SqlSource,
  columns: SqlLogColumns,
  settings: SqlValueSettings,
  horizon: Horizon,
  lists: AtRiskOptions,
  limits: { topRows: number; listRows: number },
  costs: CostRateSettings | null = null,
): NarrowedValueQueries {
  const perPurchase = Boolean(columns.cost);
  return {
    groupsSql: valueGroupsQuery(d, source, columns, settings),
    fit: (groupRows) => customerValueModelFromRows(valueGroupRows(groupRows).rfm),
    candidatesSql: (groupRows, fitted) => {
      const groups = valueGroupRows(groupRows);
      // With a cost to serve the at-risk list ranks by the loss of net value: the query's bounds are of that.
      const plan = candidatePlan(groups, fitted ?? customerValueModelFromRows(groups.rfm), horizon, lists, limits, costs, perPurchase);
      return valueCandidatesQuery(d, source, columns, { ...settings, ...plan });
    },
  };
}
