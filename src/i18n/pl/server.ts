import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'pl'> = {
  'server.unexpected': 'W dodatku coś poszło nie tak ({detail}). Twoje arkusze nie zostały zmienione.',
  'server.badSettings': 'Panel boczny wysłał ustawienia, których dodatek nie potrafi odczytać: {detail}. Wczytaj panel boczny ponownie.',
};
