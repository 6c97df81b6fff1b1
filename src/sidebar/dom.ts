/** Small DOM helpers. User strings only ever go in as text (textContent, new Option), never as HTML. */

export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`The sidebar markup lacks #${id}`); // i18n-exempt: a bug in the markup, for developers
  return el;
}

export interface Choice {
  value: string;
  text: string;
}

/** Replaces a select's options; keeps `selected` when it is one of them, else picks the first. */
export function setChoices(select: HTMLSelectElement, choices: readonly Choice[], selected: string): void {
  select.replaceChildren(...choices.map((c) => new Option(c.text, c.value)));
  select.value = choices.some((c) => c.value === selected) ? selected : choices.length ? choices[0].value : '';
}

/** A group of options under a label inside a select. */
export function optionGroup(label: string, choices: readonly Choice[]): HTMLOptGroupElement {
  const group = document.createElement('optgroup');
  group.label = label;
  group.append(...choices.map((c) => new Option(c.text, c.value)));
  return group;
}
