/**
 * A small in-memory stand-in for the add-on's sidebar server functions: a transaction log, a customer
 * table, a sheet whose name and headers are HTML, an empty sheet and a summary the add-on made.
 */
import type {
  ColumnInfo,
  ColumnRoles,
  CustomerValueOutcome,
  CustomerValueSettings,
  DataShape,
  ReportOutcome,
  ReportSettings,
  SidebarState,
  SourceProposal,
} from '../../src/addon/protocol';
import type { SidebarBackend } from './bridge';

interface FakeSheet {
  name: string;
  ownedByAddon?: boolean;
  headers: string[];
  kinds: ColumnInfo['kind'][];
  dataRows: number;
  shape: DataShape;
  roles: Partial<ColumnRoles>;
  /** Distinct values per 1-based column, for segments. */
  values: Record<number, string[]>;
  explanation: string;
  lapse?: SourceProposal['lapse'];
}

export const XSS_NAME = '<img src=x onerror=alert(1)>';

export const SHEETS: FakeSheet[] = [
  {
    name: 'Orders',
    headers: ['Customer ID', 'Order date', 'Amount', 'Region'],
    kinds: ['text', 'date', 'number', 'text'],
    dataRows: 2000,
    shape: 'log',
    roles: { id: 1, date: 2, amount: 3, segment: 4 },
    values: { 1: ['C001', 'C002', 'C003'], 4: ['East', 'West'] },
    explanation: 'One row per purchase: customers in A, dates in B, amounts in C.',
    lapse: {
      byPeriod: { week: { periods: 9, share: 0.81 }, month: { periods: 3, share: 0.824 }, quarter: { periods: 1, share: 0.9 }, year: null },
      target: 0.8,
      returns: 1234,
      rows: 2000,
      partial: false,
    },
  },
  {
    name: 'Retail',
    headers: ['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'],
    kinds: ['mixed', 'number', 'date', 'number', 'number'],
    dataRows: 541909,
    shape: 'log',
    roles: { id: 5, date: 3, amount: 0, quantity: 2, unitPrice: 4 },
    values: {},
    explanation: 'Read as a transaction log. No amount column: the amount of each row is "Quantity" × "UnitPrice" (quantity × unit price).',
    lapse: {
      byPeriod: { week: { periods: 12, share: 0.8 }, month: { periods: 4, share: 0.85 }, quarter: { periods: 2, share: 0.88 }, year: { periods: 1, share: 1 } },
      target: 0.8,
      returns: 5000,
      rows: 300000,
      partial: true,
    },
  },
  {
    name: 'Subscribers',
    headers: ['Account', 'Plan', 'Signed up', 'Cancelled', 'MRR'],
    kinds: ['text', 'text', 'date', 'date', 'number'],
    dataRows: 350,
    shape: 'table',
    roles: { id: 1, signup: 3, cancel: 4, amount: 5, segment: 2 },
    values: { 1: ['acme', 'globex'], 2: ['Basic', 'Pro'] },
    explanation: 'One row per customer: signup dates in C, cancel dates in D.',
  },
  {
    name: XSS_NAME,
    headers: ['<b>Customer</b>', 'Date', '<script>alert(2)</script>'],
    kinds: ['text', 'date', 'text'],
    dataRows: 3,
    shape: 'log',
    roles: { id: 1, date: 2, segment: 3 },
    values: { 3: ['<img src=y onerror=alert(3)>'] },
    explanation: 'Customers in "<b>Customer</b>", dates in "Date".',
  },
  { name: 'Empty', headers: [], kinds: [], dataRows: 0, shape: 'log', roles: {}, values: {}, explanation: '' },
  { name: 'Cohort summary', ownedByAddon: true, headers: ['Cohort'], kinds: ['text'], dataRows: 12, shape: 'log', roles: {}, values: {}, explanation: '' },
];

const letter = (column: number) => String.fromCharCode(64 + column);

export class FakeSidebarServer implements SidebarBackend {
  readonly generated: ReportSettings[] = [];
  readonly estimated: CustomerValueSettings[] = [];
  /** Sheets the fake runs wrote, which sidebarShowSheet can show. */
  private readonly written = new Set<string>();
  readonly shown: string[] = [];

  /** The fake workbook's sheets: SHEETS, or none but the add-on's for an empty workbook; the sample adds one. */
  private readonly sheets: FakeSheet[];

