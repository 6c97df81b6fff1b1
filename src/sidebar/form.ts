/**
 * The form: shows a source proposal (sheets, header row, shape, column roles, segments), applies saved
 * settings, keeps dependent controls consistent, and reads everything back as ReportSettings (the
 * summary) or CustomerValueSettings (the customer value section).
 */
import type { ColumnInfo, ColumnRoles, CustomerValueSettings, DataShape, LapseProposal, ReportSettings, SheetChoice, SourceProposal } from '../addon/protocol';
import type { PeriodUnit, WeekStart } from '../core/periods';
import { integer, percent } from '../i18n/messages';
import { createCostInputs } from './costs';
import { byId, optionGroup, setChoices, type Choice } from './dom';
import { text, type SidebarKey } from './text';

type Role = keyof ColumnRoles;

const ROLES: readonly Role[] = ['id', 'date', 'signup', 'cancel', 'amount', 'quantity', 'unitPrice', 'segment'];
const SHOWN: Record<DataShape, readonly Role[]> = {
  log: ['id', 'date', 'amount', 'quantity', 'unitPrice', 'segment'],
  table: ['id', 'signup', 'cancel', 'amount', 'segment'],
};
/** The longest lapse window the server accepts (MAX_LAPSE_PERIODS in src/core/cohorts/options.ts). */
const MAX_LAPSE = 600;
/** "A customer is lost after [K] … without a purchase", and the suggestion's span, per period unit. */
const LAPSE_TAIL: Record<PeriodUnit, SidebarKey> = {
  week: 'sidebar.lapse.week', month: 'sidebar.lapse.month', quarter: 'sidebar.lapse.quarter', year: 'sidebar.lapse.year',
};
const LAPSE_WITHIN: Record<PeriodUnit, SidebarKey> = {
  week: 'sidebar.lapse.withinWeek', month: 'sidebar.lapse.withinMonth', quarter: 'sidebar.lapse.withinQuarter', year: 'sidebar.lapse.withinYear',
};

/** The suggestion beside the lapse input, in words, and the K it proposes. */
function lapseHint(lapse: LapseProposal | null | undefined, unit: PeriodUnit): { words: string; use: number | null } {
  if (!lapse) return { words: '', use: null };
  const s = lapse.byPeriod[unit];
  if (!s) return { words: text('sidebar.lapse.none'), use: null };
  const span = text(LAPSE_WITHIN[unit] as 'sidebar.lapse.withinMonth', { count: integer(s.periods) });
  const words = text('sidebar.lapse.suggestion', { count: integer(s.periods), share: percent(s.share, 0), span });
  return { words: lapse.partial ? `${words} ${text('sidebar.lapse.partial', { rows: integer(lapse.rows) })}` : words, use: s.periods };
}
/** Required roles and the message when one is missing; the others offer "— none —". */
const REQUIRED: Partial<Record<Role, SidebarKey>> = { id: 'sidebar.check.chooseId', date: 'sidebar.check.chooseDate', signup: 'sidebar.check.chooseSignup' };
/** How messages name each role (the amount column is the revenue per period in a customer table). */
const ROLE_NAME: Record<Role, SidebarKey> = {
  id: 'sidebar.role.id', date: 'sidebar.role.date', signup: 'sidebar.role.signup', cancel: 'sidebar.role.cancel',
  amount: 'sidebar.role.amount', segment: 'sidebar.role.segment', quantity: 'sidebar.role.quantity', unitPrice: 'sidebar.role.unitPrice',
};
const KIND_NAME: Record<ColumnInfo['kind'], SidebarKey> = {
  number: 'sidebar.kind.number', text: 'sidebar.kind.text', date: 'sidebar.kind.date', empty: 'sidebar.kind.empty', mixed: 'sidebar.kind.mixed',
};
/**
 * What each role cannot be, from what most of a column's values are (ColumnInfo.kind). Only the clear
 * cases: text may hold dates or numbers a locale writes ("1. 2. 2024", "12,5"), and the server reads them.
 */
