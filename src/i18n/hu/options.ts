import type { options as en } from '../en/options';
import type { Translation } from '../messages';

export const options: Translation<typeof en, 'hu'> = {
  'options.mustBe': 'A(z) {arg} értéke {choices} lehet (a megadott érték: {got})',
};
