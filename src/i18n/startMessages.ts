/**
 * `npm start`'s console text (src/i18n/<lang>/start.ts) as catalogue messages, rendered in the language
 * of its --locale with the add-on's catalogue behind it, so a console line can hold the workbook's
 * own titles and words (summary.*, cv.*, sidebar.lapse.*). Only scripts/ import this: the add-on's
 * bundle carries none of it.
 */
import { start as en } from './en/start';
import { start as cs } from './cs/start';
import { start as pl } from './pl/start';
import { start as hu } from './hu/start';
import { CATALOGUES } from './catalogue';
import type { Language } from './languages';
import { renderParam, type AnyMessage, type Catalogues, type EntryParams, type Param } from './messages';

export const START_CATALOGUES: Catalogues = { en, cs, pl, hu };

const WITH_ADDON: Catalogues = {
  en: { ...CATALOGUES.en, ...en },
  cs: { ...CATALOGUES.cs, ...cs },
  pl: { ...CATALOGUES.pl, ...pl },
  hu: { ...CATALOGUES.hu, ...hu },
};

type English = typeof en;
export type StartMessageKey = keyof English;
type ParamsOf<K extends StartMessageKey> = { readonly [P in EntryParams<English[K]>]: P extends 'count' ? number | Param : Param };
export type StartArgsOf<K extends StartMessageKey> = K extends StartMessageKey ? ([EntryParams<English[K]>] extends [never] ? [] : [params: ParamsOf<K>]) : never;

export function startMsg<K extends StartMessageKey>(key: K, ...params: StartArgsOf<K>): AnyMessage {
  return { key, params: (params[0] ?? {}) as { readonly [name: string]: Param } };
}

/** A console line (or an add-on message, or a list of them) in a language. */
export function startText(message: Param, language: Language): string {
  return renderParam(WITH_ADDON, message, language);
}