const WRONG_KIND: Partial<Record<Role, { kinds: ColumnInfo['kind'][]; message: SidebarKey }>> = {
  id: { kinds: ['date', 'empty'], message: 'sidebar.check.notIds' },
  date: { kinds: ['number', 'empty'], message: 'sidebar.check.notDates' },
  signup: { kinds: ['number', 'empty'], message: 'sidebar.check.notDates' },
  cancel: { kinds: ['number'], message: 'sidebar.check.notDates' },
  amount: { kinds: ['date'], message: 'sidebar.check.notAmounts' },
  quantity: { kinds: ['date'], message: 'sidebar.check.notAmounts' },
  unitPrice: { kinds: ['date'], message: 'sidebar.check.notAmounts' },
};
/** The longest horizon the server accepts (MAX_SHEET_HORIZON_MONTHS in src/core/models/scoreLog.ts). */
const MAX_HORIZON_MONTHS = 600;

/** What to change before a run: the sentence, and the control it is about. */
export interface Problem {
  message: string;
  control: HTMLElement | null;
}

export interface Form {
  readonly source: SourceProposal | null;
  showSheets(sheets: readonly SheetChoice[], selected: string): void;
  showProposal(proposal: SourceProposal | null, note?: string): void;
  /** Applies saved choices; returns the segment column whose values must be fetched, or 0. */
  applySaved(saved: ReportSettings): number;
  setSegments(segments: readonly string[], keep: string): void;
  setVersion(version: string): void;
  refresh(): void;
  /** Puts the suggested lapse window into its input. */
  useSuggestedLapse(): void;
  sheetName(): string;
  /** The typed header row, or null when it is not a whole number ≥ 1. */
  headerRow(): number | null;
  /** Puts back the header row of the current proposal after an invalid entry. */
  restoreHeaderRow(): void;
  segmentColumn(): number;
  /** What to change before a report can run, or null. */
  problem(): Problem | null;
  settings(): ReportSettings;
  /** Puts back the customer-value inputs saved in the document. */
  applySavedValue(saved: CustomerValueSettings): void;
  /** What is missing or out of range before customer value can run, or null. */
  valueProblem(): Problem | null;
  valueSettings(): CustomerValueSettings;
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
  const horizon = byId('horizon', HTMLInputElement);
  const discount = byId('discount', HTMLInputElement);
  const topShare = byId('top-share', HTMLInputElement);
  const aliveBelow = byId('alive-below', HTMLInputElement);
  const aliveFloor = byId('alive-floor', HTMLInputElement);
  const estimate = byId('estimate', HTMLButtonElement);
  const valueNote = byId('value-note', HTMLElement);
  const valueInputs = [horizon, discount, topShare, aliveBelow, aliveFloor];
  const costs = createCostInputs();
  const sourceDetails = byId('source-details', HTMLElement);
  const lapseAfter = byId('lapse-after', HTMLInputElement);
  const lapseUnit = byId('lapse-unit', HTMLElement);
  const lapseHintText = byId('lapse-hint', HTMLElement);
  const lapseUse = byId('lapse-use', HTMLButtonElement);
  const lapseBlock = byId('lapse-block', HTMLElement);
  const refunds = byId('refunds', HTMLInputElement);
  const refundsBlock = byId('refunds-block', HTMLElement);
  const productBlock = byId('product-block', HTMLElement);
  const productNote = byId('product-note', HTMLElement);
  const roleSelect = {} as Record<Role, HTMLSelectElement>;
  for (const role of ROLES) roleSelect[role] = byId(`col-${role}`, HTMLSelectElement);
  let source: SourceProposal | null = null;

