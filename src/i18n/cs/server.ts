import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'cs'> = {
  'server.badSettings': 'Postranní panel poslal nastavení, které doplněk nedokáže přečíst: {detail}. Načtěte postranní panel znovu.',
  'server.unexpected': 'V doplňku se něco pokazilo ({detail}).',
  'server.sheetsUnchanged': 'Vaše listy se nezměnily.',
  'server.sheetUpdated': 'List „{sheet}“ byl předtím kompletně aktualizován.',
  'server.sheetNamesPending': 'List „{sheet}“ byl zapsán, ale některé jeho pojmenované oblasti ještě nemusejí ukazovat na jeho tabulky.',
  'server.sheetPartial': 'List „{sheet}“ je aktualizován jen zčásti: v buňkách jsou nové tabulky, ale formáty, graf nebo pojmenované oblasti mohou být ještě původní.',
  'server.stagingLeft': 'V tabulce zůstal list „{sheet}“, který doplněk připravoval.',
  'server.nextRunRepairs': 'Příští spuštění to opraví; ostatní listy se nezměnily.',
  'server.otherSheetsUnchanged': 'Ostatní listy se nezměnily.',
  'server.settingsNotSaved': 'Nastavení se tentokrát nepodařilo uložit pro „Obnovit přehled“.',
  'server.ownedSourceSummary': 'List „{sheet}“ je přehled retence, který zapisuje doplněk, ne vaše data: vyberte list s vašimi transakcemi nebo zákazníky.',
  'server.ownedSourceValue': 'List „{sheet}“ je list hodnoty zákazníků, který zapisuje doplněk, ne vaše data: vyberte list s vašimi transakcemi nebo zákazníky.',
  'server.ownedSourceBuilding': 'List „{sheet}“ připravoval doplněk, nejsou to vaše data: vyberte list s vašimi transakcemi nebo zákazníky.',
  'server.value.customers': { one: 'Ohodnocen {count} zákazník', few: 'Ohodnoceni {count} zákazníci', many: 'Ohodnoceno {count} zákazníka', other: 'Ohodnoceno {count} zákazníků' },
  'server.value.rows': { one: '{count} řádku', few: '{count} řádků', many: '{count} řádku', other: '{count} řádků' },
  'server.value.skipped': { one: '{count} vynechán', few: '{count} vynechány', many: '{count} vynecháno', other: '{count} vynecháno' },
  'server.value.topAtRisk': { one: '{count} z největších zákazníků', few: '{count} z největších zákazníků', many: '{count} z největších zákazníků', other: '{count} z největších zákazníků' },
  'server.value.done': '{customers} z {rows}: CLV za {months} měs. celkem {total}, ohroženo: {atRisk}, ztraceno: {lapsed}. Zapsáno do listu „{sheet}“.',
  'server.value.doneSkipped': '{customers} z {rows} ({skipped}): CLV za {months} měs. celkem {total}, ohroženo: {atRisk}, ztraceno: {lapsed}. Zapsáno do listu „{sheet}“.',
  'server.value.doneNet': '{customers} z {rows}: CLV za {months} měs. celkem {total}, po odečtení nákladů na obsluhu {net}, ohroženo: {atRisk}, ztraceno: {lapsed}. Zapsáno do listu „{sheet}“.',
  'server.value.doneNetSkipped': '{customers} z {rows} ({skipped}): CLV za {months} měs. celkem {total}, po odečtení nákladů na obsluhu {net}, ohroženo: {atRisk}, ztraceno: {lapsed}. Zapsáno do listu „{sheet}“.',
  'server.value.untrusted': '{done} Modelu ale nelze plně věřit:',
};
