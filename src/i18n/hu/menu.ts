import type { menu as en } from '../en/menu';
import type { Translation } from '../messages';

export const menu: Translation<typeof en, 'hu'> = {
  'menu.openReport': 'Kohorszjelentés megnyitása',
  'menu.refresh': 'Összesítő frissítése',
  'menu.noSettings': 'Még nincs összesítő-beállítás: nyissa meg a kohorszjelentést a bővítmény menüjéből, és először készítsen összesítőt.',
  'menu.refreshed': 'Retention Analytics: frissítve',
};
