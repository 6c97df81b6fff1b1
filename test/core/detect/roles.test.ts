import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../src/core/detect/columnKinds';
import { findHeaderRow } from '../../../src/core/detect/headerRow';
import { headerScore, normalizeHeader, proposeRoles } from '../../../src/core/detect/roles';
import { renderValue } from '../../../src/i18n/catalogue';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

function propose(rows: unknown[][]) {
  const h = findHeaderRow(rows);
  const headers = rows[h].map(String);
  const data = rows.slice(h + 1);
  return { header: h, ...proposeRoles(headers, headers.map((_, c) => profileColumn(data.map((r) => r[c]))), data.length) };
}

describe('column detection', () => {
  it('normalises headers without diacritics', () => {
    expect(normalizeHeader(' Zákazník ')).toBe('zakaznik');
    expect(normalizeHeader('Ügyfél_azonosító')).toBe('ugyfel azonosito');
    expect(normalizeHeader('Wartość')).toBe('wartosc');
    expect(headerScore('Datum objednávky', 'date')).toBe(1);
    expect(headerScore('od', 'signup')).toBe(1);
    expect(headerScore('Product code', 'cancel')).toBe(0);
  });

  it('reads a CDNOW-like transaction log', () => {
    const p = propose([
      ['Customer ID', 'Date', 'CDs', 'Amount'],
      ['00001', d('1997-01-01'), 1, 11.77],
      ['00002', d('1997-01-12'), 1, 12],
      ['00002', d('1997-01-12'), 5, 77],
      ['00003', d('1997-01-02'), 2, 20.76],
    ]);
    expect(p.shape).toBe('log');
    expect(p.roles).toMatchObject({ id: 0, date: 1, amount: 3, signup: -1, cancel: -1 });
  });

  it('finds the header below a title row, in Czech', () => {
    const p = propose([
      ['Export zákazníků, březen', '', '', ''],
      ['', '', '', ''],
      ['Zákazník', 'Datum registrace', 'Datum zrušení', 'Tarif'],
      ['A-1', d('2024-01-03'), '', 'Basic'],
      ['A-2', d('2024-01-09'), d('2024-02-10'), 'Pro'],
      ['A-3', d('2024-02-01'), '', 'Basic'],
      ['A-4', d('2024-02-11'), '', 'Basic'],
      ['A-5', d('2024-02-12'), '', 'Pro'],
      ['A-6', d('2024-02-13'), '', 'Basic'],
      ['A-7', d('2024-02-14'), '', 'Basic'],
      ['A-8', d('2024-02-15'), '', 'Pro'],
      ['A-9', d('2024-02-16'), '', 'Basic'],
      ['A-10', d('2024-02-17'), d('2024-03-01'), 'Basic'],
    ]);
    expect(p.header).toBe(2);
    expect(p.shape).toBe('table');
    expect(p.roles).toMatchObject({ id: 0, signup: 1, cancel: 2, segment: 3, date: -1 });
  });

  it('reads Polish and Hungarian headers', () => {
    const pl = propose([
      ['Klient', 'Data', 'Kwota'],
      ['k1', d('2024-01-01'), 10.5],
      ['k1', d('2024-02-01'), 12.5],
      ['k2', d('2024-01-05'), 3.25],
    ]);
    expect(pl.shape).toBe('log');
    expect(pl.roles).toMatchObject({ id: 0, date: 1, amount: 2 });
    const hu = propose([
      ['Ügyfél', 'Dátum', 'Összeg'],
      [101, d('2024-01-01'), 1200.5],
      [101, d('2024-03-01'), 990.25],
      [102, d('2024-01-07'), 15.75],
    ]);
    expect(hu.roles).toMatchObject({ id: 0, date: 1, amount: 2 });
  });

  it('falls back on value types when headers say nothing', () => {
    const p = propose([
      ['col1', 'col2', 'col3'],
      ['x1', d('2024-01-01'), 10.5],
      ['x2', d('2024-01-02'), 1.25],
      ['x1', d('2024-01-03'), 7.5],
    ]);
    expect(p.roles.date).toBe(1);
    expect(p.roles.amount).toBe(2);
    expect(p.roles.id).toBe(0);
  });

  it('a retail export with quantity and unit price but no amount: amount = quantity × unit price', () => {
    const p = propose([
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, d('2010-12-01'), 2.55, 17850, 'United Kingdom'],
      ['536365', '71053', 'WHITE METAL LANTERN', 6, d('2010-12-01'), 3.39, 17850, 'United Kingdom'],
      ['536366', '22633', 'HAND WARMER UNION JACK', 6, d('2010-12-01'), 1.85, 17851, 'United Kingdom'],
      ['C536379', 'D', 'Discount', -1, d('2010-12-01'), 27.5, 14527, 'United Kingdom'],
      ['536367', '84879', 'ASSORTED COLOUR BIRD ORNAMENT', 32, d('2010-12-01'), 1.69, 13047, 'France'],
    ]);
    expect(p.shape).toBe('log');
    expect(p.roles).toMatchObject({ id: 6, date: 4, amount: -1, quantity: 3, unitPrice: 5 });
    expect(renderValue(p.explanation, 'en')).toContain('No amount column: the amount of each row is "Quantity" × "UnitPrice" (quantity × unit price).');
  });

  it('a price alone is never taken as the amount, and the explanation says so', () => {
    const p = propose([
      ['Customer', 'Date', 'Price'],
      ['x1', d('2024-01-01'), 10.5],
      ['x2', d('2024-01-02'), 1.25],
      ['x1', d('2024-01-03'), 7.5],
    ]);
    expect(p.roles).toMatchObject({ id: 0, date: 1, amount: -1, unitPrice: -1, quantity: -1 });
    expect(renderValue(p.explanation, 'en')).toContain('"Price" looks like a unit price, not an order amount, so it is not used as the amount');
    // A total price is an amount; so is "Cena celkem" in Czech.
    expect(propose([['Customer', 'Date', 'Total price'], ['x1', d('2024-01-01'), 10.5], ['x1', d('2024-02-01'), 3.5]]).roles.amount).toBe(2);
    expect(propose([['Zákazník', 'Datum', 'Celková cena'], ['x1', d('2024-01-01'), 10.5], ['x1', d('2024-02-01'), 3.5]]).roles.amount).toBe(2);
    // With an amount column, quantity and price are not used.
    const both = propose([['Customer', 'Date', 'Qty', 'Unit price', 'Amount'], ['x1', d('2024-01-01'), 2, 5.25, 10.5], ['x1', d('2024-02-01'), 1, 3.5, 3.5]]);
    expect(both.roles).toMatchObject({ amount: 4, quantity: -1, unitPrice: -1 });
  });
});

describe('date text in detection', () => {
  it('a column of dates that stayed text is a date column when the locale reads them', () => {
    const texts = ['1. 12. 2010', '20. 12. 2010', '5. 1. 2011', 'soon'];
    const czech = (s: string) => /^\d{1,2}\. \d{1,2}\. \d{4}$/.test(s); // the caller's reader, here a stand-in
    expect(profileColumn(texts).kind).toBe('text');
    expect(profileColumn(texts.slice(0, 3), czech).kind).toBe('date');
    expect(profileColumn(texts, czech).kind).toBe('mixed'); // one unreadable value in four
  });
});
