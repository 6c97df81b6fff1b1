import { menu as enMenu } from './en/menu';
import { menu as csMenu } from './cs/menu';
import { menu as plMenu } from './pl/menu';
import { menu as huMenu } from './hu/menu';
import type { Language } from './languages';
import { renderMessage, type AnyMessage, type Catalogues, type EntryParams, type Param } from './messages';

/**
 * Every user-facing string of the add-on, one catalogue per language, assembled from one part per
 * area (the sidebar bundles only its own parts). English is the reference: its keys and placeholders
 * type every message, and the translations must have exactly its keys (checked by the compiler and by
 * test/i18n/catalogue.test.ts, which also checks placeholders and plural forms).
 */
const en = { ...enMenu } as const;

export const CATALOGUES: Catalogues = {
  en,
  cs: { ...csMenu },
  pl: { ...plMenu },
  hu: { ...huMenu },
};

export type English = typeof en;
export type MessageKey = keyof English;
export type ParamsOf<K extends MessageKey> = { readonly [P in EntryParams<English[K]>]: P extends 'count' ? number | Param : Param };

/** A message to render later, in whichever language its reader has. */
export interface Message<K extends MessageKey = MessageKey> extends AnyMessage {
  readonly key: K;
  readonly params: ParamsOf<K>;
}

type ArgsOf<K extends MessageKey> = [EntryParams<English[K]>] extends [never] ? [] : [params: ParamsOf<K>];

export function msg<K extends MessageKey>(key: K, ...params: ArgsOf<K>): Message<K> {
  return { key, params: (params[0] ?? {}) as ParamsOf<K> };
}

/** Renders a message (or a key with its parameters) in a language. */
export function render(message: AnyMessage, language: Language): string {
  return renderMessage(CATALOGUES, message, language);
}

export function t<K extends MessageKey>(language: Language, key: K, ...params: ArgsOf<K>): string {
  return render(msg(key, ...params), language);
}