  const currentShape = (): DataShape => (shape.value === 'table' ? 'table' : 'log');
  /** Amount = quantity × unit price: a log without an amount column, with both chosen. */
  const product = (): boolean =>
    currentShape() === 'log' && roleSelect.amount.value === '0' && Number(roleSelect.quantity.value) > 0 && Number(roleSelect.unitPrice.value) > 0;
  const hasAmounts = (): boolean => Number(roleSelect.amount.value) > 0 || product();
  /** Customer value needs a log with amounts. */
  const valueReady = (): boolean => !!source && currentShape() === 'log' && hasAmounts();
  const numberIn = (input: HTMLInputElement): number => (input.value.trim() === '' ? NaN : Number(input.value));
  // Percent ↔ fraction to 12 significant digits, so 0.7 % is 0.007 and not 0.006999999999999999.
  const percentText = (fraction: number): string => String(Number((fraction * 100).toPrecision(12)));
  const fraction = (input: HTMLInputElement): number => Number((numberIn(input) / 100).toPrecision(12));
  const sourceControls = [headerRow, shape, asOf, ...ROLES.map((r) => roleSelect[r])];
  const lapseValue = (): number | null => {
    const n = numberIn(lapseAfter);
    return Number.isInteger(n) && n >= 1 && n <= MAX_LAPSE ? n : null;
  };
  const roleName = (role: Role): string => text(role === 'amount' && currentShape() === 'table' ? 'sidebar.role.revenue' : ROLE_NAME[role]);

