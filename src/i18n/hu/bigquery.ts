import type { Translation } from '../messages';
import type { bigquery as en } from '../en/bigquery';

export const bigquery: Translation<typeof en, 'hu'> = {
  'bigquery.title': 'BigQuery-forrás',
  'bigquery.intro': 'Munkalapba nem férő naplókhoz: a BigQuery számol, és csak a kis eredménytáblák kerülnek vissza a táblázatba.',
  'bigquery.project': 'Projektazonosító (ez fizeti a lekérdezést)',
  'bigquery.table': 'Tábla vagy nézet (adatkészlet.tábla)',
  'bigquery.query': '…vagy egy lekérdezés, például egy mentett lekérdezés SQL-je',
  'bigquery.queryExample': 'SELECT customer_id, created_at, total FROM …',
  'bigquery.describe': 'Oszlopok beolvasása',
  'bigquery.retainedWhen': 'Megtartott ügyfél, ha',
  'bigquery.onlySegment': 'Csak a szegmens',
  'bigquery.maxGb': 'Ennél nagyobb lekérdezés elutasítása (GB, üres = nincs korlát)',
  'bigquery.estimate': 'Költség becslése',
  'bigquery.run': 'Futtatás a BigQueryben',
  'bigquery.outsideSheets': 'Az oldalsáv csak a Google Táblázatokban működik.',
  'bigquery.reading': 'Oszlopok beolvasása…',
  'bigquery.dryRun': 'Próbafuttatás: a BigQuery megmondja, mennyi adatot olvasna be a lekérdezés…',
  'bigquery.running': 'A BigQuery futtatja a lekérdezést…',
  'bigquery.rows': { one: '{count} sor.', other: '{count} sor.' },
  'bigquery.valueTitle': 'Ügyfélérték',
  'bigquery.valueIntro': 'A modellek a BigQuery csoportosított soraira illeszkednek; csak a lapon felsorolt ügyfelek jönnek vissza.',
  'bigquery.valueEstimate': 'Az ügyfélérték költségének becslése',
  'bigquery.valueRun': 'Ügyfélérték számítása a BigQueryben',
  'bigquery.valueRunning': 'A BigQuery futtatja az ügyfélérték lekérdezéseit…',
};
