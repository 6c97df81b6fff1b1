import type { CostToServeSettings, CustomerValueSettings, ReportSettings, SourceSettings } from './protocol';
import { PERIOD_UNITS } from '../core/periods';
import { UserError } from '../core/errors';
import { checkAtRiskOptions, DEFAULT_AT_RISK, MAX_SHEET_HORIZON_MONTHS, type SegmentCostRates } from '../core/models';
import { MAX_LAPSE_PERIODS } from '../core/cohorts';
import { msg } from '../i18n';
import { integer, percent, typed } from '../i18n/messages';

/**
 * Report settings live in the document's properties, so a teammate who opens the sidebar (or runs
 * "Refresh summary") gets the same choices. Stored as JSON; anything unreadable is treated as unset.
 * The customer-value settings have a key of their own, so neither run can spoil the other's.
 */
const KEY = 'retentionAnalytics.settings.v1';
const CUSTOMER_VALUE_KEY = 'retentionAnalytics.customerValue.v1';

export function loadSettings(): ReportSettings | null {
  return load(KEY, sanitizeSettings);
}

export function saveSettings(settings: ReportSettings): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(settings));
}

export function loadCustomerValueSettings(): CustomerValueSettings | null {
  return load(CUSTOMER_VALUE_KEY, sanitizeCustomerValueSettings);
}

export function saveCustomerValueSettings(settings: CustomerValueSettings): void {
  PropertiesService.getDocumentProperties().setProperty(CUSTOMER_VALUE_KEY, JSON.stringify(settings));
}

function load<T>(key: string, sanitize: (value: unknown) => T): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return null;
  try {
    return sanitize(JSON.parse(raw));
  } catch {
    return null;
  }
}

