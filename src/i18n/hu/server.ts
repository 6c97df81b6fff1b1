import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'hu'> = {
  'server.badSettings': 'Az oldalsáv olyan beállításokat küldött, amelyeket a bővítmény nem tud beolvasni: {detail}. Töltse be újra az oldalsávot.',
  'server.unexpected': 'Hiba történt a bővítményben ({detail}).',
  'server.sheetsUnchanged': 'A lapjai nem változtak.',
  'server.sheetUpdated': 'A(z) „{sheet}” lap előtte teljesen frissült.',
  'server.sheetNamesPending': 'A(z) „{sheet}” lap elkészült, de egyes elnevezett tartományai talán még nem a táblázataira mutatnak.',
  'server.sheetPartial': 'A(z) „{sheet}” lap csak részben frissült: a cellákban az új táblázatok vannak, de a formázás, a diagram vagy az elnevezett tartományok még a korábbiak lehetnek.',
  'server.stagingLeft': 'A táblázatban maradt egy „{sheet}” lap, amelyet a bővítmény készített elő.',
  'server.nextRunRepairs': 'A következő futtatás helyreállítja; a többi lap nem változott.',
  'server.otherSheetsUnchanged': 'A többi lap nem változott.',
  'server.settingsNotSaved': 'A beállításokat ezúttal nem sikerült menteni az „Összesítő frissítése” számára.',
  'server.ownedSourceSummary': 'A(z) „{sheet}” a bővítmény által írt retenciós összesítő, nem az Ön adatai: válassza ki a tranzakcióit vagy ügyfeleit tartalmazó lapot.',
  'server.ownedSourceValue': 'A(z) „{sheet}” a bővítmény által írt ügyfélérték-lap, nem az Ön adatai: válassza ki a tranzakcióit vagy ügyfeleit tartalmazó lapot.',
  'server.ownedSourceBuilding': 'A(z) „{sheet}” lapot a bővítmény készítette elő, nem az Ön adatai: válassza ki a tranzakcióit vagy ügyfeleit tartalmazó lapot.',
  'server.value.customers': { one: '{count} ügyfél értékelve', other: '{count} ügyfél értékelve' },
  'server.value.rows': { one: '{count} sorból', other: '{count} sorból' },
  'server.value.skipped': { one: '{count} kihagyva', other: '{count} kihagyva' },
  'server.value.topAtRisk': { one: '{count} a legnagyobb ügyfelek közül', other: '{count} a legnagyobb ügyfelek közül' },
  'server.value.done': '{customers} {rows}: {months} havi CLV összesen {total}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneSkipped': '{customers} {rows} ({skipped}): {months} havi CLV összesen {total}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneNet': '{customers} {rows}: {months} havi CLV összesen {total}, a kiszolgálási költség levonása után {net}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneNetSkipped': '{customers} {rows} ({skipped}): {months} havi CLV összesen {total}, a kiszolgálási költség levonása után {net}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.untrusted': '{done} A modellben azonban nem lehet teljesen megbízni:',
  'server.needsAmounts':
    'Az ügyfélértékhez összegoszlopos tranzakciónapló kell: vásárlásonként egy sor az ügyféllel, a dátummal és az összeggel. Adatformának válassza a „Tranzakciónapló” lehetőséget, és jelölje ki az összegoszlopot.',
  'server.badAsOf': 'A „Fordulónap” („{date}”) nem érvényes dátum.',
  'server.busySummary': 'Valaki más éppen most készíti ennek a táblázatnak az összesítőjét. Próbálja újra egy perc múlva.',
  'server.busyValue': 'Valaki más éppen most írja ennek a táblázatnak az összesítőjét vagy ügyfélértékét. Próbálja újra egy perc múlva.',
  'server.costNotNumbers': 'A(z) {column} költségeinek számoknak kell lenniük (minden sor költsége, üres, ha nincs): {rows}. Javítsa őket, vagy ne válasszon költségoszlopot.',
  'server.costNotNumbersMore': {
    one: 'A(z) {column} költségeinek számoknak kell lenniük (minden sor költsége, üres, ha nincs): {rows} és még {count}. Javítsa őket, vagy ne válasszon költségoszlopot.',
    other: 'A(z) {column} költségeinek számoknak kell lenniük (minden sor költsége, üres, ha nincs): {rows} és még {count}. Javítsa őket, vagy ne válasszon költségoszlopot.',
  },
  'server.costRowIs': 'a(z) {row}. sor értéke {value}',
  'server.costSameAsRole': 'A költségoszlop nem lehet a(z) {column}: az már a napló egy másik oszlopaként van kiválasztva. Válasszon olyan oszlopot, amely csak költségeket tartalmaz.',
};
