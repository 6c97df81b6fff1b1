/**
 * The sidebar's words: its own part of the four catalogues (the bundle carries nothing else), in the
 * user's language. The server writes that language into <html lang> when it opens the sidebar, and
 * says it again in the state it returns.
 */
import { sidebar as en } from '../i18n/en/sidebar';
import { sidebar as cs } from '../i18n/cs/sidebar';
import { sidebar as pl } from '../i18n/pl/sidebar';
import { sidebar as hu } from '../i18n/hu/sidebar';
import { supportedLanguage, type Language } from '../i18n/languages';
import { renderMessage, type Catalogues, type EntryParams, type Param } from '../i18n/messages';

const CATALOGUES: Catalogues = { en, cs, pl, hu };

export type SidebarKey = keyof typeof en;
/** The arguments after a key: none, or its parameters (a union of keys accepts any of theirs). */
type ArgsOf<K extends SidebarKey> = K extends SidebarKey
  ? [EntryParams<(typeof en)[K]>] extends [never]
    ? []
    : [params: { readonly [P in EntryParams<(typeof en)[K]>]: Param }]
  : never;

let language: Language = supportedLanguage(typeof document === 'undefined' ? '' : document.documentElement.lang) ?? 'en';

export function currentLanguage(): Language {
  return language;
}

/** Switches language (from the server's state) and re-renders the static texts; true if it changed. */
export function useLanguage(next: Language | null | undefined): boolean {
  if (!next || next === language) return false;
  language = next;
  localizeDocument();
  return true;
}

export function text<K extends SidebarKey>(key: K, ...params: ArgsOf<K>): string {
  return renderMessage(CATALOGUES, { key, params: params[0] ?? {} }, language);
}

/** Is `key` one of the sidebar's keys? (data-i18n attributes are plain strings.) */
function isKey(key: string | null | undefined): key is SidebarKey {
  return !!key && key in en;
}

/**
 * Fills every element marked data-i18n (its text), data-i18n-title (its tooltip) and
 * data-i18n-aria-label, in the current language.
 */
export function localizeDocument(root: ParentNode = document): void {
  document.documentElement.lang = language;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset.i18n;
    if (isKey(key)) el.textContent = renderMessage(CATALOGUES, { key, params: {} }, language);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-title]'))) {
    const key = el.dataset.i18nTitle;
    if (isKey(key)) el.title = renderMessage(CATALOGUES, { key, params: {} }, language);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]'))) {
    const key = el.dataset.i18nAriaLabel;
    if (isKey(key)) el.setAttribute('aria-label', renderMessage(CATALOGUES, { key, params: {} }, language));
  }
}
