import type { ReportSettings } from './protocol';
import { PERIOD_UNITS } from '../core/periods';

/**
 * Report settings live in the document's properties, so a teammate who opens the sidebar (or runs
 * "Refresh summary") gets the same choices. Stored as JSON; anything unreadable is treated as unset.
 */
const KEY = 'retentionAnalytics.settings.v1';

export function loadSettings(): ReportSettings | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    return sanitizeSettings(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveSettings(settings: ReportSettings): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(settings));
}

/** Checks the shape of settings that crossed google.script.run or came back from storage. */
export function sanitizeSettings(value: unknown): ReportSettings {
  const s = value as Partial<ReportSettings> | null;
  if (!s || typeof s !== 'object') throw new Error('Settings are missing');
  const text = (v: unknown, name: string): string => {
    if (typeof v !== 'string') throw new Error(`Setting ${name} must be text`);
    return v;
  };
  const int = (v: unknown, name: string, min: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Error(`Setting ${name} must be a whole number ≥ ${min}`);
    return v;
  };
  const c = (s.columns ?? {}) as Partial<ReportSettings['columns']>;
  const period = text(s.period, 'period');
  if (!(PERIOD_UNITS as readonly string[]).includes(period)) throw new Error(`Unknown period "${period}"`);
  const asOf = text(s.asOf ?? '', 'asOf');
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('The "as of" date must look like 2024-12-31');
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
    },
    period: period as ReportSettings['period'],
    weekStart: s.weekStart === 'sunday' ? 'sunday' : 'monday',
    mode: s.mode === 'inOrAfter' ? 'inOrAfter' : 'in',
    asOf,
    segmentFilter: typeof s.segmentFilter === 'string' ? s.segmentFilter : '',
    breakdown: s.breakdown === true,
  };
}
