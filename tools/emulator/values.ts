// How a written string becomes a cell, as Sheets parses what a user types (setValue/setValues)
// or what its CSV import reads.

import { ymdToSerial } from './dates.js';

export type Scalar = number | string | boolean;

export interface ParsedInput {
  /** The stored value; undefined for an empty cell or a formula. */
  v?: Scalar;
  /** A formula ("=..."). */
  f?: string;
  /** The error a formula shows (#NAME?, #ERROR!) since the emulator does not compute formulas. */
  err?: string;
  /** A number format Sheets applies when the cell has none (dates, percents, currency). */
  nf?: string;
}

export const MAX_CELL_CHARS = 50_000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/;
const CURRENCY = /^([+-]?)\$\s*(\d{1,3}(,\d{3})+(\.\d*)?|\d+\.?\d*|\.\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * mode 'user' is setValue/setValues (Sheets parses strings like typed input);
 * mode 'import' is CSV import with the emulator's documented choices: leading-zero digit strings
 * ("00012") and anything that would become a formula stay text.
 */
export function parseInput(raw: string, mode: 'user' | 'import'): ParsedInput {
  if (raw === '') return {};
  if (mode === 'user') {
    if (raw.startsWith("'")) return { v: raw.slice(1) };
    if (raw.startsWith('=')) return { f: raw, err: raw.length === 1 ? '#ERROR!' : undefined };
  }
  const s = raw.trim();
  if (s === '') return { v: raw };
  if (NUMBER.test(s)) {
    if (mode === 'import' && /^[+-]?0\d/.test(s)) return { v: raw };
    return { v: Number(s) };
  }
  if (GROUPED.test(s)) return { v: Number(s.replace(/,/g, '')), nf: s.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(s);
  if (pct) return { v: Number(pct[1]) / 100, nf: pct[1].includes('.') ? '0.00%' : '0%' };
  const cur = CURRENCY.exec(s);
  if (cur) return { v: Number(cur[1] + cur[2].replace(/,/g, '')), nf: '"$"#,##0.00' };
  if (/^(true|false)$/i.test(s)) return { v: s.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDate(y, m, d)) {
      if (iso[4] === undefined) return { v: ymdToSerial(y, m, d), nf: 'yyyy-mm-dd' };
      const h = Number(iso[4]);
      const mi = Number(iso[5]);
      const sec = iso[6] ? Number(iso[6]) : 0;
      if (h < 24 && mi < 60 && sec < 60) {
        return { v: ymdToSerial(y, m, d) + (h * 3600 + mi * 60 + sec) / 86400, nf: 'yyyy-mm-dd hh:mm:ss' };
      }
    }
  }
  const us = US_DATE.exec(s);
  if (us) {
    const [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (validDate(y, m, d)) return { v: ymdToSerial(y, m, d), nf: 'M/d/yyyy' };
  }
  if (mode === 'user' && /^[+\-@]/.test(raw)) {
    // Sheets reads "+abc" / "-cmd" / "@x" as the start of a formula; it fails to evaluate.
    const body = raw.slice(1);
    const err = /^[+-]/.test(raw) && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(body) ? '#NAME?' : '#ERROR!';
    return { f: '=' + raw, err };
  }
  return { v: raw };
}
