/**
 * The "Cost to serve (optional)" part of the Customer value section: a cost column of the log, and per segment a
 * share of revenue and an amount per customer per month. The first line is for all customers; a segment's line
 * overrides it field by field (a blank field is "as for all customers", shown as its placeholder).
 */
import type { CostToServeSettings } from '../addon/protocol';
import { byId, setChoices, type Choice } from './dom';
import { text } from './text';

export interface CostInputs {
  /** The source's columns for the cost column choice (a new source: back to none). */
  setColumns(columns: readonly Choice[]): void;
  /** The segments of the chosen segment column ([] without one); values typed for a segment are kept by name. */
  setSegments(names: readonly string[]): void;
  setEnabled(enabled: boolean): void;
  apply(saved: CostToServeSettings): void;
  /** What is out of range, in a sentence, and the input to change, or null. */
  problem(): { message: string; control: HTMLElement } | null;
  settings(): CostToServeSettings;
}

interface Line {
  name: string | null; // null: all customers
  share: HTMLInputElement;
  monthly: HTMLInputElement;
}

/** The elements' ids: the sheet source's by default; the BigQuery source has its own section with the same look. */
export interface CostInputIds {
  column: string;
  rows: string;
  details: string;
}

export function createCostInputs(ids: CostInputIds = { column: 'cost-column', rows: 'cost-rows', details: 'costs' }): CostInputs {
  const column = byId(ids.column, HTMLSelectElement);
  const body = byId(ids.rows, HTMLTableSectionElement);
  const details = byId(ids.details, HTMLDetailsElement);
  // Typed values by segment name, so changing the segment column and back keeps them.
  const typed = new Map<string, { share: string; monthly: string }>();
  // Segments with saved values that the segment list does not show (it holds at most 50) stay visible.
  const saved = new Set<string>();
  let lines: Line[] = [];
  let segments: string[] = [];
  let enabled = false;

  const numberInput = (step: string, mode: string): HTMLInputElement => {
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.step = step;
    input.inputMode = mode;
    return input;
  };
  /** The input inside a label whose text only screen readers see (the table's headers show it to everyone). */
  const labelled = (input: HTMLInputElement, text: string): HTMLLabelElement => {
    const label = document.createElement('label');
    const hidden = document.createElement('span');
    hidden.className = 'screen-reader';
    hidden.textContent = text;
    label.append(hidden, input);
    return label;
  };
  const percentText = (fraction: number): string => String(Number((fraction * 100).toPrecision(12)));
  const numberIn = (input: HTMLInputElement): number | null => (input.value.trim() === '' ? null : Number(input.value));

  const remember = () => {
    for (const line of lines) if (line.name !== null) typed.set(line.name, { share: line.share.value, monthly: line.monthly.value });
  };

  const render = () => {
    remember();
    const all = lines.find((l) => l.name === null);
    const allValues = { share: all?.share.value ?? '', monthly: all?.monthly.value ?? '' };
    const extra = segments.length ? [...saved].filter((n) => !segments.includes(n) && (typed.get(n)?.share || typed.get(n)?.monthly)) : [];
    const names = [...segments, ...extra];
    lines = [null, ...names].map((name) => {
      const line: Line = { name, share: numberInput('any', 'decimal'), monthly: numberInput('any', 'decimal') };
      line.share.max = '100';
      const kept = name === null ? allValues : typed.get(name);
      line.share.value = kept?.share ?? '';
      line.monthly.value = kept?.monthly ?? '';
      return line;
    });
    body.replaceChildren(
      ...lines.map((line) => {
        const row = document.createElement('tr');
        const label = document.createElement('th');
        label.scope = 'row';
        label.textContent = line.name ?? text('sidebar.costs.all');
        const who = line.name ?? text('sidebar.costs.all');
        const cells = [
          labelled(line.share, text('sidebar.costs.shareLabel', { who })),
          labelled(line.monthly, text('sidebar.costs.monthlyLabel', { who })),
        ].map((label) => {
          const cell = document.createElement('td');
          cell.append(label);
          return cell;
        });
        row.append(label, ...cells);
        return row;
      }),
    );
    placeholders();
    setEnabled(enabled);
  };

  // A segment's blank field takes the value for all customers: show it as the placeholder.
  const placeholders = () => {
    const all = lines[0];
    for (const line of lines.slice(1)) {
      line.share.placeholder = all.share.value;
      line.monthly.placeholder = all.monthly.value;
    }
  };
  body.addEventListener('input', placeholders);

  const setEnabled = (on: boolean) => {
    enabled = on;
    column.disabled = !on;
    for (const line of lines) {
      line.share.disabled = !on;
      line.monthly.disabled = !on;
    }
  };

  const inputs: CostInputs = {
    setColumns(columns) {
      setChoices(column, [{ value: '0', text: text('sidebar.columns.none') }, ...columns], '0');
    },
    setSegments(names) {
      segments = [...names];
      render();
    },
    setEnabled,
    apply(value) {
      if ([...column.options].some((o) => o.value === String(value.column))) column.value = String(value.column);
      typed.clear();
      saved.clear();
      for (const s of value.segments) saved.add(s.name);
      for (const s of value.segments) {
        typed.set(s.name, { share: s.revenueShare === null ? '' : percentText(s.revenueShare), monthly: s.perCustomerMonth === null ? '' : String(s.perCustomerMonth) });
      }
      lines = [];
      render();
      lines[0].share.value = value.all.revenueShare ? percentText(value.all.revenueShare) : '';
      lines[0].monthly.value = value.all.perCustomerMonth ? String(value.all.perCustomerMonth) : '';
      placeholders();
      details.open = value.column > 0 || value.all.revenueShare > 0 || value.all.perCustomerMonth > 0 || value.segments.length > 0;
    },
    problem() {
      for (const line of lines) {
        const segment = line.name;
        const share = numberIn(line.share);
        if (share !== null && !(share >= 0 && share <= 100)) {
          const message = segment === null ? text('sidebar.check.costShareAll') : text('sidebar.check.costShareSegment', { segment });
          return { message, control: line.share };
        }
        const monthly = numberIn(line.monthly);
        if (monthly !== null && !(monthly >= 0 && Number.isFinite(monthly))) {
          const message = segment === null ? text('sidebar.check.costMonthlyAll') : text('sidebar.check.costMonthlySegment', { segment });
          return { message, control: line.monthly };
        }
      }
      return null;
    },
    settings() {
      const fraction = (v: number | null) => (v === null ? null : Number((v / 100).toPrecision(12)));
      const [all, ...rest] = lines;
      return {
        column: Number(column.value) || 0,
        all: { revenueShare: fraction(numberIn(all.share)) ?? 0, perCustomerMonth: numberIn(all.monthly) ?? 0 },
        segments: rest
          .map((line) => ({ name: line.name as string, revenueShare: fraction(numberIn(line.share)), perCustomerMonth: numberIn(line.monthly) }))
          .filter((s) => s.revenueShare !== null || s.perCustomerMonth !== null),
      };
    },
  };
  render();
  return inputs;
}
