import type { options as en } from '../en/options';
import type { Translation } from '../messages';

export const options: Translation<typeof en, 'cs'> = {
  'options.mustBe': '{arg} musí být {choices} (zadáno {got})',
};
