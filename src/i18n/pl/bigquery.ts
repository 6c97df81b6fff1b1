import type { Translation } from '../messages';
import type { bigquery as en } from '../en/bigquery';

export const bigquery: Translation<typeof en, 'pl'> = {
  'bigquery.title': 'Źródło BigQuery',
  'bigquery.intro': 'Dla dzienników zbyt dużych na arkusz: liczy BigQuery, a do arkusza wracają tylko małe tabele wyników.',
  'bigquery.project': 'Identyfikator projektu (płaci za zapytanie)',
  'bigquery.table': 'Tabela lub widok (zbiór.tabela)',
  'bigquery.query': '…lub zapytanie, np. SQL zapisanego zapytania',
  'bigquery.queryExample': 'SELECT customer_id, created_at, total FROM …',
  'bigquery.describe': 'Wczytaj kolumny',
  'bigquery.retainedWhen': 'Klient utrzymany, gdy jest',
  'bigquery.onlySegment': 'Tylko segment',
  'bigquery.maxGb': 'Odrzucaj zapytania powyżej (GB, puste = bez limitu)',
  'bigquery.estimate': 'Oszacuj koszt',
  'bigquery.run': 'Uruchom w BigQuery',
  'bigquery.outsideSheets': 'Panel boczny działa tylko w Arkuszach Google.',
  'bigquery.reading': 'Wczytuję kolumny…',
  'bigquery.dryRun': 'Próbne uruchomienie: pytam BigQuery, ile danych przeszuka zapytanie…',
  'bigquery.running': 'BigQuery wykonuje zapytanie…',
  'bigquery.rows': { one: '{count} wiersz.', few: '{count} wiersze.', many: '{count} wierszy.', other: '{count} wiersza.' },
  'bigquery.valueTitle': 'Wartość klientów',
  'bigquery.valueIntro': 'Modele są dopasowywane do pogrupowanych wierszy z BigQuery; wracają tylko klienci, których arkusz wymienia.',
  'bigquery.valueEstimate': 'Oszacuj koszt wartości klientów',
  'bigquery.valueRun': 'Oblicz wartość klientów w BigQuery',
  'bigquery.valueRunning': 'BigQuery wykonuje zapytania wartości klientów…',
};