  constructor(
    private readonly options: {
      active?: string;
      saved?: ReportSettings | null;
      savedCustomerValue?: CustomerValueSettings | null;
      /** The sidebar's language the state names ("cs"…); none by default, as an older server. */
      language?: string;
      /** A workbook with no data sheet: only an empty sheet. */
      empty?: boolean;
    } = {},
  ) {
    this.sheets = options.empty ? [{ ...SHEETS[3], name: 'Sheet1' }] : [...SHEETS];
  }

  readonly samples: string[] = [];

  sidebarInsertSample(): SidebarState {
    const name = this.samples.length ? `Sample orders ${this.samples.length + 1}` : 'Sample orders';
    this.samples.push(name);
    this.sheets.push({ ...SHEETS[0], name, dataRows: 236, explanation: 'Customers appear on several rows with dates: read as a transaction log (one row per purchase).' });
    return { ...this.sidebarState(), proposal: this.sidebarDetect(name) };
  }

  sidebarState(): SidebarState {
    const active = this.options.active ?? 'Orders';
    const saved = this.options.saved ?? null;
    const source = saved?.sheetName ?? active;
    const sheet = this.sheets.find((s) => s.name === source);
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, active: s.name === active, ownedByAddon: !!s.ownedByAddon })),
      saved,
      proposal: sheet && !sheet.ownedByAddon && sheet.headers.length ? this.sidebarDetect(source, saved?.headerRow) : null,
      version: '0.1.0',
      ...(this.options.language ? { language: this.options.language } : {}),
      ...(this.options.savedCustomerValue !== undefined ? { savedCustomerValue: this.options.savedCustomerValue } : {}),
    };
  }

  sidebarDetect(sheetName: string, headerRow?: number): SourceProposal {
    const sheet = this.sheet(sheetName);
    if (!sheet.headers.length) throw new Error(`Sheet "${sheetName}" is empty.`);
    const row = headerRow ?? 1;
    const roles: ColumnRoles = { id: 0, date: 0, amount: 0, signup: 0, cancel: 0, segment: 0, ...sheet.roles };
    return {
      sheetName,
      headerRow: row,
      dataRows: sheet.dataRows - (row - 1),
      columns: sheet.headers.map((header, i) => ({ column: i + 1, letter: letter(i + 1), header, kind: sheet.kinds[i] })),
      shape: sheet.shape,
      roles,
      segments: sheet.values[roles.segment] ?? [],
      explanation: sheet.explanation,
      lapse: sheet.lapse ?? null,
    };
  }

  sidebarSegments(sheetName: string, _headerRow: number, column: number): string[] {
    return this.sheet(sheetName).values[column] ?? [];
  }

  sidebarGenerate(settings: ReportSettings): ReportOutcome {
    this.generated.push(settings);
    if (settings.sheetName === XSS_NAME) throw new Error(`Sheet "${XSS_NAME}" has no dates in column B.`);
    if (settings.asOf && settings.asOf < '2019-01-01') {
      // As the real server sends an error about a setting: the field first, for the sidebar to mark.
      throw new Error(`[asOf] The "as of" date ${settings.asOf} is before the first date in the data (2019-01-03).`);
    }
    return {
      summarySheetName: 'Cohort summary',
      rowsRead: 2000,
      rowsSkipped: 3,
      cohorts: 12,
      periods: 12,
      message: `12 cohorts by ${settings.period} from 2,000 rows (3 skipped)`,
    };
  }

  sidebarCustomerValue(settings: CustomerValueSettings): CustomerValueOutcome {
    this.estimated.push(settings);
    if (settings.horizonMonths > 120) throw new Error('Fewer than 10 customers bought again with a positive amount.');
    this.written.add('Customer value');
    return {
      sheetName: 'Customer value',
      rowsRead: 2000,
      rowsSkipped: 0,
      customers: 400,
      atRisk: 7,
      lapsed: 3,
      totalClv: 12345.6,
      warnings: settings.horizonMonths === 99 ? ['Only 40 of 400 customers bought more than once.', 'Spend and purchase frequency are correlated (ρ = 0.62).'] : [],
      message:
        `400 customers scored from 2,000 rows: ${settings.horizonMonths}-month CLV 12,346 in total, 7 top customers at risk, 3 lapsed.` +
        (settings.horizonMonths === 99 ? ' But the model cannot be fully trusted:' : ''),
    };
  }

  sidebarShowSheet(sheetName: string): void {
    if (!this.written.has(sheetName)) this.sheet(sheetName);
    this.shown.push(sheetName);
  }

  private sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`There is no sheet named "${name}" any more. Pick the source sheet again.`);
    return sheet;
  }
}
