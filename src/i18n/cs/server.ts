import type { server as en } from '../en/server';
import type { Translation } from '../messages';

export const server: Translation<typeof en, 'cs'> = {
  'server.unexpected': 'V doplňku se něco pokazilo ({detail}). Vaše listy se nezměnily.',
  'server.badSettings': 'Postranní panel poslal nastavení, které doplněk nedokáže přečíst: {detail}. Načtěte postranní panel znovu.',
};