const text = (v: unknown, name: string): string => {
  if (typeof v !== 'string') throw new Error(`Setting ${name} must be text`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  return v;
};

const int = (v: unknown, name: string, min: number): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Error(`Setting ${name} must be a whole number ≥ ${min}`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  return v;
};

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Setting ${name} must be a number`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  return v;
};

function asObject<T>(value: unknown): Partial<T> {
  if (!value || typeof value !== 'object') throw new Error('Settings are missing'); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  return value as Partial<T>;
}

function asOfText(v: unknown): string {
  const asOf = text(v ?? '', 'asOf');
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('The "as of" date must look like 2024-12-31'); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  return asOf;
}

function sanitizeSource(s: Partial<SourceSettings>): SourceSettings {
  const c = (s.columns ?? {}) as Partial<ReportSettings['columns']>;
  return {
    sheetName: text(s.sheetName, 'sheetName'),
    headerRow: int(s.headerRow, 'headerRow', 1),
    shape: s.shape === 'table' ? 'table' : 'log',
    columns: {
      id: int(c.id ?? 0, 'id column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      date: int(c.date ?? 0, 'date column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      amount: int(c.amount ?? 0, 'amount column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      signup: int(c.signup ?? 0, 'signup column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      cancel: int(c.cancel ?? 0, 'cancel column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      segment: int(c.segment ?? 0, 'segment column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      quantity: int(c.quantity ?? 0, 'quantity column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
      unitPrice: int(c.unitPrice ?? 0, 'unit price column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
    },
  };
}

/** Checks the shape of settings that crossed google.script.run or came back from storage. */
export function sanitizeSettings(value: unknown): ReportSettings {
  const s = asObject<ReportSettings>(value);
  const period = text(s.period, 'period');
  if (!(PERIOD_UNITS as readonly string[]).includes(period)) throw new Error(`Unknown period "${period}"`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  const asOf = asOfText(s.asOf);
  return {
    ...sanitizeSource(s),
    period: period as ReportSettings['period'],
    weekStart: s.weekStart === 'sunday' ? 'sunday' : 'monday',
    mode: s.mode === 'inOrAfter' ? 'inOrAfter' : 'in',
    asOf,
    segmentFilter: typeof s.segmentFilter === 'string' ? s.segmentFilter : '',
    breakdown: s.breakdown === true,
    // Settings saved before the lapse window existed read as its default, K = 1.
    lapseAfter: s.lapseAfter === undefined ? 1 : lapseSetting(s.lapseAfter),
    refundsAreActivity: s.refundsAreActivity === true,
  };
}

function lapseSetting(v: unknown): number {
  const k = int(v, 'lapseAfter', 1);
  if (k > MAX_LAPSE_PERIODS) throw new UserError(msg('server.lapseMax', { max: integer(MAX_LAPSE_PERIODS), got: typed(k) }));
  return k;
}

/** Most segment lines a document's settings keep (the sidebar offers at most 50 segments). */
const MAX_COST_SEGMENTS = 500;

const NO_COSTS: CostToServeSettings = { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] };

// A rate as the sidebar's field shows it: 1.5 (150 %).
const pct = (v: number) => percent(v, 6);
const COST_TEXT = {
  share: (segment: string | null, v: number) => (segment === null ? msg('server.costShare', { got: pct(v) }) : msg('server.costShareSegment', { segment, got: pct(v) })),
  monthly: (segment: string | null, v: number) => (segment === null ? msg('server.costMonthly', { got: typed(v) }) : msg('server.costMonthlySegment', { segment, got: typed(v) })),
};

function costRate(v: unknown, name: string, check: (v: number) => void, nullable: true): number | null;
function costRate(v: unknown, name: string, check: (v: number) => void, nullable: false): number;
function costRate(v: unknown, name: string, check: (v: number) => void, nullable: boolean): number | null {
  if (v === null && nullable) return null;
  const n = num(v ?? 0, name);
  check(n);
  return n;
}

/** Cost-to-serve settings; missing (settings saved before costs existed) means none. Also the BigQuery source's (runValue.ts). */
export function sanitizeCosts(value: unknown): CostToServeSettings {
  if (value === undefined || value === null) return NO_COSTS;
  const c = asObject<CostToServeSettings>(value);
  const all = asObject<CostToServeSettings['all']>(c.all ?? {});
  const shareOk = (where: string | null) => (v: number) => {
    if (!(v >= 0 && v <= 1)) throw new UserError(COST_TEXT.share(where, v));
  };
  const monthlyOk = (where: string | null) => (v: number) => {
    if (!(v >= 0)) throw new UserError(COST_TEXT.monthly(where, v));
  };
  const lines = c.segments ?? [];
  if (!Array.isArray(lines) || lines.length > MAX_COST_SEGMENTS) throw new Error(`Setting costs.segments must be a list of at most ${MAX_COST_SEGMENTS}`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
  const seen = new Set<string>();
  const segments: SegmentCostRates[] = lines.map((line) => {
    const l = asObject<SegmentCostRates>(line);
    const name = text(l.name, 'cost segment name'); // i18n-exempt: a setting named for developers in a malformed-request message
    if (seen.has(name)) throw new Error(`Setting costs.segments names segment "${name}" twice`); // i18n-exempt: a malformed request (the sidebar never sends it), said for developers inside server.badSettings
    seen.add(name);
    const where = name;
    return {
      name,
      revenueShare: costRate(l.revenueShare, 'revenueShare', shareOk(where), true),
      perCustomerMonth: costRate(l.perCustomerMonth, 'perCustomerMonth', monthlyOk(where), true),
    };
  });
  return {
    column: int(c.column ?? 0, 'cost column', 0), // i18n-exempt: a setting named for developers in a malformed-request message
    all: {
      revenueShare: costRate(all.revenueShare, 'revenueShare', shareOk(null), false),
      perCustomerMonth: costRate(all.perCustomerMonth, 'perCustomerMonth', monthlyOk(null), false),
    },
    segments,
  };
}

/**
 * Checks customer-value settings. A malformed field (wrong type) is an Error; a value out of range is a
 * UserError saying what the sidebar's field accepts. Settings saved before the floor and the costs existed
 * get the default floor (10 %, or 0 when their threshold is at or below it) and no costs.
 */
export function sanitizeCustomerValueSettings(value: unknown): CustomerValueSettings {
  const s = asObject<CustomerValueSettings>(value);
  const source = sanitizeSource(s);
  const asOf = asOfText(s.asOf);
  const horizonMonths = num(s.horizonMonths, 'horizonMonths');
  const monthlyDiscountRate = num(s.monthlyDiscountRate, 'monthlyDiscountRate');
  const topShare = num(s.topShare, 'topShare');
  const aliveBelow = num(s.aliveBelow, 'aliveBelow');
  const defaultFloor = aliveBelow > DEFAULT_AT_RISK.aliveFloor ? DEFAULT_AT_RISK.aliveFloor : 0;
  const aliveFloor = s.aliveFloor === undefined ? defaultFloor : num(s.aliveFloor, 'aliveFloor');
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > MAX_SHEET_HORIZON_MONTHS) {
    throw new UserError(msg('server.horizon', { max: integer(MAX_SHEET_HORIZON_MONTHS), got: typed(horizonMonths) }));
  }
  if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1)) {
    throw new UserError(msg('server.discount', { got: pct(monthlyDiscountRate) }));
  }
  checkAtRiskOptions({ topShare, aliveBelow, aliveFloor });
  const costs = sanitizeCosts(s.costs);
  return { ...source, asOf, horizonMonths, monthlyDiscountRate, topShare, aliveBelow, aliveFloor, costs };
}
