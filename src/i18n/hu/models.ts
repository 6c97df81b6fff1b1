import type { models as en } from '../en/models';
import type { Translation } from '../messages';

export const models: Translation<typeof en, 'hu'> = {
  'model.warn.purchaseAtBoundary':
    'A vásárlási modell (BG/NBD) nem talált legjobb illeszkedést: az adatok a modell határesetének tűnnek (például mindenki ugyanolyan ütemben vásárol, vagy senki sem morzsolódik le), így a P(alive), a várható vásárlások és a CLV csak közelítők.',
  'model.warn.purchaseNotConverged': 'A vásárlási modell (BG/NBD) nem konvergált, így a P(alive), a várható vásárlások és a CLV nem megbízhatók.',
  'model.warn.spendAtBoundary':
    'A költési modell (Gamma-Gamma) nem talált legjobb illeszkedést: az adatok a modell határesetének tűnnek (például minden ügyfél ugyanannyit költ), így a vásárlásonkénti várható érték és a CLV csak közelítő.',
  'model.warn.spendNotConverged': 'A költési modell (Gamma-Gamma) nem konvergált, így a vásárlásonkénti várható érték és a CLV nem megbízható.',
  'model.warn.spendNoMean': 'A költési modellnek (Gamma-Gamma) nincs véges átlaga (q ≤ 1): az ismételt vásárlás nélküli ügyfeleknek nincs várható értékük és CLV-jük.',
  'model.warn.fewRepeatBuyers': {
    one: '{customers} ügyfélből csak {count} vásárolt többször: azt, hogy milyen gyakran vásárolnak és mikor morzsolódnak le, kevés ügyfélből becsüljük, ezért a P(alive) és a CLV csak durva becslés (megbízható illesztéshez legalább {min} visszatérő ügyfél kell).',
    other: '{customers} ügyfélből csak {count} vásárolt többször: azt, hogy milyen gyakran vásárolnak és mikor morzsolódnak le, kevés ügyfélből becsüljük, ezért a P(alive) és a CLV csak durva becslés (megbízható illesztéshez legalább {min} visszatérő ügyfél kell).',
  },
  'model.warn.fewSpendCustomers':
    'Csak {spend} ügyfélnek van pozitív összegű ismételt vásárlása: a költésüket kevés ügyfélből becsüljük, ezért a várható értékek és a CLV csak durva becslések (megbízható illesztéshez legalább {min} kell).',
  'model.warn.correlation':
    'A költés és a vásárlási gyakoriság korrelál (ρ = {rho}): a költési modell függetlennek tekinti őket, így a várható értékek és a CLV-k torzak lehetnek.',

  'model.fit.boundary':
    '{model}: nincs véges legjobb illeszkedés; a valószínűségi függvény tovább nő, ahogy {params}. Az adatok a modell határesetének tűnnek, így a paraméterek nem becslések, az előrejelzések pedig közelítők',
  'model.fit.toInfinity': '{name} → végtelen',
  'model.fit.toZero': '{name} → 0',
  'model.fit.notConverged': '{model}: az illesztés nem konvergált ({reason}); a paraméterei és előrejelzései nem megbízhatók',
  'model.fit.converged': { one: '{model}: {count} iteráció után konvergált', other: '{model}: {count} iteráció után konvergált' },
  'model.fit.noMean': '{fit}; q ≤ 1 azt jelenti, hogy a költés eloszlásának nincs véges átlaga, így az ismételt vásárlás nélküli ügyfeleknek nincs várható értékük',
  'model.stop.notFinite': 'a célfüggvény nem véges a kiindulópontban',
  'model.stop.tolerance': 'a gradiens a tűréshatár alatt van',
  'model.stop.resolution': 'a lebegőpontos pontosságig konvergált (gradiens {gradient})',
  'model.stop.resolutionFlat': 'a lebegőpontos pontosságig konvergált (gradiens {gradient}; kisebb érték nem különböztethető meg)',
  'model.stop.lineSearch': 'a vonalmenti keresés nem talált kisebb értéket; gradiens {gradient}',
  'model.stop.runaway': 'egy paraméter 0 vagy végtelen felé tart (a valószínűségi függvénynek nincs véges maximuma)',
  'model.stop.iterations': { one: '{count} iteráció után leállt; gradiens {gradient}', other: '{count} iteráció után leállt; gradiens {gradient}' },

  'model.note.leftOut': 'A költési modellből kimaradt: {items} (ismételt vásárlások, napi nettó)',
  'model.note.refunds': { one: '{count} visszatérítés', other: '{count} visszatérítés' },
  'model.note.zeroAmounts': { one: '{count} nulla összeg', other: '{count} nulla összeg' },
  'model.note.missingAmounts': { one: '{count} összeg nélküli vásárlás', other: '{count} összeg nélküli vásárlás' },
  'model.note.refundOnlyDays': {
    one: '{count} csak visszatérítést (negatív összeget) tartalmazó nap nem számít vásárlásnak; összegei az eddigi értékbe beszámítanak',
    other: '{count} csak visszatérítést (negatív összeget) tartalmazó nap nem számít vásárlásnak; összegeik az eddigi értékbe beszámítanak',
  },
  'model.note.rowsAfterEnd': { one: 'A megfigyelés vége ({date}) utáni {count} sor nem számít', other: 'A megfigyelés vége ({date}) utáni {count} sor nem számít' },

  'model.error.fewCustomers': 'A vásárlási modellhez legalább {min} olyan ügyfél kell, aki a megfigyelési időszakban vásárolt; megadva: {count}',
  'model.error.noRepeat':
    'Senki sem vásárolt ismételten: mind a(z) {count} ügyfél csak egyetlen napon vásárolt, így nem becsülhető, milyen gyakran vásárolnak újra és mikor morzsolódnak le. A modellhez olyan ügyfelek kellenek, akik legalább két különböző napon vásároltak.',
  'model.error.fewSpend': 'A költési modellhez legalább {min} pozitív összegű ismételt vásárlással rendelkező ügyfél kell; megadva: {count}',
  'model.error.emptyLog': 'A tranzakciónapló üres: nincs összesíthető vásárlás',
  'model.error.nothingBeforeEnd': 'Nincs vásárlás a megfigyelés végéig ({date}); a napló később kezdődik',
  'model.error.endBeforeData': 'A megfigyelés vége ({date}) az adatok első dátuma ({first}) előtt van.',
  'model.error.horizon': 'Az időtáv 1 és {max} közötti egész számú hónap legyen; megadva: {got}',
  'model.error.discount': 'A havi diszkontráta 0 vagy nagyobb szám legyen, például {example} a havi {examplePercent}-hoz; megadva: {got}',
  'model.error.topShare': 'Az eddigi érték szerinti legnagyobb ügyfelek aránya 0%-nál nagyobb és legfeljebb 100% legyen (megadva: {got}).',
  'model.error.aliveBelow': 'A P(alive) küszöb 0%-nál nagyobb és legfeljebb 100% legyen (megadva: {got}).',
  'model.error.aliveFloor': 'A P(alive) alsó határa legalább 0% és a(z) {below} küszöb alatti legyen (megadva: {got}).',
};
