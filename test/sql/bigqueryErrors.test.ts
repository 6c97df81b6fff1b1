/** BigQuery's error texts, as the advanced service throws them, become one clear sentence each. */
import { describe, expect, it } from 'vitest';
import { bigQueryError, formatBytes } from '../../src/addon/bigquery/errors';
import { parseTableName, checkProjectId } from '../../src/addon/bigquery/tableName';
import { UserError, userMessage } from '../../src/core/errors';
import { render } from '../../src/i18n/catalogue';

const thrown = (method: string, text: string) => new Error(`API call to bigquery.${method} failed with error: ${text}`);

describe('BigQuery errors', () => {
  const cases: [string, RegExp][] = [
    ['BigQuery API has not been used in project 1234 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/bigquery.googleapis.com/overview?project=1234 then retry.', /^The BigQuery API is not enabled in project "p-1"/],
    ['Access Denied: Project p-1: User does not have bigquery.jobs.create permission in project p-1.', /^You have no permission to run queries in project "p-1"/],
    ['Access Denied: Table other:sales.orders: User does not have permission to query table other:sales.orders, or perhaps it does not exist.', /^You have no permission to read the table other\.sales\.orders\./],
    ['Access Denied: Dataset other:sales: Permission bigquery.tables.get denied on dataset other:sales (or it may not exist).', /^You have no permission to read the dataset other\.sales\./],
    ['Not found: Table p-1:sales.orderz was not found in location EU', /^The table p-1\.sales\.orderz was not found \(in location EU\)\./],
    ['Not found: Dataset p-1:salez', /^The dataset p-1\.salez was not found\./],
    ['Billing has not been enabled for this project. Enable billing at https://console.cloud.google.com/billing.', /^Billing is not enabled for project "p-1"/],
    ['Query exceeded limit for bytes billed: 1000000. 10485760 or higher required.', /^BigQuery stopped the query: it would bill 10\.5 MB, more than your limit of 1\.00 MB\./],
    ['No matching signature for function UNIX_DATE for argument types: INT64. Supported signature: UNIX_DATE(DATE) at [3:17]', /^A column has a type the report cannot read \(UNIX_DATE got INT64\)/],
    ['Job execution was cancelled: Job timed out after 6 min 0 sec', /^BigQuery gave up on the query: it ran longer than allowed/],
  ];
  for (const [text, message] of cases) {
    it(text.slice(0, 60), () => expect(bigQueryError(thrown('jobs.query', text), 'p-1').message).toMatch(message));
  }
  it('anything else is passed on without the API prefix', () => {
    expect(bigQueryError(thrown('jobs.query', 'Resources exceeded during query execution.'), 'p').message).toBe('BigQuery refused the request: Resources exceeded during query execution.');
  });
  it('formats bytes in decimal units, in each language', () => {
    const sizes = [0, 1, 999, 1000, 12_345, 5_000_000, 1.5e9, 2.2e12];
    expect(sizes.map((b) => render(formatBytes(b) as never, 'en'))).toEqual(['0 bytes', '1 byte', '999 bytes', '1.00 KB', '12.3 KB', '5.00 MB', '1.50 GB', '2.20 TB']);
    expect(sizes.map((b) => render(formatBytes(b) as never, 'cs'))).toEqual(['0 bajtů', '1 bajt', '999 bajtů', '1,00 KB', '12,3 KB', '5,00 MB', '1,50 GB', '2,20 TB']);
    expect([2, 5, 22].map((b) => render(formatBytes(b) as never, 'pl'))).toEqual(['2 bajty', '5 bajtów', '22 bajty']);
    expect(render(formatBytes(12_345) as never, 'hu')).toBe('12,3 KB');
  });
  it('each message is a catalogue message, shown in its reader’s language', () => {
    const e = bigQueryError(thrown('jobs.query', 'Not found: Table p-1:sales.orderz was not found in location EU'), 'p-1');
    expect(e).toBeInstanceOf(UserError);
    expect(userMessage(e, 'cs')).toBe('Tabulka p-1.sales.orderz nebyla nalezena (v umístění EU). Zkontrolujte názvy datasetu a tabulky a projekt.');
    expect(userMessage(e, 'pl')).toBe('Nie znaleziono tabeli p-1.sales.orderz (w lokalizacji EU). Sprawdź nazwy zbioru danych i tabeli oraz projekt.');
    expect(userMessage(e, 'hu')).toBe('A(z) p-1.sales.orderz tábla nem található (EU helyen). Ellenőrizze az adatkészlet és a tábla nevét, valamint a projektet.');
    const billed = bigQueryError(thrown('jobs.query', 'Query exceeded limit for bytes billed: 1000000. 10485760 or higher required.'), 'p-1');
    expect(userMessage(billed, 'cs')).toBe('BigQuery dotaz zastavil: vyúčtoval by 10,5 MB, víc než váš limit 1,00 MB. Zvyšte limit nebo zvolte menší tabulku.');
    expect(() => checkProjectId('My Shop')).toThrow(UserError);
    try {
      checkProjectId('My Shop');
    } catch (x) {
      expect(userMessage(x, 'pl')).toBe('„My Shop” nie jest identyfikatorem projektu Google Cloud (6–30 małych liter, cyfr i myślników, np. „my-shop-analytics”).');
    }
  });
});

describe('table names and project ids', () => {
  it('reads dataset.table, project.dataset.table, the legacy project:dataset.table and backticks', () => {
    expect(parseTableName('sales.orders', 'p-12345')).toEqual({ projectId: 'p-12345', datasetId: 'sales', tableId: 'orders' });
    expect(parseTableName('`other-proj`.`sales`.`orders`', 'p-12345')).toEqual({ projectId: 'other-proj', datasetId: 'sales', tableId: 'orders' });
    expect(parseTableName('example.com:shop:sales.orders', 'x').projectId).toBe('example.com:shop');
    expect(() => parseTableName('orders', 'p-12345')).toThrow(/is not a table name: write dataset\.table/);
    expect(() => parseTableName("sales.or'ders", 'p-12345')).toThrow(/is not a table name/);
  });
  it('refuses what is not a project id', () => {
    expect(checkProjectId(' my-shop-analytics ')).toBe('my-shop-analytics');
    expect(() => checkProjectId('My Shop')).toThrow(/is not a Google Cloud project id/);
  });
});
