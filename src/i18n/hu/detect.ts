import type { detect as en } from '../en/detect';
import type { Translation } from '../messages';

export const detect: Translation<typeof en, 'hu'> = {
  'detect.tableBoth': 'Ügyfelenként egy sor regisztrációs és lemondási dátummal: ügyféltáblaként beolvasva.',
  'detect.tableSignup': 'Ügyfelenként egy sor regisztrációs dátummal: ügyféltáblaként beolvasva.',
  'detect.logRepeats': 'Az ügyfelek több sorban szerepelnek dátumokkal: tranzakciónaplóként beolvasva (vásárlásonként egy sor).',
  'detect.log': 'Tranzakciónaplóként beolvasva (vásárlásonként vagy tevékenységenként egy sor).',
  'detect.quantityPrice': 'Nincs összegoszlop: minden sor összege „{quantity}” × „{price}” (mennyiség × egységár).',
  'detect.priceOnly': 'A(z) „{price}” egységárnak látszik, nem rendelési összegnek, ezért nem ez az összeg; válassza ki az Összegnél, ha minden sor értékét tartalmazza.',
  'detect.amountAsText': 'A(z) „{amount}” összegnek látszik, de a számai más tizedesjelet használnak („{example}”), ezért a táblázat területi beállítása szövegként olvassa őket, így az oszlopot nem használjuk: állítsa a táblázat területi beállítását a fájléra (Fájl → Beállítások), vagy alakítsa át az oszlopot, és ismételje meg a felismerést.',
};
