import { render } from '../i18n/catalogue';
import type { Language } from '../i18n/languages';
import type { AnyMessage } from '../i18n/messages';

/**
 * An error the user caused and can fix. Its message is shown as-is (in the cell's #ERROR! tooltip or
 * the sidebar), so it must name the argument, column or row and say what was expected.
 *
 * Given a catalogue Message instead of a string, the error carries it as data (`text`) and its
 * `message` is the English rendering; where it is shown, userMessage renders it in the reader's
 * language (the spreadsheet's for a formula, the user's for the sidebar).
 */
export class UserError extends Error {
  /** The message as data (made with msg(), which checks its key and parameters), or null for plain text. */
  readonly text: AnyMessage | null;
  /**
   * The setting the message is about, when it is one the sidebar shows (a column role such as "date",
   * or "asOf", "horizon"…: SidebarField in src/addon/protocol.ts), so the sidebar can mark that control.
   */
  readonly field: string | null;

  constructor(message: string | AnyMessage, field: string | null = null) {
    super(typeof message === 'string' ? message : render(message, 'en'));
    this.name = 'UserError';
    this.text = typeof message === 'string' ? null : message;
    this.field = field;
  }
}

/** The message of an error for a reader of `language`: a UserError's Message in that language. */
export function userMessage(e: unknown, language: Language): string {
  if (e instanceof UserError && e.text) return render(e.text, language);
  return e instanceof Error ? e.message : String(e);
}