  const form: Form = {
    get source() {
      return source;
    },

    showSheets(sheets, selected) {
      const own = sheets.filter((s) => !s.ownedByAddon).map((s) => ({ value: s.name, text: s.name }));
      const made = sheets.filter((s) => s.ownedByAddon).map((s) => ({ value: s.name, text: s.name }));
      const known = sheets.some((s) => s.name === selected);
      sheet.replaceChildren(...(known ? [] : [new Option(text('sidebar.data.chooseSheet'), '')]), ...own.map((c) => new Option(c.text, c.value)));
      if (made.length) sheet.append(optionGroup(text('sidebar.data.madeByAddon'), made));
      sheet.value = known ? selected : '';
    },

    showProposal(proposal, note) {
      source = proposal;
      const columns: Choice[] = (proposal?.columns ?? []).map((c) => ({
        value: String(c.column),
        text: text('sidebar.columns.option', { letter: c.letter, header: c.header }),
      }));
      for (const role of ROLES) {
        const none = { value: '0', text: text(REQUIRED[role] ? 'sidebar.columns.choose' : 'sidebar.columns.none') };
        setChoices(roleSelect[role], [none, ...columns], String(proposal?.roles[role] ?? 0));
      }
      costs.setColumns(columns);
      headerRow.value = proposal ? String(proposal.headerRow) : '';
      shape.value = proposal?.shape ?? 'log';
      explanation.textContent = proposal
        ? `${proposal.explanation} ${text('sidebar.data.rows', { count: integer(proposal.dataRows) })}`
        : (note ?? text('sidebar.data.pickSheet'));
      form.setSegments(proposal?.segments ?? [], '');
      form.refresh();
    },

    applySaved(saved) {
      period.value = saved.period;
      weekStart.value = saved.weekStart;
      (saved.mode === 'inOrAfter' ? modeLater : modeIn).checked = true;
      lapseAfter.value = String(saved.lapseAfter ?? 1);
      refunds.checked = saved.refundsAreActivity === true;
      if (!source || saved.sheetName !== source.sheetName || saved.headerRow !== source.headerRow) {
        form.refresh();
        return 0;
      }
      shape.value = saved.shape;
      // Roles of the saved shape only (the others were sent as 0); "none" (0) is a choice too.
      for (const role of SHOWN[currentShape()]) {
        const column = saved.columns[role] ?? 0;
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
      setChoices(segmentFilter, [{ value: '', text: text('sidebar.summary.allCustomers') }, ...names.map((s) => ({ value: s, text: s }))], keep);
      costs.setSegments(form.segmentColumn() ? names : []);
    },

    setVersion(label) {
      version.textContent = label ? text('sidebar.version', { version: label }) : text('sidebar.brand');
    },

    refresh() {
      const shown = SHOWN[currentShape()];
      for (const role of ROLES) {
        const block = roleSelect[role].closest('.block');
        if (block instanceof HTMLElement) block.hidden = !shown.includes(role);
      }
      amountLabel.dataset.i18n = currentShape() === 'log' ? 'sidebar.columns.amount' : 'sidebar.columns.revenue';
      amountLabel.textContent = text(currentShape() === 'log' ? 'sidebar.columns.amount' : 'sidebar.columns.revenue');
      weekStartBlock.hidden = period.value !== 'week';
      const log = currentShape() === 'log';
      productBlock.hidden = !log || roleSelect.amount.value !== '0';
      for (const role of ['quantity', 'unitPrice'] as const) {
        const block = roleSelect[role].closest('.block');
        if (block instanceof HTMLElement) block.hidden = productBlock.hidden;
      }
      const chosenText = (role: Role) => roleSelect[role].selectedOptions[0]?.text ?? '';
      productNote.hidden = !product();
      productNote.textContent = product() ? text('sidebar.columns.product', { quantity: chosenText('quantity'), price: chosenText('unitPrice') }) : '';
      const unit = period.value as PeriodUnit;
      lapseBlock.hidden = !log;
      lapseUnit.textContent = text(LAPSE_TAIL[unit] as 'sidebar.lapse.month', { count: lapseValue() ?? 2 });
      const hint = lapseHint(source?.lapse, unit);
      lapseHintText.textContent = hint.words;
      lapseUse.hidden = hint.use === null || hint.use === lapseValue();
      lapseUse.textContent = hint.use === null ? '' : text('sidebar.lapse.use', { count: integer(hint.use) });
      lapseUse.dataset.periods = hint.use === null ? '' : String(hint.use);
      refundsBlock.hidden = !log || !hasAmounts();
      lapseAfter.disabled = !source;
      refunds.disabled = !source;
      const hasSegment = form.segmentColumn() > 0;
      if (!hasSegment) breakdown.checked = false;
      breakdown.disabled = !hasSegment;
      if (breakdown.checked) segmentFilter.value = '';
      segmentFilter.disabled = !hasSegment || breakdown.checked;
      for (const control of sourceControls) control.disabled = !source;
      sourceDetails.hidden = !source;
      generate.disabled = !source;
      const ready = valueReady();
      for (const input of valueInputs) input.disabled = !ready;
      costs.setEnabled(ready);
      estimate.disabled = !ready;
      valueNote.textContent = text(ready || !source ? 'sidebar.value.note' : 'sidebar.value.needs');
      valueNote.title = ready || !source ? text('sidebar.value.noteTerm') : '';
    },

    sheetName: () => sheet.value,

    useSuggestedLapse() {
      const k = Number(lapseUse.dataset.periods);
      if (Number.isInteger(k) && k >= 1) lapseAfter.value = String(k);
      form.refresh();
      lapseAfter.focus();
    },

    headerRow() {
      const n = Number(headerRow.value);
      return headerRow.value.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : null;
    },

    restoreHeaderRow() {
      headerRow.value = source ? String(source.headerRow) : '';
    },

    segmentColumn: () => Number(roleSelect.segment.value) || 0,

    problem() {
      if (!source) return { message: text('sidebar.data.pickSheet'), control: sheet };
      // Quantity and unit price are in use only without an amount column.
      const shown = SHOWN[currentShape()].filter((role) => (role !== 'quantity' && role !== 'unitPrice') || roleSelect.amount.value === '0');
      for (const role of shown) {
        const missing = REQUIRED[role];
        if (missing && roleSelect[role].value === '0') return { message: text(missing), control: roleSelect[role] };
      }
      const chosen = shown.filter((role) => roleSelect[role].value !== '0');
      for (const role of chosen) {
        const info = source.columns.find((c) => String(c.column) === roleSelect[role].value);
        const wrong = WRONG_KIND[role];
        if (info && wrong && wrong.kinds.includes(info.kind)) {
          const column = `${info.letter} (${info.header})`;
          return { message: text(wrong.message, { column, role: roleName(role), kind: text(KIND_NAME[info.kind]) }), control: roleSelect[role] };
        }
      }
      // One column cannot be two of the id, the dates and the amount (a segment may be any column).
      const distinct = chosen.filter((role) => role !== 'segment');
      for (const [i, role] of distinct.entries()) {
        const other = distinct.slice(0, i).find((r) => roleSelect[r].value === roleSelect[role].value);
        if (other) {
          const info = source.columns.find((c) => String(c.column) === roleSelect[role].value);
          const column = info ? `${info.letter} (${info.header})` : roleSelect[role].value;
          return { message: text('sidebar.check.sameColumn', { column, role: roleName(other), other: roleName(role) }), control: roleSelect[role] };
        }
      }
      if (currentShape() === 'log' && lapseValue() === null) return { message: text('sidebar.check.lapse', { max: MAX_LAPSE }), control: lapseAfter };
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
          quantity: product() ? column('quantity') : 0,
          unitPrice: product() ? column('unitPrice') : 0,
        },
        period: period.value as PeriodUnit,
        weekStart: weekStart.value as WeekStart,
        mode: modeLater.checked ? 'inOrAfter' : 'in',
        asOf: asOf.value,
        segmentFilter: segment && !breakdown.checked ? segmentFilter.value : '',
        breakdown: segment > 0 && breakdown.checked,
        lapseAfter: currentShape() === 'log' ? (lapseValue() ?? 1) : 1,
        refundsAreActivity: currentShape() === 'log' && hasAmounts() && refunds.checked,
      };
    },

