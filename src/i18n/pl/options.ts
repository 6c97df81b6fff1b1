import type { options as en } from '../en/options';
import type { Translation } from '../messages';

export const options: Translation<typeof en, 'pl'> = {
  'options.mustBe': '{arg} musi mieć wartość {choices} (podano: {got})',
};
