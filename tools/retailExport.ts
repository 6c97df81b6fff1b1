/**
 * A seeded, synthetic retail export in the shape of a real online shop's transaction log
 * (one line per invoice line, a year from 12/1/2010 to 12/9/2011):
 *
 *   InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
 *   536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
 *
 * as such files arrive from a pandas round trip: invoices are text (`C536379` for a cancellation,
 * whose quantities are negative), dates are text in en_US short form (or ISO with `iso: true`), the
 * customer id is a float (`17850.0`) and blank on about a quarter of the lines (guest checkouts),
 * descriptions sometimes hold commas (quoted). About 4,300 customers place about 25,000 invoices:
 * a few buy every week, most once or twice; returns follow earlier purchases.
 *
 *   npx tsx tools/retailExport.ts out/retail.csv [--lines 541909] [--seed 1] [--iso]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seededRandom';

export interface RetailExportOptions {
  /** Data lines (the header line comes on top). Default 541,909. */
  lines?: number;
  seed?: number;
  /** Dates as `2010-12-01 08:26:00` instead of `12/1/2010 8:26`. */
  iso?: boolean;
}

export const RETAIL_HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

/** What was generated, for tests that check the report against it. */
export interface RetailExportFacts {
  lines: number;
  invoices: number;
  cancellations: number;
  /** Lines without a customer id. */
  blankIdLines: number;
  /** Distinct customer ids on the lines. */
  customers: number;
  /** Days (yyyy-mm-dd, wall clock as written) of each customer's first invoice line, by id. */
  firstDayById: Map<number, string>;
}

const FULL_LINES = 541_909;
const START = Date.UTC(2010, 11, 1); // wall clock, written as is
const END = Date.UTC(2011, 11, 9, 23, 59);
const DAY = 86_400_000;

const COUNTRIES: [string, number][] = [
  ['United Kingdom', 0.89], ['Germany', 0.025], ['France', 0.022], ['EIRE', 0.018], ['Spain', 0.006],
  ['Netherlands', 0.006], ['Belgium', 0.005], ['Switzerland', 0.005], ['Portugal', 0.004], ['Australia', 0.003],
  ['Norway', 0.003], ['Italy', 0.002], ['Channel Islands', 0.002], ['Finland', 0.002], ['Cyprus', 0.002],
  ['Sweden', 0.001], ['Austria', 0.001], ['Denmark', 0.001], ['Japan', 0.001], ['Poland', 0.001],
  ['Czech Republic', 0.0005], ['USA', 0.0005],
];

const ADJECTIVES = ['WHITE', 'RED', 'PINK', 'BLUE', 'GREEN', 'VINTAGE', 'RETRO', 'JUMBO', 'SMALL', 'LARGE', 'REGENCY', 'PAISLEY', 'SPOTTY', 'GLASS', 'WOODEN', 'ZINC', 'HEART', 'STAR', 'CHRISTMAS', 'FRENCH'];
const THINGS = ['T-LIGHT HOLDER', 'LANTERN', 'BAG', 'MUG', 'CAKE STAND', 'TEACUP AND SAUCER', 'ALARM CLOCK', 'BUNTING', 'NOTEBOOK', 'DOORMAT', 'LUNCH BOX', 'CANDLE', 'COAT RACK', 'PHOTO FRAME', 'PLATE', 'JAR', 'TIN', 'WRAP', 'CUSHION COVER', 'HOT WATER BOTTLE'];
const QUANTITIES: [number, number][] = [[1, 0.22], [2, 0.16], [3, 0.07], [4, 0.07], [6, 0.12], [8, 0.04], [10, 0.05], [12, 0.15], [24, 0.07], [36, 0.01], [48, 0.02], [96, 0.01], [144, 0.005], [480, 0.005]];

function picker<T>(items: [T, number][], random: () => number): () => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of items) cumulative.push((acc += w / total));
  return () => {
    const u = random();
    let i = 0;
    while (i < cumulative.length - 1 && cumulative[i] < u) i++;
    return items[i][0];
  };
}

