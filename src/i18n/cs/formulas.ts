import type { formulas as en } from '../en/formulas';
import type { Translation } from '../messages';

export const formulas: Translation<typeof en, 'cs'> = {
  'value.invalidDate': 'neplatné datum',
  'value.someDate': 'datum',
  'value.date': 'datum {date}',
  'value.dateTime': 'datum a čas {date} {time}',
  'value.invisible': 'text, který nic nezobrazuje (jen neviditelné znaky)',
  'value.invalidNumber': 'neplatné číslo',
  'value.blank': 'prázdná buňka',
  'value.unexpected': 'hodnota neočekávaného druhu',

  'fn.got': 'zadáno {value}',
  'fn.valueAt': '{place} obsahuje {value}',
  'fn.rowOfRange': 'řádek {row} oblasti',
  'fn.cellOfRange': 'řádek {row}, sloupec {column} oblasti',
  'fn.rows': { one: '{count} řádek', few: '{count} řádky', many: '{count} řádku', other: '{count} řádků' },
  'fn.columns': { one: '{count} sloupec', few: '{count} sloupce', many: '{count} sloupce', other: '{count} sloupců' },
  'fn.size': '{rows} × {columns}',

  'fn.mustBe': '{fn}: {arg} musí být {expected} ({at})',
  'fn.mustBeWhich': '{fn}: {arg} musí být {expected} ({at}, {why})',
  'fn.dateTwoDigitYear': '{fn}: {arg} musí být datum ({at}, s dvoumístným rokem: napište rok celý)',
  'fn.dateUnknownForm': '{fn}: {arg} musí být datum ({at}, zapsané jinak, než data zapisuje národní prostředí tabulky)',
  'fn.dateIsNumber': '{fn}: {arg} musí být datum ({at}: naformátujte buňky jako data, ne jako čísla)',
  'fn.expect.date': 'datum',
  'fn.expect.positive': 'číslo větší než 0',
  'fn.expect.customers': 'počet zákazníků, 0 nebo více',
  'fn.expect.value': 'číslo (hodnota, kterou zákazník přinese za období)',
  'fn.expect.churn': 'míra od 0 do 1, například 0,05 nebo 5 %',
  'fn.expect.discount': 'míra 0 nebo vyšší, například 0,1 nebo 10 %',
  'number.wrongDecimal': 'kde je desetinným oddělovačem „{other}“, ale národní prostředí tabulky používá „{decimal}“',

  'fn.blank': '{fn}: {arg} je prázdné',
  'fn.blankAt': '{fn}: {arg} je prázdné ({place})',
  'fn.sameSize': '{fn}: {first} ({firstSize}) a {second} ({secondSize}) musí mít stejnou velikost',
  'fn.oneColumn': '{fn}: {arg} musí být jeden sloupec nebo řádek (zadáno {size})',
  'fn.unexpected': '{fn}: nečekaný problém ({detail}). Nahlaste ho prosím i se vzorcem, který ho způsobil.',

  'fn.retentionArity': 'RETENTION má 3 argumenty (start, end, new) nebo 4 (signup_dates, cancel_dates, period_start, period_end); zadáno {count}',
  'fn.endBelowNew': '{fn}: end ({end}) je menší než new ({new}); zákazníci na konci období zahrnují i nové zákazníky',
  'fn.endBelowNewAt': '{fn}: end ({end}) je menší než new ({new}) ({place}); zákazníci na konci období zahrnují i nové zákazníky',
  'fn.moreThanStart': '{fn}: end − new ({kept}) je víc než start ({start}); udržet lze jen zákazníky ze začátku období (vracející se zákazníky počítejte mezi nové)',
  'fn.moreThanStartAt': '{fn}: end − new ({kept}) je víc než start ({start}) ({place}); udržet lze jen zákazníky ze začátku období (vracející se zákazníky počítejte mezi nové)',

  'fn.tableSizes': '{fn}: signup_dates ({signups}) a cancel_dates ({cancels}) musí mít stejnou velikost',
  'fn.signupBlank': '{fn}: signup_dates je prázdné ({place}), ale tento zákazník má datum zrušení',
  'fn.cancelBeforeSignup': '{fn}: datum zrušení ({place}) je dřív než datum registrace tohoto zákazníka',
  'fn.noSignups': '{fn}: signup_dates neobsahuje žádná data',
  'fn.periodEndFirst': '{fn}: period_end je dřív než period_start',
  'fn.periodEndFirstAt': '{fn}: period_end je dřív než period_start ({place})',
  'fn.noCustomersAtStart': '{fn}: na začátku období nebyl aktivní žádný zákazník (S = 0), míra proto není definována',
  'fn.noCustomersAtStartAt': '{fn}: na začátku období ({place}) nebyl aktivní žádný zákazník (S = 0), míra proto není definována',

  'fn.clvArity': 'CLV má 2 nebo 3 argumenty (value_per_period, churn_rate, [discount_rate]); zadáno {count}',
  'fn.clvPredictiveHint': '{problem}. V prediktivním tvaru =CLV(customer_ids; dates; amounts; …) musí druhá oblast obsahovat data (buňky s daty nebo text data, například 2024-01-31)',
  'fn.clvNeverLeaves': 'CLV: churn_rate je 0 a chybí discount_rate ({at}); zákazník, který nikdy neodejde, nemá konečnou hodnotu',
};
