import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'pl'> = {
  'server.unexpected': 'W dodatku coś poszło nie tak ({detail}). Twoje arkusze nie zostały zmienione.',
  'server.badSettings': 'Panel boczny wysłał ustawienia, których dodatek nie potrafi odczytać: {detail}. Wczytaj panel boczny ponownie.',
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
