import { bigQueryEntryPoints } from './entryPointsBigQuery';
import { handlers } from './main';

/** The BigQuery build's bundle entry: the default add-on plus the BigQuery source's server functions. */
for (const e of bigQueryEntryPoints) handlers[e.name] = e.run;

export { handlers };
