import type { sample as en } from '../en/sample';
import type { Translation } from '../messages';

// Headers the column detection knows (src/core/detect/roles.ts), so the sample is read at once.
export const sample: Translation<typeof en, 'cs'> = {
  'sample.sheetName': 'Ukázkové objednávky',
  'sample.customer': 'Zákazník',
  'sample.date': 'Datum objednávky',
  'sample.amount': 'Částka',
  'sample.channel': 'Kanál',
  'sample.online': 'Online',
  'sample.store': 'Prodejna',
};