    applySavedValue(saved) {
      horizon.value = String(saved.horizonMonths);
      discount.value = percentText(saved.monthlyDiscountRate);
      topShare.value = percentText(saved.topShare);
      aliveBelow.value = percentText(saved.aliveBelow);
      aliveFloor.value = percentText(saved.aliveFloor);
      costs.apply(saved.costs);
    },

    valueProblem() {
      const missing = form.problem();
      if (missing) return missing;
      if (!valueReady()) return { message: text('sidebar.value.needs'), control: currentShape() === 'log' ? roleSelect.amount : shape };
      const months = numberIn(horizon);
      if (!Number.isInteger(months) || months < 1 || months > MAX_HORIZON_MONTHS) {
        return { message: text('sidebar.check.horizon', { max: MAX_HORIZON_MONTHS }), control: horizon };
      }
      const rate = numberIn(discount);
      if (!(rate >= 0 && rate < 100)) return { message: text('sidebar.check.discount'), control: discount };
      const share = numberIn(topShare);
      if (!(share > 0 && share <= 100)) return { message: text('sidebar.check.topShare'), control: topShare };
      const alive = numberIn(aliveBelow);
      if (!(alive > 0 && alive <= 100)) return { message: text('sidebar.check.aliveBelow'), control: aliveBelow };
      const floor = numberIn(aliveFloor);
      if (!(floor >= 0 && floor < alive)) return { message: text('sidebar.check.aliveFloor', { max: alive }), control: aliveFloor };
      return costs.problem();
    },

    valueSettings() {
      const { sheetName, headerRow: row, shape: dataShape, columns, asOf: asOfDay } = form.settings();
      return {
        sheetName,
        headerRow: row,
        shape: dataShape,
        columns,
        asOf: asOfDay,
        horizonMonths: numberIn(horizon),
        monthlyDiscountRate: fraction(discount),
        topShare: fraction(topShare),
        aliveBelow: fraction(aliveBelow),
        aliveFloor: fraction(aliveFloor),
        costs: costs.settings(),
      };
    },
  };
  return form;
}
