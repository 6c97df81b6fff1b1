import type { formulas as en } from '../en/formulas';
import type { Translation } from '../messages';

export const formulas: Translation<typeof en, 'hu'> = {
  'value.invalidDate': 'érvénytelen dátum',
  'value.someDate': 'dátum',
  'value.date': '{date} dátum',
  'value.dateTime': '{date} {time} dátum és időpont',
  'value.invisible': 'semmit sem mutató szöveg (csak láthatatlan karakterek)',
  'value.invalidNumber': 'érvénytelen szám',
  'value.blank': 'üres',
  'value.unexpected': 'váratlan fajtájú érték',

  'fn.got': 'megadva: {value}',
  'fn.valueAt': 'a tartomány {place} értéke: {value}',
  'fn.rowOfRange': '{row}. sor',
  'fn.cellOfRange': '{row}. sor, {column}. oszlop',
  'fn.rows': { one: '{count} sor', other: '{count} sor' },
  'fn.columns': { one: '{count} oszlop', other: '{count} oszlop' },
  'fn.size': '{rows} × {columns}',

  'fn.mustBe': '{fn}: a(z) {arg} értéke {expected} kell legyen ({at})',
  'fn.mustBeWhich': '{fn}: a(z) {arg} értéke {expected} kell legyen ({at}, {why})',
  'fn.dateTwoDigitYear': '{fn}: a(z) {arg} értéke dátum kell legyen ({at}, kétjegyű évszámmal: írja ki az évet teljesen)',
  'fn.dateUnknownForm': '{fn}: a(z) {arg} értéke dátum kell legyen ({at}, nem úgy írva, ahogy a táblázat területi beállítása a dátumokat írja)',
  'fn.dateIsNumber': '{fn}: a(z) {arg} értéke dátum kell legyen ({at}: formázza a cellákat dátumként, ne számként)',
  'fn.expect.date': 'dátum',
  'fn.expect.positive': '0-nál nagyobb szám',
  'fn.expect.customers': 'ügyfelek száma, 0 vagy több',
  'fn.expect.value': 'szám (az érték, amelyet egy ügyfél időszakonként hoz)',
  'fn.expect.churn': '0 és 1 közötti arány, például 0,05 vagy 5%',
  'fn.expect.discount': '0 vagy nagyobb ráta, például 0,1 vagy 10%',
  'number.wrongDecimal': 'amelyben a tizedesjel „{other}”, de a táblázat területi beállítása „{decimal}” jelet használ',

  'fn.blank': '{fn}: a(z) {arg} üres',
  'fn.blankAt': '{fn}: a(z) {arg} üres (a tartomány {place})',
  'fn.sameSize': '{fn}: a(z) {first} ({firstSize}) és a(z) {second} ({secondSize}) mérete azonos kell legyen',
  'fn.oneColumn': '{fn}: a(z) {arg} egyetlen oszlop vagy sor kell legyen (megadva: {size})',
  'fn.unexpected': '{fn}: váratlan hiba ({detail}). Kérjük, jelezze a hibát okozó képlettel együtt.',

  'fn.retentionArity': 'A RETENTION 3 argumentumot (start, end, new) vagy 4-et (signup_dates, cancel_dates, period_start, period_end) vár; megadva: {count}',
  'fn.endBelowNew': '{fn}: az end ({end}) kisebb, mint a new ({new}); az időszak végi ügyfelek az újakat is tartalmazzák',
  'fn.endBelowNewAt': '{fn}: az end ({end}) kisebb, mint a new ({new}) (a tartomány {place}); az időszak végi ügyfelek az újakat is tartalmazzák',
  'fn.moreThanStart': '{fn}: end − new ({kept}) több, mint a start ({start}); csak az időszak elején lévő ügyfeleket lehet megtartani (a visszatérő ügyfeleket számolja az újak közé)',
  'fn.moreThanStartAt': '{fn}: end − new ({kept}) több, mint a start ({start}) (a tartomány {place}); csak az időszak elején lévő ügyfeleket lehet megtartani (a visszatérő ügyfeleket számolja az újak közé)',

  'fn.tableSizes': '{fn}: a signup_dates ({signups}) és a cancel_dates ({cancels}) mérete azonos kell legyen',
  'fn.signupBlank': '{fn}: a signup_dates üres (a tartomány {place}), pedig az ügyfélnek van lemondási dátuma',
  'fn.cancelBeforeSignup': '{fn}: a lemondás dátuma (a tartomány {place}) korábbi, mint az ügyfél regisztrációjának dátuma',
  'fn.noSignups': '{fn}: a signup_dates nem tartalmaz dátumot',
  'fn.periodEndFirst': '{fn}: a period_end korábbi, mint a period_start',
  'fn.periodEndFirstAt': '{fn}: a period_end korábbi, mint a period_start (a tartomány {place})',
  'fn.noCustomersAtStart': '{fn}: az időszak elején egyetlen ügyfél sem volt aktív (CS = 0), így az arány nem értelmezhető',
  'fn.noCustomersAtStartAt': '{fn}: az időszak elején (a tartomány {place}) egyetlen ügyfél sem volt aktív (CS = 0), így az arány nem értelmezhető',

  'fn.clvArity': 'A CLV 2 vagy 3 argumentumot vár (value_per_period, churn_rate, [discount_rate]); megadva: {count}',
  'fn.clvPredictiveHint': '{problem}. Az előrejelző =CLV(customer_ids; dates; amounts; …) alakban a második tartománynak dátumokat kell tartalmaznia (dátumcellákat vagy dátumszöveget, például 2024-01-31)',
  'fn.clvNeverLeaves': 'CLV: a churn_rate 0, és nincs discount_rate ({at}); egy soha el nem távozó ügyfélnek nincs véges értéke',
};
