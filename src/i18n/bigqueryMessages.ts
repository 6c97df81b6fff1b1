/**
 * The BigQuery build's server messages (src/i18n/<lang>/bigqueryServer.ts) as catalogue Messages.
 * Loading this module adds them to the add-on's catalogue, so a UserError made of one renders in
 * its reader's language like any other; only the BigQuery build's modules import it, and the
 * default build stays free of BigQuery text (test/sql/bigqueryBuild.test.ts reads dist/).
 */
import { bigqueryServer as en } from './en/bigqueryServer';
import { bigqueryServer as cs } from './cs/bigqueryServer';
import { bigqueryServer as pl } from './pl/bigqueryServer';
import { bigqueryServer as hu } from './hu/bigqueryServer';
import { addCatalogueParts } from './catalogue';
import type { AnyMessage, Catalogues, EntryParams, Param } from './messages';

export const BIGQUERY_SERVER_CATALOGUES: Catalogues = { en, cs, pl, hu };
addCatalogueParts(BIGQUERY_SERVER_CATALOGUES);

type English = typeof en;
export type BigQueryMessageKey = keyof English;
type ParamsOf<K extends BigQueryMessageKey> = { readonly [P in EntryParams<English[K]>]: P extends 'count' ? number | Param : Param };
type ArgsOf<K extends BigQueryMessageKey> = K extends BigQueryMessageKey ? ([EntryParams<English[K]>] extends [never] ? [] : [params: ParamsOf<K>]) : never;

export function bqMsg<K extends BigQueryMessageKey>(key: K, ...params: ArgsOf<K>): AnyMessage {
  return { key, params: (params[0] ?? {}) as { readonly [name: string]: Param } };
}
