/**
 * The BigQuery section's words, in the sidebar's language: its own catalogue part (bigquery.*) and
 * the sidebar's for the words both sources share.
 */
import { bigquery as en } from '../../i18n/en/bigquery';
import { bigquery as cs } from '../../i18n/cs/bigquery';
import { bigquery as pl } from '../../i18n/pl/bigquery';
import { bigquery as hu } from '../../i18n/hu/bigquery';
import { renderMessage, type Catalogues, type EntryParams, type Param } from '../../i18n/messages';
import { currentLanguage, localizeDocument } from '../text';

const CATALOGUES: Catalogues = { en, cs, pl, hu };

type Key = keyof typeof en;
type ArgsOf<K extends Key> = [EntryParams<(typeof en)[K]>] extends [never] ? [] : [params: { readonly [P in EntryParams<(typeof en)[K]>]: Param }];

export function bqText<K extends Key>(key: K, ...params: ArgsOf<K>): string {
  return renderMessage(CATALOGUES, { key, params: params[0] ?? {} }, currentLanguage());
}

/** Fills the section's data-i18n texts and placeholders (the sidebar's own keys through the sidebar). */
export function localizeSection(root: HTMLElement): void {
  localizeDocument(root);
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset.i18n;
    if (key && key in en) el.textContent = renderMessage(CATALOGUES, { key, params: {} }, currentLanguage());
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))) {
    const key = el.dataset.i18nPlaceholder;
    if (key && key in en) el.setAttribute('placeholder', renderMessage(CATALOGUES, { key, params: {} }, currentLanguage()));
  }
}
