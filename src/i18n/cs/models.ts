import type { models as en } from '../en/models';
import type { Translation } from '../messages';

export const models: Translation<typeof en, 'cs'> = {
  'model.warn.purchaseAtBoundary':
    'Model nákupů (BG/NBD) nenašel nejlepší shodu: data vypadají jako jeho mezní případ (například všichni nakupují stejně často nebo nikdo neodchází), takže P(alive), očekávané nákupy a CLV jsou jen přibližné.',
  'model.warn.purchaseNotConverged': 'Model nákupů (BG/NBD) nekonvergoval, takže P(alive), očekávané nákupy a CLV nejsou spolehlivé.',
  'model.warn.spendAtBoundary':
    'Model útraty (Gamma-Gamma) nenašel nejlepší shodu: data vypadají jako jeho mezní případ (například všichni zákazníci utrácejí stejně), takže očekávané hodnoty nákupu a CLV jsou jen přibližné.',
  'model.warn.spendNotConverged': 'Model útraty (Gamma-Gamma) nekonvergoval, takže očekávané hodnoty nákupu a CLV nejsou spolehlivé.',
  'model.warn.spendNoMean': 'Model útraty (Gamma-Gamma) nemá konečný průměr (q ≤ 1): zákazníci bez opakovaného nákupu nemají očekávanou hodnotu ani CLV.',
  // The verb agrees with the count: nakoupil 1, nakoupili 2–4, nakoupilo 5 z ….
  'model.warn.fewRepeatBuyers': {
    one: 'Víckrát nakoupil jen {count} z {customers} zákazníků: jak často zákazníci nakupují a kdy odcházejí, se odhaduje z malého počtu, proto berte P(alive) a CLV jako hrubé (pro pevný odhad je potřeba aspoň {min} opakovaně nakupujících).',
    few: 'Víckrát nakoupili jen {count} z {customers} zákazníků: jak často zákazníci nakupují a kdy odcházejí, se odhaduje z malého počtu, proto berte P(alive) a CLV jako hrubé (pro pevný odhad je potřeba aspoň {min} opakovaně nakupujících).',
    many: 'Víckrát nakoupilo jen {count} z {customers} zákazníků: jak často zákazníci nakupují a kdy odcházejí, se odhaduje z malého počtu, proto berte P(alive) a CLV jako hrubé (pro pevný odhad je potřeba aspoň {min} opakovaně nakupujících).',
    other: 'Víckrát nakoupilo jen {count} z {customers} zákazníků: jak často zákazníci nakupují a kdy odcházejí, se odhaduje z malého počtu, proto berte P(alive) a CLV jako hrubé (pro pevný odhad je potřeba aspoň {min} opakovaně nakupujících).',
  },
  'model.warn.fewSpendCustomers':
    'Opakovaný nákup s kladnou částkou má jen {spend} zákazníků: jejich útrata se odhaduje z malého počtu, proto berte očekávané hodnoty a CLV jako hrubé (pro pevný odhad je potřeba aspoň {min}).',
  'model.warn.correlation':
    'Útrata a frekvence nákupů spolu korelují (ρ = {rho}): model útraty předpokládá, že jsou nezávislé, takže očekávané hodnoty a CLV mohou být zkreslené.',

  'model.fit.boundary':
    '{model}: žádná konečná nejlepší shoda; věrohodnost dál roste pro {params}. Data vypadají jako mezní případ modelu, takže parametry nejsou odhady a předpovědi jsou přibližné',
  'model.fit.toInfinity': '{name} → nekonečno',
  'model.fit.toZero': '{name} → 0',
  'model.fit.notConverged': '{model}: odhad nekonvergoval ({reason}); jeho parametry a předpovědi nejsou spolehlivé',
  'model.fit.converged': {
    one: '{model}: konvergoval po {count} iteraci',
    few: '{model}: konvergoval po {count} iteracích',
    many: '{model}: konvergoval po {count} iteraci',
    other: '{model}: konvergoval po {count} iteracích',
  },
  'model.fit.noMean': '{fit}; q ≤ 1 znamená, že rozdělení útraty nemá konečný průměr, takže zákazníci bez opakovaných nákupů nemají očekávanou hodnotu',
  'model.stop.notFinite': 'účelová funkce není ve výchozím bodě konečná',
  'model.stop.tolerance': 'gradient pod tolerancí',
  'model.stop.resolution': 'konvergoval na přesnost plovoucí čárky (gradient {gradient})',
  'model.stop.resolutionFlat': 'konvergoval na přesnost plovoucí čárky (gradient {gradient}; nižší hodnotu nelze rozlišit)',
  'model.stop.lineSearch': 'hledání na přímce nenašlo nižší hodnotu; gradient {gradient}',
  'model.stop.runaway': 'některý parametr utíká k 0 nebo k nekonečnu (věrohodnost nemá konečné maximum)',
  'model.stop.iterations': {
    one: 'zastaveno po {count} iteraci; gradient {gradient}',
    few: 'zastaveno po {count} iteracích; gradient {gradient}',
    many: 'zastaveno po {count} iteraci; gradient {gradient}',
    other: 'zastaveno po {count} iteracích; gradient {gradient}',
  },

  'model.note.leftOut': 'Z modelu útraty vynecháno: {items} (opakované nákupy, čistě za den)',
  'model.note.refunds': { one: '{count} vratka', few: '{count} vratky', many: '{count} vratky', other: '{count} vratek' },
  'model.note.zeroAmounts': { one: '{count} nulová částka', few: '{count} nulové částky', many: '{count} nulové částky', other: '{count} nulových částek' },
  'model.note.missingAmounts': { one: '{count} nákup bez částky', few: '{count} nákupy bez částky', many: '{count} nákupu bez částky', other: '{count} nákupů bez částky' },
  'model.note.refundOnlyDays': {
    one: '{count} den jen s vratkami (zápornými částkami) se nepočítá jako nákup; jeho částky se počítají do dosavadní hodnoty',
    few: '{count} dny jen s vratkami (zápornými částkami) se nepočítají jako nákupy; jejich částky se počítají do dosavadní hodnoty',
    many: '{count} dne jen s vratkami (zápornými částkami) se nepočítá jako nákupy; jejich částky se počítají do dosavadní hodnoty',
    other: '{count} dní jen s vratkami (zápornými částkami) se nepočítá jako nákupy; jejich částky se počítají do dosavadní hodnoty',
  },
  'model.note.rowsAfterEnd': {
    one: '{count} řádek po konci pozorování {date} se nepočítá',
    few: '{count} řádky po konci pozorování {date} se nepočítají',
    many: '{count} řádku po konci pozorování {date} se nepočítá',
    other: '{count} řádků po konci pozorování {date} se nepočítá',
  },

  'model.error.fewCustomers': 'Model nákupů potřebuje aspoň {min} zákazníků s nákupem v období pozorování; zadáno {count}',
  'model.error.noRepeat':
    'Nikdo nenakoupil opakovaně: všech {count} zákazníků nakoupilo jen v jednom dni, takže nelze odhadnout, jak často zákazníci nakupují znovu a kdy odcházejí. Model potřebuje zákazníky, kteří nakoupili aspoň ve dvou různých dnech.',
  'model.error.fewSpend': 'Model útraty potřebuje aspoň {min} zákazníků s opakovaným nákupem kladné částky; zadáno {count}',
  'model.error.emptyLog': 'Seznam transakcí je prázdný: nejsou v něm žádné nákupy',
  'model.error.nothingBeforeEnd': 'Žádné nákupy ke konci pozorování {date} ani dříve; seznam začíná později',
  'model.error.endBeforeData': 'Konec pozorování {date} je před prvním datem v datech ({first}).',
  'model.error.horizon': 'Horizont musí být celý počet měsíců od 1 do {max}; zadáno {got}',
  'model.error.discount': 'Měsíční diskontní sazba musí být číslo 0 nebo větší, například {example} pro {examplePercent} měsíčně; zadáno {got}',
  'model.error.topShare': 'Podíl největších zákazníků podle dosavadní hodnoty musí být nad 0 % a nejvýš 100 % (zadáno {got}).',
  'model.error.aliveBelow': 'Práh P(alive) musí být nad 0 % a nejvýš 100 % (zadáno {got}).',
  'model.error.aliveFloor': 'Spodní mez P(alive) musí být aspoň 0 % a pod prahem {below} (zadáno {got}).',
};
