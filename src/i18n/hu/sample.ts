import type { sample as en } from '../en/sample';
import type { Translation } from '../messages';

// Headers the column detection knows (src/core/detect/roles.ts), so the sample is read at once.
export const sample: Translation<typeof en, 'hu'> = {
  'sample.sheetName': 'Minta rendelések',
  'sample.customer': 'Ügyfél',
  'sample.date': 'Rendelés dátuma',
  'sample.amount': 'Összeg',
  'sample.channel': 'Csatorna',
  'sample.online': 'Online',
  'sample.store': 'Üzlet',
};
