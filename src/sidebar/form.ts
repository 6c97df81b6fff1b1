/**
 * The form: shows a source proposal (sheets, header row, shape, column roles, segments), applies saved
 * settings, keeps dependent controls consistent, and reads everything back as ReportSettings.
 */
import type { ColumnRoles, DataShape, ReportSettings, SheetChoice, SourceProposal } from '../addon/protocol';
import type { PeriodUnit, WeekStart } from '../core/periods';
import { byId, optionGroup, setChoices, type Choice } from './dom';

type Role = keyof ColumnRoles;

const ROLES: readonly Role[] = ['id', 'date', 'signup', 'cancel', 'amount', 'segment'];
const SHOWN: Record<DataShape, readonly Role[]> = {
  log: ['id', 'date', 'amount', 'segment'],
  table: ['id', 'signup', 'cancel', 'amount', 'segment'],
};
/** Required roles and how an error names them; the others offer "— none —". */
const REQUIRED: Partial<Record<Role, string>> = { id: 'customer ID', date: 'purchase date', signup: 'signup date' };

export interface Form {
  readonly source: SourceProposal | null;
  showSheets(sheets: readonly SheetChoice[], selected: string): void;
  showProposal(proposal: SourceProposal | null, note?: string): void;
  /** Applies saved choices; returns the segment column whose values must be fetched, or 0. */
  applySaved(saved: ReportSettings): number;
  setSegments(segments: readonly string[], keep: string): void;
  setVersion(version: string): void;
  refresh(): void;
  sheetName(): string;
  /** The typed header row, or null when it is not a whole number ≥ 1. */
  headerRow(): number | null;
  /** Puts back the header row of the current proposal after an invalid entry. */
  restoreHeaderRow(): void;
  segmentColumn(): number;
  /** What is missing before a report can run, in a sentence, or null. */
  problem(): string | null;
  settings(): ReportSettings;
}

