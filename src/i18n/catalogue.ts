import { menu as enMenu } from './en/menu';
import { menu as csMenu } from './cs/menu';
import { menu as plMenu } from './pl/menu';
import { menu as huMenu } from './hu/menu';
import { sidebar as enSidebar } from './en/sidebar';
import { sidebar as csSidebar } from './cs/sidebar';
import { sidebar as plSidebar } from './pl/sidebar';
import { sidebar as huSidebar } from './hu/sidebar';
import { formulas as enFormulas } from './en/formulas';
import { formulas as csFormulas } from './cs/formulas';
import { formulas as plFormulas } from './pl/formulas';
import { formulas as huFormulas } from './hu/formulas';
import { value as enValue } from './en/value';
import { value as csValue } from './cs/value';
import { value as plValue } from './pl/value';
import { value as huValue } from './hu/value';
import { sample as enSample } from './en/sample';
import { sample as csSample } from './cs/sample';
import { sample as plSample } from './pl/sample';
import { sample as huSample } from './hu/sample';
import { server as enServer } from './en/server';
import { server as csServer } from './cs/server';
import { server as plServer } from './pl/server';
import { server as huServer } from './hu/server';
import { options as enOptions } from './en/options';
import { options as csOptions } from './cs/options';
import { options as plOptions } from './pl/options';
import { options as huOptions } from './hu/options';
import { models as enModels } from './en/models';
import { models as csModels } from './cs/models';
import { models as plModels } from './pl/models';
import { models as huModels } from './hu/models';
import type { Language } from './languages';
import { renderMessage, renderParam, type AnyMessage, type Catalogues, type EntryParams, type Param } from './messages';

/**
 * Every user-facing string of the add-on, one catalogue per language, assembled from one part per
 * area (the sidebar bundles only its own parts). English is the reference: its keys and placeholders
 * type every message, and the translations must have exactly its keys (checked by the compiler and by
 * test/i18n/catalogue.test.ts, which also checks placeholders and plural forms).
 */
const en = { ...enMenu, ...enSidebar, ...enSample, ...enServer, ...enOptions, ...enFormulas, ...enValue, ...enModels } as const;

export const CATALOGUES: Catalogues = {
  en,
  cs: { ...csMenu, ...csSidebar, ...csSample, ...csServer, ...csOptions, ...csFormulas, ...csValue, ...csModels },
  pl: { ...plMenu, ...plSidebar, ...plSample, ...plServer, ...plOptions, ...plFormulas, ...plValue, ...plModels },
  hu: { ...huMenu, ...huSidebar, ...huSample, ...huServer, ...huOptions, ...huFormulas, ...huValue, ...huModels },
};

export type English = typeof en;
export type MessageKey = keyof English;
export type ParamsOf<K extends MessageKey> = { readonly [P in EntryParams<English[K]>]: P extends 'count' ? number | Param : Param };

/** A message to render later, in whichever language its reader has. */
export interface Message<K extends MessageKey = MessageKey> extends AnyMessage {
  readonly key: K;
  readonly params: ParamsOf<K>;
}

/** The arguments after a key: none, or its parameters (a union of keys accepts any of theirs). */
type ArgsOf<K extends MessageKey> = K extends MessageKey ? ([EntryParams<English[K]>] extends [never] ? [] : [params: ParamsOf<K>]) : never;

export function msg<K extends MessageKey>(key: K, ...params: ArgsOf<K>): Message<K> {
  return { key, params: (params[0] ?? {}) as ParamsOf<K> };
}

/** Renders a message (or a key with its parameters) in a language. */
export function render(message: AnyMessage, language: Language): string {
  return renderMessage(CATALOGUES, message, language);
}

/** Renders a message parameter (text, a number, a message…) in a language. */
export function renderValue(value: Param, language: Language): string {
  return renderParam(CATALOGUES, value, language);
}

export function t<K extends MessageKey>(language: Language, key: K, ...params: ArgsOf<K>): string {
  return render(msg(key, ...params), language);
}

/**
 * Adds a catalogue part to every language: the BigQuery build's server messages
 * (src/i18n/bigqueryMessages.ts), which the default build must not carry. Keys already present stay.
 */
export function addCatalogueParts(parts: Catalogues): void {
  for (const language of Object.keys(CATALOGUES) as Language[]) {
    const target = CATALOGUES[language] as Record<string, unknown>;
    for (const [key, entry] of Object.entries(parts[language])) if (!(key in target)) target[key] = entry;
  }
}
