import type { formulas as en } from '../en/formulas';
import type { Translation } from '../messages';

export const formulas: Translation<typeof en, 'pl'> = {
  'value.invalidDate': 'nieprawidłowa data',
  'value.someDate': 'data',
  'value.date': 'data {date}',
  'value.dateTime': 'data i godzina {date} {time}',
  'value.invisible': 'tekst, którego nie widać (same niewidoczne znaki)',
  'value.invalidNumber': 'nieprawidłowa liczba',
  'value.blank': 'pusta komórka',
  'value.unexpected': 'wartość nieoczekiwanego rodzaju',

  'fn.got': 'podano {value}',
  'fn.valueAt': '{place} zawiera {value}',
  'fn.rowOfRange': 'wiersz {row} zakresu',
  'fn.cellOfRange': 'wiersz {row}, kolumna {column} zakresu',
  'fn.rows': { one: '{count} wiersz', few: '{count} wiersze', many: '{count} wierszy', other: '{count} wiersza' },
  'fn.columns': { one: '{count} kolumna', few: '{count} kolumny', many: '{count} kolumn', other: '{count} kolumny' },
  'fn.size': '{rows} × {columns}',

  'fn.mustBe': '{fn}: {arg} musi być {expected} ({at})',
  'fn.mustBeWhich': '{fn}: {arg} musi być {expected} ({at}, {why})',
  'fn.dateTwoDigitYear': '{fn}: {arg} musi być datą ({at}, z dwucyfrowym rokiem: wpisz pełny rok)',
  'fn.dateUnknownForm': '{fn}: {arg} musi być datą ({at}, zapisaną inaczej, niż zapisuje daty ustawienie regionalne arkusza)',
  'fn.dateIsNumber': '{fn}: {arg} musi być datą ({at}: sformatuj komórki jako daty, nie liczby)',
  'fn.expect.date': 'datą',
  'fn.expect.positive': 'liczbą większą od 0',
  'fn.expect.customers': 'liczbą klientów, 0 lub więcej',
  'fn.expect.value': 'liczbą (wartość, jaką klient przynosi w okresie)',
  'fn.expect.churn': 'wskaźnikiem od 0 do 1, na przykład 0,05 lub 5%',
  'fn.expect.discount': 'stopą 0 lub większą, na przykład 0,1 lub 10%',
  'number.wrongDecimal': 'gdzie separatorem dziesiętnym jest „{other}”, a ustawienie regionalne arkusza używa „{decimal}”',

  'fn.blank': '{fn}: {arg} jest puste',
  'fn.blankAt': '{fn}: {arg} jest puste ({place})',
  'fn.sameSize': '{fn}: {first} ({firstSize}) i {second} ({secondSize}) muszą mieć ten sam rozmiar',
  'fn.oneColumn': '{fn}: {arg} musi być jedną kolumną lub jednym wierszem (podano {size})',
  'fn.unexpected': '{fn}: nieoczekiwany problem ({detail}). Zgłoś go razem z formułą, która go spowodowała.',

  'fn.retentionArity': 'RETENTION przyjmuje 3 argumenty (start, end, new) lub 4 (signup_dates, cancel_dates, period_start, period_end); podano {count}',
  'fn.endBelowNew': '{fn}: end ({end}) jest mniejsze niż new ({new}); klienci na końcu okresu obejmują nowych klientów',
  'fn.endBelowNewAt': '{fn}: end ({end}) jest mniejsze niż new ({new}) ({place}); klienci na końcu okresu obejmują nowych klientów',
  'fn.moreThanStart': '{fn}: end − new ({kept}) to więcej niż start ({start}); utrzymać można tylko klientów z początku okresu (powracających klientów licz jako nowych)',
  'fn.moreThanStartAt': '{fn}: end − new ({kept}) to więcej niż start ({start}) ({place}); utrzymać można tylko klientów z początku okresu (powracających klientów licz jako nowych)',

  'fn.tableSizes': '{fn}: signup_dates ({signups}) i cancel_dates ({cancels}) muszą mieć ten sam rozmiar',
  'fn.signupBlank': '{fn}: signup_dates jest puste ({place}), ale ten klient ma datę anulowania',
  'fn.cancelBeforeSignup': '{fn}: data anulowania ({place}) jest wcześniejsza niż data rejestracji tego klienta',
  'fn.noSignups': '{fn}: signup_dates nie zawiera żadnych dat',
  'fn.periodEndFirst': '{fn}: period_end jest wcześniej niż period_start',
  'fn.periodEndFirstAt': '{fn}: period_end jest wcześniej niż period_start ({place})',
  'fn.noCustomersAtStart': '{fn}: na początku okresu żaden klient nie był aktywny (S = 0), więc wskaźnik jest nieokreślony',
  'fn.noCustomersAtStartAt': '{fn}: na początku okresu ({place}) żaden klient nie był aktywny (S = 0), więc wskaźnik jest nieokreślony',

  'fn.clvArity': 'CLV przyjmuje 2 lub 3 argumenty (value_per_period, churn_rate, [discount_rate]); podano {count}',
  'fn.clvPredictiveHint': '{problem}. W formie przewidującej =CLV(customer_ids; dates; amounts; …) drugi zakres musi zawierać daty (komórki z datami lub tekst daty, na przykład 2024-01-31)',
  'fn.clvNeverLeaves': 'CLV: churn_rate wynosi 0 i brak discount_rate ({at}); klient, który nigdy nie odchodzi, nie ma skończonej wartości',
};
