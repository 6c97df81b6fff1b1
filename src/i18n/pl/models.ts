import type { models as en } from '../en/models';
import type { Translation } from '../messages';

export const models: Translation<typeof en, 'pl'> = {
  'model.warn.purchaseAtBoundary':
    'Model zakupów (BG/NBD) nie znalazł najlepszego dopasowania: dane wyglądają jak jego przypadek graniczny (na przykład wszyscy kupują w tym samym tempie albo nikt nie odchodzi), więc P(alive), oczekiwane zakupy i CLTV są tylko przybliżone.',
  'model.warn.purchaseNotConverged': 'Model zakupów (BG/NBD) nie osiągnął zbieżności, więc P(alive), oczekiwane zakupy i CLTV są niewiarygodne.',
  'model.warn.spendAtBoundary':
    'Model wydatków (Gamma-Gamma) nie znalazł najlepszego dopasowania: dane wyglądają jak jego przypadek graniczny (na przykład każdy klient wydaje tyle samo), więc oczekiwane wartości zakupu i CLTV są tylko przybliżone.',
  'model.warn.spendNotConverged': 'Model wydatków (Gamma-Gamma) nie osiągnął zbieżności, więc oczekiwane wartości zakupu i CLTV są niewiarygodne.',
  'model.warn.spendNoMean': 'Model wydatków (Gamma-Gamma) nie ma skończonej średniej (q ≤ 1): klienci bez powtórnego zakupu nie mają oczekiwanej wartości ani CLTV.',
  // The verb agrees with the count: 1 z … kupił, 2 z … kupiło.
  'model.warn.fewRepeatBuyers': {
    one: 'Tylko {count} z {customers} klientów kupił więcej niż raz: to, jak często klienci kupują i kiedy odchodzą, jest szacowane na niewielu z nich, więc traktuj P(alive) i CLTV jako zgrubne (do pewnego dopasowania potrzeba co najmniej {min} powracających klientów).',
    few: 'Tylko {count} z {customers} klientów kupiło więcej niż raz: to, jak często klienci kupują i kiedy odchodzą, jest szacowane na niewielu z nich, więc traktuj P(alive) i CLTV jako zgrubne (do pewnego dopasowania potrzeba co najmniej {min} powracających klientów).',
    many: 'Tylko {count} z {customers} klientów kupiło więcej niż raz: to, jak często klienci kupują i kiedy odchodzą, jest szacowane na niewielu z nich, więc traktuj P(alive) i CLTV jako zgrubne (do pewnego dopasowania potrzeba co najmniej {min} powracających klientów).',
    other: 'Tylko {count} z {customers} klientów kupiło więcej niż raz: to, jak często klienci kupują i kiedy odchodzą, jest szacowane na niewielu z nich, więc traktuj P(alive) i CLTV jako zgrubne (do pewnego dopasowania potrzeba co najmniej {min} powracających klientów).',
  },
  'model.warn.fewSpendCustomers':
    'Tylko {spend} klientów ma powtórny zakup o dodatniej kwocie: ich wydatki są szacowane na niewielu z nich, więc traktuj oczekiwane wartości i CLTV jako zgrubne (do pewnego dopasowania potrzeba co najmniej {min}).',
  'model.warn.correlation':
    'Wydatki i częstość zakupów są skorelowane (ρ = {rho}): model wydatków zakłada, że są niezależne, więc oczekiwane wartości i CLTV mogą być obciążone.',

  'model.fit.boundary':
    '{model}: brak skończonego najlepszego dopasowania; wiarygodność nadal rośnie, gdy {params}. Dane wyglądają jak przypadek graniczny modelu, więc parametry nie są oszacowaniami, a prognozy są przybliżone',
  'model.fit.toInfinity': '{name} → nieskończoność',
  'model.fit.toZero': '{name} → 0',
  'model.fit.notConverged': '{model}: dopasowanie nie osiągnęło zbieżności ({reason}); jego parametry i prognozy są niewiarygodne',
  'model.fit.converged': {
    one: '{model}: zbieżny po {count} iteracji',
    few: '{model}: zbieżny po {count} iteracjach',
    many: '{model}: zbieżny po {count} iteracjach',
    other: '{model}: zbieżny po {count} iteracji',
  },
  'model.fit.noMean': '{fit}; q ≤ 1 oznacza, że rozkład wydatków nie ma skończonej średniej, więc klienci bez powtórnych zakupów nie mają oczekiwanej wartości',
  'model.stop.notFinite': 'funkcja celu nie jest skończona w punkcie startowym',
  'model.stop.tolerance': 'gradient poniżej tolerancji',
  'model.stop.resolution': 'zbieżny z dokładnością arytmetyki zmiennoprzecinkowej (gradient {gradient})',
  'model.stop.resolutionFlat': 'zbieżny z dokładnością arytmetyki zmiennoprzecinkowej (gradient {gradient}; niższej wartości nie da się rozróżnić)',
  'model.stop.lineSearch': 'przeszukiwanie liniowe nie znalazło niższej wartości; gradient {gradient}',
  'model.stop.runaway': 'któryś parametr ucieka do 0 lub nieskończoności (wiarygodność nie ma skończonego maksimum)',
  'model.stop.iterations': {
    one: 'zatrzymano po {count} iteracji; gradient {gradient}',
    few: 'zatrzymano po {count} iteracjach; gradient {gradient}',
    many: 'zatrzymano po {count} iteracjach; gradient {gradient}',
    other: 'zatrzymano po {count} iteracji; gradient {gradient}',
  },

  'model.note.leftOut': 'Pominięte w modelu wydatków: {items} (powtórne zakupy, netto za dzień)',
  'model.note.refunds': { one: '{count} zwrot', few: '{count} zwroty', many: '{count} zwrotów', other: '{count} zwrotu' },
  'model.note.zeroAmounts': { one: '{count} kwota zerowa', few: '{count} kwoty zerowe', many: '{count} kwot zerowych', other: '{count} kwoty zerowej' },
  'model.note.missingAmounts': { one: '{count} zakup bez kwoty', few: '{count} zakupy bez kwoty', many: '{count} zakupów bez kwoty', other: '{count} zakupu bez kwoty' },
  'model.note.refundOnlyDays': {
    one: '{count} dzień tylko ze zwrotami (ujemnymi kwotami) nie liczy się jako zakup; jego kwoty wliczają się do dotychczasowej wartości',
    few: '{count} dni tylko ze zwrotami (ujemnymi kwotami) nie liczą się jako zakupy; ich kwoty wliczają się do dotychczasowej wartości',
    many: '{count} dni tylko ze zwrotami (ujemnymi kwotami) nie liczy się jako zakupy; ich kwoty wliczają się do dotychczasowej wartości',
    other: '{count} dnia tylko ze zwrotami (ujemnymi kwotami) nie liczy się jako zakupy; ich kwoty wliczają się do dotychczasowej wartości',
  },
  'model.note.rowsAfterEnd': {
    one: '{count} wiersz po końcu obserwacji {date} pominięty',
    few: '{count} wiersze po końcu obserwacji {date} pominięte',
    many: '{count} wierszy po końcu obserwacji {date} pominiętych',
    other: '{count} wiersza po końcu obserwacji {date} pominiętego',
  },

  'model.error.fewCustomers': 'Model zakupów potrzebuje co najmniej {min} klientów z zakupem w okresie obserwacji; podano {count}',
  'model.error.noRepeat':
    'Nikt nie dokonał powtórnego zakupu: wszyscy klienci ({count}) kupili tylko jednego dnia, więc nie da się oszacować, jak często klienci kupują ponownie i kiedy odchodzą. Model potrzebuje klientów, którzy kupili w co najmniej dwa różne dni.',
  'model.error.fewSpend': 'Model wydatków potrzebuje co najmniej {min} klientów z powtórnym zakupem o dodatniej kwocie; podano {count}',
  'model.error.emptyLog': 'Rejestr transakcji jest pusty: nie ma zakupów do podsumowania',
  'model.error.nothingBeforeEnd': 'Brak zakupów do końca obserwacji {date} włącznie; rejestr zaczyna się później',
  'model.error.endBeforeData': 'Koniec obserwacji {date} jest przed pierwszą datą w danych ({first}).',
  'model.error.horizon': 'Horyzont musi być całkowitą liczbą miesięcy od 1 do {max}; podano {got}',
  'model.error.discount': 'Miesięczna stopa dyskontowa musi być liczbą równą 0 lub większą, na przykład {example} dla {examplePercent} miesięcznie; podano {got}',
  'model.error.topShare': 'Udział największych klientów według dotychczasowej wartości musi być powyżej 0% i najwyżej 100% (podano {got}).',
  'model.error.aliveBelow': 'Próg P(alive) musi być powyżej 0% i najwyżej 100% (podano {got}).',
  'model.error.aliveFloor': 'Dolna granica P(alive) musi wynosić co najmniej 0% i być poniżej progu {below} (podano {got}).',
};
