import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'hu'> = {
  'server.unexpected': 'Hiba történt a bővítményben ({detail}). A lapjai nem változtak.',
  'server.badSettings': 'Az oldalsáv olyan beállításokat küldött, amelyeket a bővítmény nem tud beolvasni: {detail}. Töltse be újra az oldalsávot.',
  'server.value.customers': { one: '{count} ügyfél értékelve', other: '{count} ügyfél értékelve' },
  'server.value.rows': { one: '{count} sorból', other: '{count} sorból' },
  'server.value.skipped': { one: '{count} kihagyva', other: '{count} kihagyva' },
  'server.value.topAtRisk': { one: '{count} a legnagyobb ügyfelek közül', other: '{count} a legnagyobb ügyfelek közül' },
  'server.value.done': '{customers} {rows}: {months} havi CLV összesen {total}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneSkipped': '{customers} {rows} ({skipped}): {months} havi CLV összesen {total}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneNet': '{customers} {rows}: {months} havi CLV összesen {total}, a kiszolgálási költség levonása után {net}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.doneNetSkipped': '{customers} {rows} ({skipped}): {months} havi CLV összesen {total}, a kiszolgálási költség levonása után {net}, veszélyeztetett: {atRisk}, elvesztett: {lapsed}. Kiírva ide: „{sheet}”.',
  'server.value.untrusted': '{done} A modellben azonban nem lehet teljesen megbízni:',
};