/** A gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 through the boost). */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(random() || 1e-12, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = random() || 1e-12;
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

function poisson(mean: number, random: () => number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let n = 0;
  for (let p = random(); p > limit; p *= random()) n++;
  return n;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function formatWhen(t: number, iso: boolean): string {
  const d = new Date(t);
  if (iso) return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:00`;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad2(d.getUTCMinutes())}`;
}

function dayOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface Invoice {
  at: number;
  customer: number; // index into customers, -1 for a guest
  cancel: boolean;
  lines: number;
}

/** The export's text and what it holds. */
export function retailExport(opts: RetailExportOptions = {}): { text: string; facts: RetailExportFacts } {
  const totalLines = opts.lines ?? FULL_LINES;
  const random = mulberry32(opts.seed ?? 1);
  const scale = totalLines / FULL_LINES;
  const iso = opts.iso === true;

  // Products: a few thousand stock codes with Zipf-like popularity and a fixed unit price.
  const productCount = Math.max(50, Math.round(3_958 * Math.sqrt(scale)));
  const products: { code: string; description: string; price: number; weight: number }[] = [];
  const codes = new Set<string>();
  for (let i = 0; products.length < productCount; i++) {
    const base = String(20_000 + Math.floor(random() * 70_000));
    const code = random() < 0.3 ? base + 'ABCDEFGHLMNPRSTUVW'[Math.floor(random() * 18)] : base;
    if (codes.has(code)) continue;
    codes.add(code);
    let description = `${ADJECTIVES[Math.floor(random() * ADJECTIVES.length)]} ${THINGS[Math.floor(random() * THINGS.length)]}`;
    if (random() < 0.04) description = `${description}, SET OF ${2 + Math.floor(random() * 5)}`;
    const price = Math.min(50, Math.max(0.1, Math.round(Math.exp(0.7 + 0.8 * normal(random)) * 100) / 100));
    products.push({ code, description, price, weight: 1 / Math.pow(i + 1, 0.9) });
  }
  products.push({ code: 'POST', description: 'POSTAGE', price: 18, weight: products[0].weight * 0.2 });
  const product = picker(products.map((p, i) => [i, p.weight] as [number, number]), random);
  const quantity = picker(QUANTITIES, random);

  // Customers: ids from 12346, each with a country, a first purchase and a buying rate
  // (gamma heterogeneity: most buy once or twice, a few every week).
  // As many customers per invoice at any size, so that a smaller file keeps the repeat buying.
  const customerCount = Math.max(20, Math.round(4_372 * scale));
  const country = picker(COUNTRIES, random);
  const ids = new Set<number>();
  while (ids.size < customerCount) ids.add(12_346 + Math.floor(random() * 5_942));
  const customers = [...ids].map((id) => {
    // A third were already buying when the log starts; the others arrive through the year.
    const first = random() < 0.33 ? START + random() * 30 * DAY : START + random() * (END - START);
    return { id, country: country(), first, rate: gamma(0.7, random) * 1.6 };
  });

  const invoices: Invoice[] = [];
  const targetInvoices = 25_900 * scale;
  const guestInvoices = Math.round(targetInvoices * 0.14);
  // Expected repeat purchases ∝ rate × months observed, scaled so that the purchases (returns are
  // about one in seven more) reach the target; the counts are Poisson around that.
  const exposure = customers.map((cu) => cu.rate * ((END - cu.first) / (30 * DAY)));
  const repeats = (targetInvoices - guestInvoices) / 1.15 - customers.length;
  const k = repeats / exposure.reduce((s, e) => s + e, 0);
  for (let c = 0; c < customers.length; c++) {
    const cu = customers[c];
    const n = 1 + poisson(exposure[c] * k, random);
    for (let j = 0; j < n; j++) {
      const at = j === 0 ? cu.first : cu.first + random() * (END - cu.first);
      invoices.push({ at, customer: c, cancel: false, lines: 0 });
      if (random() < 0.15) {
        const back = at + (1 + random() * 40) * DAY;
        if (back < END) invoices.push({ at: back, customer: c, cancel: true, lines: 0 });
      }
    }
  }
  for (let k = 0; k < guestInvoices; k++) invoices.push({ at: START + random() * (END - START), customer: -1, cancel: false, lines: 0 });
  // Shop hours, whole minutes.
  for (const inv of invoices) {
    const day = Math.floor(inv.at / DAY) * DAY;
    inv.at = Math.min(END, day + (7 * 60 + Math.floor(random() * 13 * 60)) * 60_000);
  }
  invoices.sort((a, b) => a.at - b.at);

  // Lines per invoice: guests' baskets are larger (they hold a quarter of the lines), returns small.
  const weights = invoices.map((inv) => (inv.cancel ? 0.12 : inv.customer < 0 ? 1.9 : 1) * (0.2 + gamma(1.2, random)));
  const sum = weights.reduce((s, w) => s + w, 0);
  let assigned = 0;
  invoices.forEach((inv, i) => {
    inv.lines = Math.max(1, Math.floor((weights[i] / sum) * totalLines));
    assigned += inv.lines;
  });
  for (let i = 0; assigned !== totalLines; i = (i + 1) % invoices.length) {
    if (invoices[i].cancel) continue;
    if (assigned < totalLines) (invoices[i].lines++, assigned++);
    else if (invoices[i].lines > 1) (invoices[i].lines--, assigned--);
  }

  const out: string[] = [RETAIL_HEADER.join(',')];
  const firstDayById = new Map<number, string>();
  let number = 536_365;
  let cancellations = 0;
  let blankIdLines = 0;
  for (const inv of invoices) {
    const no = inv.cancel ? `C${number++}` : String(number++);
    if (inv.cancel) cancellations++;
    const cu = inv.customer >= 0 ? customers[inv.customer] : null;
    const idText = cu ? `${cu.id}.0` : '';
    const countryText = cu ? cu.country : country();
    const when = formatWhen(inv.at, iso);
    if (cu && !firstDayById.has(cu.id)) firstDayById.set(cu.id, dayOf(inv.at));
    if (!cu) blankIdLines += inv.lines;
    for (let l = 0; l < inv.lines; l++) {
      const p = products[product()];
      const q = inv.cancel ? -Math.min(quantity(), 24) : quantity();
      // Bulk buyers get a lower unit price, as the shop's price breaks do.
      const price = q >= 48 ? Math.round(p.price * 0.85 * 100) / 100 : p.price;
      out.push(`${no},${p.code},${csvField(p.description)},${q},${when},${price},${idText},${csvField(countryText)}`);
    }
  }
  return {
    text: out.join('\n') + '\n',
    facts: { lines: totalLines, invoices: invoices.length, cancellations, blankIdLines, customers: firstDayById.size, firstDayById },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const path = args.find((a, i) => !a.startsWith('--') && !['--lines', '--seed'].includes(args[i - 1] ?? ''));
  if (!path) {
    console.error('usage: npx tsx tools/retailExport.ts out.csv [--lines 541909] [--seed 1] [--iso]');
    process.exit(1);
  }
  const { text, facts } = retailExport({ lines: value('--lines') ? Number(value('--lines')) : undefined, seed: value('--seed') ? Number(value('--seed')) : undefined, iso: args.includes('--iso') });
  writeFileSync(path, text);
  console.log(`${path}: ${facts.lines.toLocaleString('en-US')} lines, ${facts.invoices.toLocaleString('en-US')} invoices (${facts.cancellations.toLocaleString('en-US')} cancellations), ${facts.customers.toLocaleString('en-US')} customers, ${facts.blankIdLines.toLocaleString('en-US')} lines without a customer id`);
}
