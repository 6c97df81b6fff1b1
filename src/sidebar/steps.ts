/**
 * The sidebar's two steps after the data, as tabs: the retention summary and customer value. Each has
 * its panel of settings and its own action (button, progress, error and result lines) in the sticky
 * action bar; only the chosen step's show. Arrow keys move between the tabs, as the ARIA tabs pattern
 * has it.
 */
import { byId } from './dom';

export type Step = 'summary' | 'value';

const STEPS: readonly Step[] = ['summary', 'value'];
const IDS: Record<Step, { tab: string; panel: string; actions: string }> = {
  summary: { tab: 'tab-summary', panel: 'panel-summary', actions: 'summary-actions' },
  value: { tab: 'tab-value', panel: 'panel-value', actions: 'value-actions' },
};

export interface Steps {
  readonly current: Step;
  select(step: Step, focus?: boolean): void;
}

export function createSteps(): Steps {
  let current: Step = 'summary';
  const steps: Steps = {
    get current() {
      return current;
    },
    select(step, focus = false) {
      current = step;
      for (const s of STEPS) {
        const tab = byId(IDS[s].tab, HTMLButtonElement);
        tab.setAttribute('aria-selected', String(s === step));
        tab.tabIndex = s === step ? 0 : -1;
        byId(IDS[s].panel, HTMLElement).hidden = s !== step;
        byId(IDS[s].actions, HTMLElement).hidden = s !== step;
        if (s === step && focus) tab.focus();
      }
    },
  };
  for (const s of STEPS) {
    const tab = byId(IDS[s].tab, HTMLButtonElement);
    tab.addEventListener('click', () => steps.select(s));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      steps.select(STEPS[(STEPS.indexOf(s) + 1) % STEPS.length], true);
    });
  }
  return steps;
}
