/**
 * The two narrowed Customer value queries as every SQL engine runs them (the BigQuery build's runValue.ts and
 * `npm start -- --engine duckdb`): valueGroupsQuery first; from its rows the models are fitted and the
 * candidate plan made (narrowing.ts), which valueCandidatesQuery carries. One path, so both engines bring
 * back the same few rows and write the same sheet.
 */
import type { AtRiskOptions } from '../models/atRisk';
import type { SqlLogColumns } from './columns';
import type { SqlDialect } from './dialect';
import type { SqlSource } from './logExpressions';
import { candidatePlan, valueGroupRows, type Horizon } from './narrowing';
import { customerValueModelFromRows, type SqlCustomerValueModel } from './rfmModel';
import { valueCandidatesQuery, valueGroupsQuery, type SqlValueSettings } from './valueQuery';

export interface NarrowedValueQueries {
  /** The first query: the fits' rows, the group rows and the top share's cut. */
  groupsSql: string;
  /**
   * The second query, built from the first one's result rows (the fitted parameters written into it); a caller
   * that has already fitted the models on those rows passes the fit, so they are not fitted twice.
   */
  candidatesSql: (groupRows: readonly (readonly unknown[])[], fitted?: SqlCustomerValueModel) => string;
}

export function narrowedValueQueries(
  d: SqlDialect,
  source: SqlSource,
  columns: SqlLogColumns,
  settings: SqlValueSettings,
  horizon: Horizon,
  lists: AtRiskOptions,
  limits: { topRows: number; listRows: number },
): NarrowedValueQueries {
  return {
    groupsSql: valueGroupsQuery(d, source, columns, settings),
    candidatesSql: (groupRows, fitted) => {
      const groups = valueGroupRows(groupRows);
      const plan = candidatePlan(groups, fitted ?? customerValueModelFromRows(groups.rfm), horizon, lists, limits);
      return valueCandidatesQuery(d, source, columns, { ...settings, ...plan });
    },
  };
}
