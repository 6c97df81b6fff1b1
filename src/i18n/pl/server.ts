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
};
