import type { detect as en } from '../en/detect';
import type { Translation } from '../messages';

export const detect: Translation<typeof en, 'cs'> = {
  'detect.tableBoth': 'Jeden řádek na zákazníka s datem registrace a zrušení: čteno jako tabulka zákazníků.',
  'detect.tableSignup': 'Jeden řádek na zákazníka s datem registrace: čteno jako tabulka zákazníků.',
  'detect.logRepeats': 'Zákazníci se opakují na více řádcích s daty: čteno jako seznam transakcí (jeden řádek na nákup).',
  'detect.log': 'Čteno jako seznam transakcí (jeden řádek na nákup nebo aktivitu).',
  'detect.quantityPrice': 'Chybí sloupec částky: částka každého řádku je „{quantity}“ × „{price}“ (množství × jednotková cena).',
  'detect.priceOnly': '„{price}“ vypadá jako jednotková cena, ne částka objednávky, proto se jako částka nepoužije; vyberte ho u Částky, pokud obsahuje hodnotu každého řádku.',
  'detect.amountAsText': 'Sloupec „{amount}“ vypadá jako částka, ale jeho čísla mají jiný desetinný oddělovač („{example}“), takže je národní prostředí tabulky čte jako text; sloupec se proto nepoužije: nastavte tabulce národní prostředí souboru (Soubor → Nastavení) nebo sloupec převeďte a zjistěte sloupce znovu.',
};