export function createForm(): Form {
  const sheet = byId('sheet', HTMLSelectElement);
  const headerRow = byId('header-row', HTMLInputElement);
  const shape = byId('shape', HTMLSelectElement);
  const explanation = byId('explanation', HTMLElement);
  const amountLabel = byId('amount-label', HTMLLabelElement);
  const period = byId('period', HTMLSelectElement);
  const weekStart = byId('week-start', HTMLSelectElement);
  const weekStartBlock = byId('week-start-block', HTMLElement);
  const modeLater = byId('mode-later', HTMLInputElement);
  const modeIn = byId('mode-in', HTMLInputElement);
  const asOf = byId('as-of', HTMLInputElement);
  const segmentFilter = byId('segment-filter', HTMLSelectElement);
  const breakdown = byId('breakdown', HTMLInputElement);
  const generate = byId('generate', HTMLButtonElement);
  const version = byId('version', HTMLElement);
  const roleSelect = {} as Record<Role, HTMLSelectElement>;
  for (const role of ROLES) roleSelect[role] = byId(`col-${role}`, HTMLSelectElement);
  let source: SourceProposal | null = null;

  const currentShape = (): DataShape => (shape.value === 'table' ? 'table' : 'log');
  const sourceControls = [headerRow, shape, ...ROLES.map((r) => roleSelect[r])];

  const form: Form = {
    get source() {
      return source;
    },

    showSheets(sheets, selected) {
      const own = sheets.filter((s) => !s.ownedByAddon).map((s) => ({ value: s.name, text: s.name }));
      const made = sheets.filter((s) => s.ownedByAddon).map((s) => ({ value: s.name, text: s.name }));
      const known = sheets.some((s) => s.name === selected);
      sheet.replaceChildren(...(known ? [] : [new Option('Choose a sheet…', '')]), ...own.map((c) => new Option(c.text, c.value)));
      if (made.length) sheet.append(optionGroup('Made by this add-on', made));
      sheet.value = known ? selected : '';
    },

    showProposal(proposal, note) {
      source = proposal;
      const columns: Choice[] = (proposal?.columns ?? []).map((c) => ({ value: String(c.column), text: `${c.letter} — ${c.header}` }));
      for (const role of ROLES) {
        const none = { value: '0', text: REQUIRED[role] ? 'Choose a column' : '— none —' };
        setChoices(roleSelect[role], [none, ...columns], String(proposal?.roles[role] ?? 0));
      }
      headerRow.value = proposal ? String(proposal.headerRow) : '';
      shape.value = proposal?.shape ?? 'log';
      explanation.textContent = proposal
        ? `${proposal.explanation} ${proposal.dataRows.toLocaleString('en-US')} data ${proposal.dataRows === 1 ? 'row' : 'rows'} below the header.`
        : (note ?? 'Pick the sheet that holds your data.');
      form.setSegments(proposal?.segments ?? [], '');
      form.refresh();
    },

    applySaved(saved) {
      period.value = saved.period;
      weekStart.value = saved.weekStart;
      (saved.mode === 'inOrAfter' ? modeLater : modeIn).checked = true;
      if (!source || saved.sheetName !== source.sheetName || saved.headerRow !== source.headerRow) {
        form.refresh();
        return 0;
      }
      shape.value = saved.shape;
      // Roles of the saved shape only (the others were sent as 0); "none" (0) is a choice too.
      for (const role of SHOWN[currentShape()]) {
        const column = saved.columns[role];
        if (column >= 0 && column <= source.columns.length) roleSelect[role].value = String(column);
      }
      asOf.value = saved.asOf;
      breakdown.checked = saved.breakdown;
      const column = form.segmentColumn();
      const fetch = column && column !== source.roles.segment ? column : 0;
      if (!fetch) form.setSegments(source.segments, saved.segmentFilter);
      form.refresh();
      return fetch;
    },

    setSegments(segments, keep) {
      // A kept filter beyond the first 50 values is still offered, so the saved choice survives.
      const names = keep && !segments.includes(keep) ? [...segments, keep] : segments;
      setChoices(segmentFilter, [{ value: '', text: 'All customers' }, ...names.map((s) => ({ value: s, text: s }))], keep);
    },

    setVersion(text) {
      version.textContent = text ? `Retention analytics ${text}` : 'Retention analytics';
    },

    refresh() {
      const shown = SHOWN[currentShape()];
      for (const role of ROLES) {
        const block = roleSelect[role].closest('.block');
        if (block instanceof HTMLElement) block.hidden = !shown.includes(role);
      }
      amountLabel.textContent = currentShape() === 'log' ? 'Amount' : 'Revenue per period';
      weekStartBlock.hidden = period.value !== 'week';
      const hasSegment = form.segmentColumn() > 0;
      if (!hasSegment) breakdown.checked = false;
      breakdown.disabled = !hasSegment;
      if (breakdown.checked) segmentFilter.value = '';
      segmentFilter.disabled = !hasSegment || breakdown.checked;
      for (const control of sourceControls) control.disabled = !source;
      generate.disabled = !source;
    },

    sheetName: () => sheet.value,

    headerRow() {
      const n = Number(headerRow.value);
      return headerRow.value.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : null;
    },

    restoreHeaderRow() {
      headerRow.value = source ? String(source.headerRow) : '';
    },

    segmentColumn: () => Number(roleSelect.segment.value) || 0,

    problem() {
      if (!source) return 'Pick the sheet that holds your data.';
      for (const role of SHOWN[currentShape()]) {
        const name = REQUIRED[role];
        if (name && roleSelect[role].value === '0') return `Choose the ${name} column.`;
      }
      return null;
    },

    settings() {
      const shown = SHOWN[currentShape()];
      const column = (role: Role): number => (shown.includes(role) ? Number(roleSelect[role].value) || 0 : 0);
      const segment = column('segment');
      return {
        sheetName: source ? source.sheetName : sheet.value,
        headerRow: source ? source.headerRow : 1,
        shape: currentShape(),
        columns: {
          id: column('id'),
          date: column('date'),
          amount: column('amount'),
          signup: column('signup'),
          cancel: column('cancel'),
          segment,
        },
        period: period.value as PeriodUnit,
        weekStart: weekStart.value as WeekStart,
        mode: modeLater.checked ? 'inOrAfter' : 'in',
        asOf: asOf.value,
        segmentFilter: segment && !breakdown.checked ? segmentFilter.value : '',
        breakdown: segment > 0 && breakdown.checked,
      };
    },
  };
  return form;
}
