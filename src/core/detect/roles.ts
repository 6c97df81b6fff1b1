import type { ColumnProfile } from './columnKinds';
import { msg } from '../../i18n/catalogue';
import { sentences, type Param } from '../../i18n/messages';

/**
 * Proposes what each column is, from its header (English, Czech, Polish, Hungarian) and its values.
 * A proposal only: the sidebar shows it and the analyst can change every choice.
 */

export type Role = 'id' | 'date' | 'amount' | 'signup' | 'cancel' | 'segment' | 'quantity' | 'unitPrice';
export type Shape = 'log' | 'table';

// Header words, compared without case and diacritics ("Zákazník" → "zakaznik", "Ügyfél" → "ugyfel").
// i18n-vocabulary: words the detection reads in headers, never shown
const WORDS: Record<Role, string[]> = {
  id: [
    'customer', 'customer id', 'customerid', 'customer_id', 'cust', 'client', 'client id', 'user', 'user id', 'userid',
    'account', 'account id', 'member', 'buyer', 'id', 'email',
    'zakaznik', 'id zakaznika', 'klient', 'odberatel', 'uzivatel', 'ucet', // cs
    'klient', 'id klienta', 'uzytkownik', 'nabywca', 'kupujacy', 'konto', // pl
    'ugyfel', 'ugyfel azonosito', 'vevo', 'vasarlo', 'felhasznalo', 'azonosito', // hu
  ],
  date: [
    'date', 'day', 'order date', 'purchase date', 'transaction date', 'order day', 'timestamp', 'time', 'created at', 'ordered',
    'datum', 'den', 'datum objednavky', 'datum nakupu', // cs
    'data', 'data zakupu', 'data zamowienia', 'data transakcji', 'dzien', // pl
    'datum', 'nap', 'idopont', 'vasarlas datuma', 'rendeles datuma', // hu
  ],
  // A price alone is not an order amount (a unit price times a quantity is): price words are unitPrice's.
  amount: [
    'amount', 'revenue', 'value', 'total', 'sales', 'spend', 'dollar value', 'dollar_value', 'dollars', 'mrr', 'arpa',
    'order value', 'net', 'gross', 'payment', 'total price', 'line total', 'subtotal',
    'castka', 'trzba', 'trzby', 'hodnota', 'obrat', 'platba', 'celkem', 'celkova cena', // cs
    'kwota', 'wartosc', 'przychod', 'suma', 'platnosc', 'razem', // pl
    'osszeg', 'bevetel', 'ertek', 'fizetes', 'vegosszeg', // hu
  ],
  quantity: [
    'quantity', 'qty', 'units', 'unit count', 'count', 'pieces', 'items', 'number of items',
    'mnozstvi', 'pocet', 'pocet kusu', 'kusy', 'ks', // cs
    'ilosc', 'liczba', 'sztuki', 'szt', // pl
    'mennyiseg', 'darab', 'db', // hu
  ],
  unitPrice: [
    'price', 'unit price', 'unitprice', 'unit_price', 'price each', 'item price', 'price per unit', 'list price',
    'cena', 'jednotkova cena', 'cena za kus', 'cena za jednotku', // cs
    'cena jednostkowa', 'cena za sztuke', 'cena netto', // pl
    'ar', 'egysegar', 'egysegar ft', // hu
  ],
  signup: [
    'signup', 'sign up', 'signed up', 'signup date', 'start', 'start date', 'started', 'joined', 'join date', 'created',
    'registered', 'registration', 'subscribed', 'subscription start', 'first purchase', 'since', 'acquired',
    'registrace', 'datum registrace', 'zacatek', 'zahajeni', 'od', 'zalozeno', // cs
    'rejestracja', 'data rejestracji', 'poczatek', 'data rozpoczecia', 'od', // pl
    'regisztracio', 'kezdet', 'kezdes', 'feliratkozas', 'csatlakozas', // hu
  ],
  cancel: [
    'cancel', 'cancelled', 'canceled', 'cancel date', 'cancellation', 'churn', 'churned', 'churn date', 'end', 'end date',
    'ended', 'terminated', 'closed', 'unsubscribed', 'left', 'lost',
    'zruseni', 'datum zruseni', 'ukonceni', 'konec', 'do', 'odchod', // cs
    'anulowanie', 'rezygnacja', 'koniec', 'data zakonczenia', 'do', // pl
    'lemondas', 'megszunes', 'vege', 'felmondas', // hu
  ],
  segment: [
    'segment', 'plan', 'tier', 'channel', 'region', 'country', 'category', 'type', 'group', 'cohort group', 'product', 'source',
    'skupina', 'kategorie', 'tarif', 'kanal', 'zeme', 'typ', // cs
    'grupa', 'kategoria', 'kanal', 'kraj', 'typ', 'pakiet', // pl
    'szegmens', 'csoport', 'kategoria', 'csomag', 'csatorna', 'orszag', 'tipus', // hu
  ],
};
// i18n-vocabulary-end

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[_\-./#:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 0..1: how well a header names a role. Exact words beat a word inside a longer header. */
export function headerScore(header: string, role: Role): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  const words = WORDS[role];
  if (words.includes(h)) return 1;
  const tokens = h.split(' ');
  let best = 0;
  for (const w of words) {
    if (w.length < 3 && !tokens.includes(w)) continue; // "od", "do", "ar" only as whole words
    if (w.includes(' ') ? h.includes(w) : tokens.includes(w)) best = Math.max(best, 0.8);
    else if (w.length >= 5 && h.includes(w)) best = Math.max(best, 0.5);
  }
  return best;
}

