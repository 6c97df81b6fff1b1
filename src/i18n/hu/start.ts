import type { start as en } from '../en/start';
import type { Translation } from '../messages';

export const start: Translation<typeof en, 'hu'> = {
  'start.workbookName': 'Megtartási bemutató',
  'start.usage':
    'használat: npm start -- [fájl.csv|fájl.tsv|fájl.parquet] [--period week|month|quarter|year] [--lapse K] [--zone IANA] [--locale hu_HU] [--out fájl.xlsx] [--engine sheet|duckdb]',
  'start.needsValue': 'a(z) {option} kapcsolónak érték kell',
  'start.lapseWhole': 'a --lapse értéke egész számú időszak, legalább 1',
  'start.unknownOption': 'ismeretlen kapcsoló: {option}',
  'start.engine': 'a --engine értéke „sheet” (alapértelmezett) vagy „duckdb” lehet (megadva: „{engine}”)',
  'start.noSuchFile': 'nincs ilyen fájl: {file}',
  'start.unreadableSheet': 'a(z) „{sheet}” lap nem olvasható',
  'start.failed': 'az npm start nem sikerült: {message}',
  'start.source': {
    one: 'Forrás: „{sheet}”, fejlécsor: {row}., {count} adatsor, {shape}ként olvasva.',
    other: 'Forrás: „{sheet}”, fejlécsor: {row}., {count} adatsor, {shape}ként olvasva.',
  },
  'start.shape.log': 'tranzakciónapló',
  'start.shape.table': 'ügyféltábla',
  'start.columns': 'Oszlopok: {list}',
  'start.columnRole': '{role} = {letter} „{header}”',
  'start.columnKind': '{letter} „{header}”: {kind}',
  'start.noColumn': 'nem található oszlop: {roles}. Az oszlopok tartalma: {kinds}.',
  'start.otherLocale': 'A dátumokat és számokat a(z) {locale} írásmódja szerint olvassuk; ha a fájl máshol készült, próbálja a --locale en_US kapcsolót.',
  'start.lapse': '{label} {count} {unit} (módosítás: --lapse K). {suggestion}',
  'start.summaryDone': '{message}  ({ms} ms, a Táblázatok szolgáltatás hívásai: {calls})',
  'start.valueDone': '{message}  ({ms} ms)',
  'start.valueFailed': 'Az ügyfélérték becslése elmaradt: {reason}',
  'start.firstOf': '{title} (az első {shown}, összesen {count})',
  'start.written': 'A munkafüzet ide íródott: {file} (lapok: {sheets})',
  'start.done': 'Kész: {seconds} s (CPU {cpu} s), legfeljebb {mb} MB memória ({steps}).',
  'start.step': '{name} {seconds} s, {mb} MB',
  'start.step.import': 'importálás',
  'start.step.summary': 'összesítő',
  'start.step.value': 'ügyfélérték',
  'start.step.export': 'exportálás',
};
