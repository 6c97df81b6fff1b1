import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'pl'> = {
  'server.badSettings': 'Panel boczny wysłał ustawienia, których dodatek nie potrafi odczytać: {detail}. Wczytaj panel boczny ponownie.',
  'server.unexpected': 'W dodatku coś poszło nie tak ({detail}).',
  'server.sheetsUnchanged': 'Twoje arkusze nie zostały zmienione.',
  'server.sheetUpdated': 'Arkusz „{sheet}” został wcześniej w pełni zaktualizowany.',
  'server.sheetNamesPending': 'Arkusz „{sheet}” został zapisany, ale niektóre jego zakresy nazwane mogą jeszcze nie wskazywać jego tabel.',
  'server.sheetPartial': 'Arkusz „{sheet}” jest zaktualizowany tylko częściowo: komórki zawierają nowe tabele, ale formaty, wykres lub zakresy nazwane mogą być jeszcze poprzednie.',
  'server.stagingLeft': 'W arkuszu kalkulacyjnym pozostał arkusz „{sheet}”, który przygotowywał dodatek.',
  'server.nextRunRepairs': 'Następne uruchomienie to naprawi; pozostałe arkusze nie zostały zmienione.',
  'server.otherSheetsUnchanged': 'Pozostałe arkusze nie zostały zmienione.',
  'server.settingsNotSaved': 'Tym razem nie udało się zapisać ustawień dla „Odśwież podsumowanie”.',
  'server.ownedSourceSummary': 'Arkusz „{sheet}” to podsumowanie retencji zapisywane przez dodatek, a nie Twoje dane: wybierz arkusz z Twoimi transakcjami lub klientami.',
  'server.ownedSourceValue': 'Arkusz „{sheet}” to arkusz wartości klientów zapisywany przez dodatek, a nie Twoje dane: wybierz arkusz z Twoimi transakcjami lub klientami.',
  'server.ownedSourceBuilding': 'Arkusz „{sheet}” przygotowywał dodatek, to nie są Twoje dane: wybierz arkusz z Twoimi transakcjami lub klientami.',
  'server.value.customers': { one: 'Oceniono {count} klienta', few: 'Oceniono {count} klientów', many: 'Oceniono {count} klientów', other: 'Oceniono {count} klienta' },
  'server.value.rows': { one: '{count} wiersza', few: '{count} wierszy', many: '{count} wierszy', other: '{count} wiersza' },
  'server.value.skipped': { one: '{count} pominięty', few: '{count} pominięte', many: '{count} pominiętych', other: '{count} pominiętego' },
  'server.value.topAtRisk': { one: '{count} z największych klientów', few: '{count} z największych klientów', many: '{count} z największych klientów', other: '{count} z największych klientów' },
  'server.value.done': '{customers} z {rows}: CLTV za {months} mies. łącznie {total}, zagrożeni: {atRisk}, utraceni: {lapsed}. Zapisano w arkuszu „{sheet}”.',
  'server.value.doneSkipped': '{customers} z {rows} ({skipped}): CLTV za {months} mies. łącznie {total}, zagrożeni: {atRisk}, utraceni: {lapsed}. Zapisano w arkuszu „{sheet}”.',
  'server.value.doneNet': '{customers} z {rows}: CLTV za {months} mies. łącznie {total}, po odjęciu kosztu obsługi {net}, zagrożeni: {atRisk}, utraceni: {lapsed}. Zapisano w arkuszu „{sheet}”.',
  'server.value.doneNetSkipped': '{customers} z {rows} ({skipped}): CLTV za {months} mies. łącznie {total}, po odjęciu kosztu obsługi {net}, zagrożeni: {atRisk}, utraceni: {lapsed}. Zapisano w arkuszu „{sheet}”.',
  'server.value.untrusted': '{done} Ale modelowi nie można w pełni ufać:',
};
