import type { menu as en } from '../en/menu';
import type { Translation } from '../messages';

export const menu: Translation<typeof en, 'pl'> = {
  'menu.openReport': 'Otwórz raport kohort',
  'menu.refresh': 'Odśwież podsumowanie',
  'menu.noSettings': 'Brak ustawień podsumowania: otwórz raport kohort z menu dodatku i najpierw utwórz podsumowanie.',
  'menu.refreshed': 'Retention Analytics: odświeżono',
};
