import type { Translation } from '../messages';
import type { bigquery as en } from '../en/bigquery';

export const bigquery: Translation<typeof en, 'cs'> = {
  'bigquery.title': 'Zdroj BigQuery',
  'bigquery.intro': 'Pro záznamy, které se do listu nevejdou: počítá BigQuery a do tabulky se vrátí jen malé tabulky výsledků.',
  'bigquery.project': 'ID projektu (platí za dotaz)',
  'bigquery.table': 'Tabulka nebo pohled (dataset.tabulka)',
  'bigquery.query': '…nebo dotaz, třeba SQL uloženého dotazu',
  'bigquery.queryExample': 'SELECT customer_id, created_at, total FROM …',
  'bigquery.describe': 'Načíst sloupce',
  'bigquery.retainedWhen': 'Udržený zákazník je',
  'bigquery.onlySegment': 'Jen segment',
  'bigquery.maxGb': 'Odmítnout dotazy nad (GB, prázdné = bez limitu)',
  'bigquery.estimate': 'Odhadnout cenu',
  'bigquery.run': 'Spustit v BigQuery',
  'bigquery.outsideSheets': 'Postranní panel funguje jen v Tabulkách Google.',
  'bigquery.reading': 'Načítám sloupce…',
  'bigquery.dryRun': 'Zkušební běh: ptám se BigQuery, kolik dat by dotaz prošel…',
  'bigquery.running': 'BigQuery provádí dotaz…',
  'bigquery.rows': { one: '{count} řádek.', few: '{count} řádky.', many: '{count} řádku.', other: '{count} řádků.' },
  'bigquery.valueTitle': 'Hodnota zákazníků',
  'bigquery.valueIntro': 'Modely se odhadují ze seskupených řádků z BigQuery; vrátí se jen zákazníci, které list uvádí.',
  'bigquery.valueEstimate': 'Odhadnout cenu hodnoty zákazníků',
  'bigquery.valueRun': 'Spočítat hodnotu zákazníků v BigQuery',
  'bigquery.valueRunning': 'BigQuery spouští dotazy hodnoty zákazníků…',
};
