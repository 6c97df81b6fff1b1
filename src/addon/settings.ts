import type { CustomerValueSettings, ReportSettings, SourceSettings } from './protocol';
import { PERIOD_UNITS } from '../core/periods';
import { UserError } from '../core/errors';
import { MAX_SHEET_HORIZON_MONTHS } from '../core/models';
import { MAX_LAPSE_PERIODS } from '../core/cohorts';

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
  if (typeof v !== 'string') throw new Error(`Setting ${name} must be text`);
  return v;
};

const int = (v: unknown, name: string, min: number): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Error(`Setting ${name} must be a whole number ≥ ${min}`);
  return v;
};

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Setting ${name} must be a number`);
  return v;
};

function asObject<T>(value: unknown): Partial<T> {
  if (!value || typeof value !== 'object') throw new Error('Settings are missing');
  return value as Partial<T>;
}

function asOfText(v: unknown): string {
  const asOf = text(v ?? '', 'asOf');
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('The "as of" date must look like 2024-12-31');
  return asOf;
}

function sanitizeSource(s: Partial<SourceSettings>): SourceSettings {
  const c = (s.columns ?? {}) as Partial<ReportSettings['columns']>;
  return {
    sheetName: text(s.sheetName, 'sheetName'),
    headerRow: int(s.headerRow, 'headerRow', 1),
    shape: s.shape === 'table' ? 'table' : 'log',
    columns: {
      id: int(c.id ?? 0, 'id column', 0),
      date: int(c.date ?? 0, 'date column', 0),
      amount: int(c.amount ?? 0, 'amount column', 0),
      signup: int(c.signup ?? 0, 'signup column', 0),
      cancel: int(c.cancel ?? 0, 'cancel column', 0),
      segment: int(c.segment ?? 0, 'segment column', 0),
      quantity: int(c.quantity ?? 0, 'quantity column', 0),
      unitPrice: int(c.unitPrice ?? 0, 'unit price column', 0),
    },
  };
}

/** Checks the shape of settings that crossed google.script.run or came back from storage. */
export function sanitizeSettings(value: unknown): ReportSettings {
  const s = asObject<ReportSettings>(value);
  const period = text(s.period, 'period');
  if (!(PERIOD_UNITS as readonly string[]).includes(period)) throw new Error(`Unknown period "${period}"`);
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
  if (k > MAX_LAPSE_PERIODS) throw new UserError(`A customer is lost after at most ${MAX_LAPSE_PERIODS} periods without a purchase (got ${k}).`);
  return k;
}

/**
 * Checks customer-value settings. A malformed field (wrong type) is an Error; a value out of range is a
 * UserError saying what the sidebar's field accepts.
 */
export function sanitizeCustomerValueSettings(value: unknown): CustomerValueSettings {
  const s = asObject<CustomerValueSettings>(value);
  const source = sanitizeSource(s);
  const asOf = asOfText(s.asOf);
  const horizonMonths = num(s.horizonMonths, 'horizonMonths');
  const monthlyDiscountRate = num(s.monthlyDiscountRate, 'monthlyDiscountRate');
  const topShare = num(s.topShare, 'topShare');
  const aliveBelow = num(s.aliveBelow, 'aliveBelow');
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > MAX_SHEET_HORIZON_MONTHS) {
    throw new UserError(`The horizon must be a whole number of months from 1 to ${MAX_SHEET_HORIZON_MONTHS} (got ${horizonMonths}).`);
  }
  if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1)) {
    throw new UserError(`The monthly discount rate must be from 0 % to below 100 %, such as 1 % (got ${monthlyDiscountRate * 100} %).`);
  }
  if (!(topShare > 0 && topShare <= 1)) {
    throw new UserError(`The top share by past value must be above 0 % and at most 100 % (got ${topShare * 100} %).`);
  }
  if (!(aliveBelow > 0 && aliveBelow <= 1)) {
    throw new UserError(`The P(alive) threshold must be above 0 % and at most 100 % (got ${aliveBelow * 100} %).`);
  }
  return { ...source, asOf, horizonMonths, monthlyDiscountRate, topShare, aliveBelow };
}
