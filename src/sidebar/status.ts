/**
 * The sidebar's run state: a "Working…" line while a server call is in flight (every control disabled),
 * the server's error message in the error style, and the result line after a report. Each action (the
 * summary, customer value) has its own lines next to its button; there is one server call at a time
 * across the sidebar, so `busy` is shared.
 */
import { byId } from './dom';

export interface Status {
  readonly busy: boolean;
  start(text: string): void;
  stop(): void;
  /** Shows an error; `control`, when given, is marked as the one to change (aria-invalid, aria-describedby). */
  error(message: string, control?: HTMLElement | null): void;
  /** The result line; with warnings it is marked as a caution and the warnings are listed under it. */
  result(message: string, warnings?: readonly string[]): void;
  /** Clears the error line and its mark; with `result`, hides the last result line too. */
  clear(result?: boolean): void;
}

/** The element ids of one action's progress, error and result lines. */
export interface StatusIds {
  progress: string;
  progressText: string;
  error: string;
  result: string;
  resultText: string;
  /** A list under the result line for warnings, if this action has one. */
  warnings?: string;
}

export const SUMMARY_STATUS: StatusIds = { progress: 'progress', progressText: 'progress-text', error: 'error', result: 'result', resultText: 'result-text' };
export const VALUE_STATUS: StatusIds = {
  progress: 'value-progress',
  progressText: 'value-progress-text',
  error: 'value-error',
  result: 'value-result',
  resultText: 'value-result-text',
  warnings: 'value-warnings',
};

let busy = false;

export function createStatus(ids: StatusIds = SUMMARY_STATUS): Status {
  const app = byId('app', HTMLFormElement);
  const controls = byId('controls', HTMLFieldSetElement);
  const progress = byId(ids.progress, HTMLElement);
  const progressText = byId(ids.progressText, HTMLElement);
  const error = byId(ids.error, HTMLElement);
  const result = byId(ids.result, HTMLElement);
  const resultText = byId(ids.resultText, HTMLElement);
  const warningList = ids.warnings ? byId(ids.warnings, HTMLUListElement) : null;
  let focused: Element | null = null;
  let marked: HTMLElement | null = null;

  const unmark = () => {
    if (!marked) return;
    marked.removeAttribute('aria-invalid');
    const rest = (marked.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== ids.error);
    if (rest.length) marked.setAttribute('aria-describedby', rest.join(' '));
    else marked.removeAttribute('aria-describedby');
    marked = null;
  };

  return {
    get busy() {
      return busy;
    },
    start(text) {
      busy = true;
      focused = document.activeElement;
      // A disabled fieldset disables every button, input and select inside it at once.
      controls.disabled = true;
      app.setAttribute('aria-busy', 'true');
      progress.classList.add('is-busy');
      progressText.textContent = text;
    },
    stop() {
      busy = false;
      controls.disabled = false;
      app.setAttribute('aria-busy', 'false');
      progress.classList.remove('is-busy');
      progressText.textContent = '';
      // Disabling drops focus to the body; give it back so keyboard users keep their place.
      if (focused instanceof HTMLElement && document.activeElement === document.body && !focused.matches(':disabled')) focused.focus();
      focused = null;
    },
    error(message, control) {
      result.hidden = true;
      unmark();
      error.textContent = message;
      if (control) {
        marked = control;
        control.setAttribute('aria-invalid', 'true');
        const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        control.setAttribute('aria-describedby', [...described, ids.error].join(' '));
        if (!busy) control.focus();
      }
    },
    result(message, warnings = []) {
      error.textContent = '';
      resultText.textContent = message;
      result.classList.toggle('caution', warnings.length > 0);
      if (warningList) {
        warningList.replaceChildren(...warnings.map((w) => Object.assign(document.createElement('li'), { textContent: w })));
        warningList.hidden = warnings.length === 0;
      }
      result.hidden = false;
    },
    clear(alsoResult = false) {
      unmark();
      error.textContent = '';
      if (alsoResult) result.hidden = true;
    },
  };
}
