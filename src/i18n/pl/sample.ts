import type { sample as en } from '../en/sample';
import type { Translation } from '../messages';

// Headers the column detection knows (src/core/detect/roles.ts), so the sample is read at once.
export const sample: Translation<typeof en, 'pl'> = {
  'sample.sheetName': 'Przykładowe zamówienia',
  'sample.customer': 'Klient',
  'sample.date': 'Data zamówienia',
  'sample.amount': 'Kwota',
  'sample.channel': 'Kanał',
  'sample.online': 'Online',
  'sample.store': 'Sklep',
};
