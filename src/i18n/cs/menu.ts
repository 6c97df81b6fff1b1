import type { menu as en } from '../en/menu';
import type { Translation } from '../messages';

export const menu: Translation<typeof en, 'cs'> = {
  'menu.openReport': 'Otevřít kohortní přehled',
  'menu.refresh': 'Obnovit přehled',
  'menu.noSettings': 'Přehled zatím nemá nastavení: otevřete kohortní přehled z nabídky doplňku a nejdřív přehled vytvořte.',
  'menu.refreshed': 'Retention Analytics: obnoveno',
};