function valueFit(p: ColumnProfile, role: Role, rows: number): number {
  switch (role) {
    case 'id':
      // Ids are text, whole numbers, or a mix of both ("00012" beside 12).
      if (p.kind === 'text' || p.kind === 'mixed' || (p.kind === 'number' && p.fractional === 0)) return 0.5 + (p.paddedIds > 0.5 ? 0.2 : 0);
      return 0;
    case 'date':
    case 'signup':
      return p.kind === 'date' && p.blank === 0 ? 0.6 : p.kind === 'date' ? 0.3 : 0;
    case 'cancel':
      return p.kind === 'date' || (p.kind === 'empty' && rows > 0) ? 0.4 + (p.blank > 0 ? 0.2 : 0) : 0;
    case 'amount':
      return p.kind === 'number' ? 0.4 + (p.fractional > 0.2 ? 0.2 : 0) : 0;
    case 'quantity':
      return p.kind === 'number' ? 0.4 + (p.fractional === 0 ? 0.2 : 0) : 0;
    case 'unitPrice':
      return p.kind === 'number' ? 0.4 + (p.fractional > 0.2 ? 0.2 : 0) : 0;
    case 'segment':
      return p.kind === 'text' && p.distinct > 1 && p.distinct <= Math.max(2, Math.min(50, p.nonBlank / 5)) ? 0.5 : 0;
  }
}

export interface RoleProposal {
  shape: Shape;
  /** 0-based column index per role, or -1. */
  roles: Record<Role, number>;
  /** Why this shape (and amount), as a message in the reader's language. */
  explanation: Param;
  /** An amount column left unused because the locale reads its numbers as text ("29.00" in cs_CZ), or null. */
  amountNote: Param | null;
}

/**
 * Picks the best distinct column per role (header first, values second), then the shape: a customer
 * table when there is a signup column and every id appears once, or a cancel column beside it;
 * otherwise a transaction log.
 */
export function proposeRoles(headers: string[], profiles: ColumnProfile[], rows: number): RoleProposal {
  const taken = new Set<number>();
  const pick = (role: Role, minScore = 0.5, unless?: (header: string) => boolean): number => {
    let best = -1;
    let bestScore = minScore;
    headers.forEach((h, i) => {
      if (taken.has(i) || unless?.(h)) return;
      const fit = valueFit(profiles[i], role, rows);
      if (fit === 0 && role !== 'cancel') return;
      const score = headerScore(h, role) + fit;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) taken.add(best);
    return best;
  };
  // Order matters: strong, specific roles first so generic words ("date") don't steal them.
  const id = pick('id', 0.45);
  const cancel = pick('cancel', 1.0);
  const signup = pick('signup', 1.0);
  const date = pick('date', 0.55);
  // A column named as a unit price or a quantity is never the amount by its numbers alone.
  const namesAnotherNumber = (h: string) => Math.max(headerScore(h, 'unitPrice'), headerScore(h, 'quantity')) > headerScore(h, 'amount');
  const amount = pick('amount', 0.55, namesAnotherNumber);
  // Without an amount: a quantity and a unit price make one (header words required, values alone prove nothing).
  const unitPrice = amount < 0 ? pick('unitPrice', 1.0) : -1;
  const quantity = unitPrice >= 0 ? pick('quantity', 1.0) : -1;
  const segment = pick('segment', 0.9);
  const idProfile = id >= 0 ? profiles[id] : undefined;
  const idsUnique = idProfile !== undefined && idProfile.distinct === idProfile.nonBlank;
  const tableDates = signup >= 0 ? signup : date;
  const isTable = (signup >= 0 || cancel >= 0) && tableDates >= 0 && (cancel >= 0 || idsUnique);
  const roles: Record<Role, number> = { id, date: -1, amount, signup: -1, cancel: -1, segment, quantity: -1, unitPrice: -1 };
  let explanation: Param;
  const amountNote = amount < 0 && unitPrice < 0 ? amountAsText(headers, profiles, taken) : null;
  if (isTable) {
    roles.signup = tableDates;
    roles.cancel = cancel;
    explanation = msg(cancel >= 0 ? 'detect.tableBoth' : 'detect.tableSignup');
    if (amountNote) explanation = sentences([explanation, amountNote]);
  } else {
    roles.date = date >= 0 ? date : signup;
    const shape = msg(idProfile && !idsUnique ? 'detect.logRepeats' : 'detect.log');
    const note = amountExplanation(headers, quantity, unitPrice) ?? amountNote;
    explanation = note ? sentences([shape, note]) : shape;
    if (quantity >= 0) {
      roles.quantity = quantity;
      roles.unitPrice = unitPrice;
    }
  }
  return { shape: isTable ? 'table' : 'log', roles, explanation, amountNote };
}

// A column named as the amount ("MRR", "Částka") whose numbers the spreadsheet's locale reads as text,
// because they use the other decimal separator (an English export imported into a Czech spreadsheet):
// never used silently, nor left out silently.
function amountAsText(headers: string[], profiles: ColumnProfile[], taken: Set<number>): Param | null {
  const i = headers.findIndex((h, c) => !taken.has(c) && headerScore(h, 'amount') >= 0.8 && profiles[c].otherDecimal >= 0.8);
  if (i < 0) return null;
  return msg('detect.amountAsText', { amount: headers[i], example: profiles[i].otherDecimalExample ?? '' });
}

// Says where the amount comes from when it is not an amount column: quantity × unit price, or a price
// column that is left unused because a price alone is not what an order is worth.
function amountExplanation(headers: string[], quantity: number, unitPrice: number): Param | null {
  if (unitPrice < 0) return null;
  if (quantity >= 0) return msg('detect.quantityPrice', { quantity: headers[quantity], price: headers[unitPrice] });
  return msg('detect.priceOnly', { price: headers[unitPrice] });
}
