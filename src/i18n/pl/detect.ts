import type { detect as en } from '../en/detect';
import type { Translation } from '../messages';

export const detect: Translation<typeof en, 'pl'> = {
  'detect.tableBoth': 'Jeden wiersz na klienta z datą rejestracji i anulowania: odczytano jako tabelę klientów.',
  'detect.tableSignup': 'Jeden wiersz na klienta z datą rejestracji: odczytano jako tabelę klientów.',
  'detect.logRepeats': 'Klienci występują w wielu wierszach z datami: odczytano jako rejestr transakcji (jeden wiersz na zakup).',
  'detect.log': 'Odczytano jako rejestr transakcji (jeden wiersz na zakup lub aktywność).',
  'detect.quantityPrice': 'Brak kolumny kwoty: kwota każdego wiersza to „{quantity}” × „{price}” (ilość × cena jednostkowa).',
  'detect.priceOnly': '„{price}” wygląda na cenę jednostkową, a nie kwotę zamówienia, więc nie jest używana jako kwota; wybierz ją w polu Kwota, jeśli zawiera wartość każdego wiersza.',
  'detect.amountAsText': 'Kolumna „{amount}” wygląda na kwotę, ale jej liczby mają inny separator dziesiętny („{example}”), przez co ustawienia regionalne arkusza odczytują je jako tekst, więc kolumna nie jest używana: ustaw dla arkusza ustawienia regionalne pliku (Plik → Ustawienia) albo przekonwertuj kolumnę i wykryj kolumny ponownie.',
};
