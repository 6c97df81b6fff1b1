import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'hu'> = {
  'server.unexpected': 'Hiba történt a bővítményben ({detail}). A lapjai nem változtak.',
  'server.badSettings': 'Az oldalsáv olyan beállításokat küldött, amelyeket a bővítmény nem tud beolvasni: {detail}. Töltse be újra az oldalsávot.',
};
