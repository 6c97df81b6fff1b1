// Time zones, spreadsheet serial numbers, Java SimpleDateFormat (Utilities.formatDate) and
// Sheets number/date format patterns (getDisplayValues).

const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30 00:00 wall-clock; serial 25569 is 1970-01-01. */
export const SERIAL_EPOCH_OFFSET = 25569;

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const BUCKET_MS = 3 * 3_600_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Wall-clock time of an instant in a zone, expressed as milliseconds of a UTC clock showing that time.
 * Offsets are cached per 3-hour bucket when the bucket holds no transition (a year of date-times
 * then costs about 3,000 Intl calls, not 35,000).
 */
export function instantToWall(instantMs: number, tz: string): number {
  let cache = offsetCache.get(tz);
  if (!cache) offsetCache.set(tz, (cache = new Map()));
  const key = Math.floor(instantMs / BUCKET_MS);
  let off = cache.get(key);
  if (off === undefined) {
    const start = key * BUCKET_MS;
    const o1 = rawInstantToWall(start, tz) - start;
    const o2 = rawInstantToWall(start + BUCKET_MS - 1000, tz) - (start + BUCKET_MS - 1000);
    if (o1 !== o2) return rawInstantToWall(instantMs, tz);
    if (cache.size > 200_000) cache.clear();
    cache.set(key, (off = o1));
  }
  return instantMs + off;
}

function rawInstantToWall(instantMs: number, tz: string): number {
  const ms = ((instantMs % 1000) + 1000) % 1000;
  const parts = formatterFor(tz).formatToParts(new Date(instantMs - ms));
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
    }
  }
  if (bc) y = 1 - y;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

export function zoneOffsetMs(instantMs: number, tz: string): number {
  return instantToWall(instantMs, tz) - instantMs;
}

/** The instant at which the zone's clocks show the given wall time (the later one inside a DST gap). */
export function wallToInstant(wallMs: number, tz: string): number {
  const o1 = zoneOffsetMs(wallMs, tz);
  let t = wallMs - o1;
  const o2 = zoneOffsetMs(t, tz);
  if (o2 !== o1) {
    const t2 = wallMs - o2;
    if (zoneOffsetMs(t2, tz) === o2) t = t2;
    else t = wallMs - Math.min(o1, o2); // gap: the wall time does not exist; shift it forward by the gap, as JS Date does
  }
  return t;
}

export function wallToSerial(wallMs: number): number {
  return wallMs / DAY_MS + SERIAL_EPOCH_OFFSET;
}

export function serialToWall(serial: number): number {
  return Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS);
}

export function ymdToSerial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS + SERIAL_EPOCH_OFFSET;
}

// ---------------------------------------------------------------------------------------------
// Java SimpleDateFormat, as Utilities.formatDate uses it.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetString(offsetMin: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  switch (style) {
    case 'Z': return sign + hh + mm;
    case 'X1': return offsetMin === 0 ? 'Z' : sign + hh + (a % 60 ? mm : '');
    case 'X2': return offsetMin === 0 ? 'Z' : sign + hh + mm;
    case 'X3': return offsetMin === 0 ? 'Z' : sign + hh + ':' + mm;
    case 'GMT': return 'GMT' + sign + hh + ':' + mm;
  }
}

function shortZoneName(instantMs: number, tz: string): string {
  try {
    const p = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' })
      .formatToParts(new Date(instantMs))
      .find((x) => x.type === 'timeZoneName');
    if (p && !/^GMT[+-]/.test(p.value)) return p.value === 'GMT' && tz === 'Etc/UTC' ? 'UTC' : p.value;
  } catch {
    /* fall through */
  }
  return offsetString(Math.round(zoneOffsetMs(instantMs, tz) / 60000), 'GMT');
}

export class PatternError extends Error {}

/** Formats an instant with a Java SimpleDateFormat pattern in the given zone. */
export function formatJavaDate(instantMs: number, tz: string, pattern: string): string {
  const wall = new Date(instantToWall(instantMs, tz));
  const offsetMin = Math.round((wall.getTime() - instantMs) / 60000);
  const y = wall.getUTCFullYear();
  const mo = wall.getUTCMonth();
  const d = wall.getUTCDate();
  const h = wall.getUTCHours();
  const mi = wall.getUTCMinutes();
  const s = wall.getUTCSeconds();
  const ms = wall.getUTCMilliseconds();
  const dow = wall.getUTCDay();
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      // '' inside quoted text is a literal quote
      for (;;) {
        const e = pattern.indexOf("'", j);
        if (e < 0) throw new PatternError('Unterminated quote in pattern');
        lit += pattern.slice(j, e);
        if (pattern[e + 1] === "'") {
          lit += "'";
          j = e + 2;
          continue;
        }
        i = e + 1;
        break;
      }
      out += lit;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'G': out += y > 0 ? 'AD' : 'BC'; break;
      case 'y':
      case 'Y':
      case 'u':
        if (c === 'u') { out += String(dow === 0 ? 7 : dow); break; }
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[mo] : n === 3 ? MONTHS[mo].slice(0, 3) : pad(mo + 1, n);
        break;
      case 'd': out += pad(d, n); break;
      case 'D': {
        const doy = Math.floor((Date.UTC(y, mo, d) - Date.UTC(y, 0, 1)) / DAY_MS) + 1;
        out += pad(doy, n);
        break;
      }
      case 'E': out += n >= 4 ? DAYS[dow] : DAYS[dow].slice(0, 3); break;
      case 'a': out += h < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(h, n); break;
      case 'k': out += pad(h === 0 ? 24 : h, n); break;
      case 'K': out += pad(h % 12, n); break;
      case 'h': out += pad(h % 12 === 0 ? 12 : h % 12, n); break;
      case 'm': out += pad(mi, n); break;
      case 's': out += pad(s, n); break;
      case 'S': out += pad(ms, Math.max(n, 3)).slice(0, Math.max(n, 3)); break;
      case 'z': out += n >= 4 ? tz : shortZoneName(instantMs, tz); break;
      case 'Z': out += offsetString(offsetMin, 'Z'); break;
      case 'X': out += offsetString(offsetMin, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3'); break;
      default:
        throw new PatternError(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sheets number formats (spreadsheet patterns, Excel-like): enough for getDisplayValues.

export const DEFAULT_NUMBER_FORMAT = '0.###############';

/** Strips quoted literals, escapes and [color]/[condition] brackets (but keeps [h]/[m]/[s]). */
function stripLiterals(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
}

/** True when a number format shows a date and/or time: getValues then returns a Date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = stripLiterals(fmt.split(';')[0]);
  if (/^general$/i.test(f.trim())) return false;
  return /[yYdDhHsS]|\[[hms]+\]/.test(f) || (/[mM]/.test(f) && !/[0#?]/.test(f));
}

interface DateToken {
  t: string;
}

function tokenizeDateFormat(fmt: string): (string | DateToken)[] {
  const out: (string | DateToken)[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '"') {
      const e = fmt.indexOf('"', i + 1);
      out.push(fmt.slice(i + 1, e < 0 ? undefined : e));
      i = e < 0 ? fmt.length : e + 1;
      continue;
    }
    if (c === '\\') {
      out.push(fmt[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === '[') {
      const e = fmt.indexOf(']', i);
      const inner = fmt.slice(i + 1, e < 0 ? undefined : e);
      if (/^[hms]+$/i.test(inner)) out.push({ t: '[' + inner.toLowerCase() + ']' });
      i = e < 0 ? fmt.length : e + 1;
      continue;
    }
    const rest = fmt.slice(i);
    const ampm = /^(AM\/PM|am\/pm|A\/P|a\/p)/.exec(rest);
    if (ampm) {
      out.push({ t: 'ampm:' + ampm[1] });
      i += ampm[1].length;
      continue;
    }
    if (/[yYmMdDhHsS]/.test(c)) {
      let n = 1;
      while (fmt[i + n] && fmt[i + n].toLowerCase() === c.toLowerCase()) n++;
      out.push({ t: c.toLowerCase().repeat(n) });
      i += n;
      continue;
    }
    if (c === '.' && /^\.0+/.test(rest)) {
      const m = /^\.0+/.exec(rest)!;
      out.push({ t: m[0] });
      i += m[0].length;
      continue;
    }
    out.push(c);
    i++;
  }
  // m / mm after h or before s are minutes
  for (let k = 0; k < out.length; k++) {
    const tok = out[k];
    if (typeof tok === 'string' || !/^m{1,2}$/.test(tok.t)) continue;
    let prev: DateToken | undefined;
    for (let j = k - 1; j >= 0; j--) {
      const p = out[j];
      if (typeof p !== 'string') { prev = p; break; }
    }
    let next: DateToken | undefined;
    for (let j = k + 1; j < out.length; j++) {
      const p = out[j];
      if (typeof p !== 'string') { next = p; break; }
    }
    if ((prev && (/^h+$/.test(prev.t) || prev.t === '[h]')) || (next && /^s+$/.test(next.t))) tok.t = 'min' + tok.t.length;
  }
  return out;
}

export function formatSerialAsDate(serial: number, fmt: string): string {
  const tokens = tokenizeDateFormat(fmt);
  const hasAmPm = tokens.some((t) => typeof t !== 'string' && t.t.startsWith('ampm:'));
  const wall = new Date(serialToWall(serial));
  const y = wall.getUTCFullYear();
  const mo = wall.getUTCMonth();
  const d = wall.getUTCDate();
  const h = wall.getUTCHours();
  const mi = wall.getUTCMinutes();
  const s = wall.getUTCSeconds();
  const ms = wall.getUTCMilliseconds();
  let out = '';
  for (const tok of tokens) {
    if (typeof tok === 'string') {
      out += tok;
      continue;
    }
    const t = tok.t;
    if (/^y+$/.test(t)) out += t.length <= 2 ? pad(y % 100, 2) : pad(y, 4);
    else if (/^m+$/.test(t)) out += t.length === 1 ? String(mo + 1) : t.length === 2 ? pad(mo + 1, 2) : t.length === 3 ? MONTHS[mo].slice(0, 3) : t.length === 5 ? MONTHS[mo][0] : MONTHS[mo];
    else if (/^min/.test(t)) out += t === 'min1' ? String(mi) : pad(mi, 2);
    else if (/^d+$/.test(t)) out += t.length === 1 ? String(d) : t.length === 2 ? pad(d, 2) : t.length === 3 ? DAYS[wall.getUTCDay()].slice(0, 3) : DAYS[wall.getUTCDay()];
    else if (/^h+$/.test(t)) {
      const hh = hasAmPm ? (h % 12 === 0 ? 12 : h % 12) : h;
      out += t.length === 1 ? String(hh) : pad(hh, 2);
    } else if (/^s+$/.test(t)) out += t.length === 1 ? String(s) : pad(s, 2);
    else if (t === '[h]') out += String(Math.floor(serial * 24));
    else if (t === '[m]' || t === '[mm]') out += String(Math.floor(serial * 1440));
    else if (t === '[s]' || t === '[ss]') out += String(Math.floor(serial * 86400));
    else if (t.startsWith('ampm:')) {
      const kind = t.slice(5);
      const am = h < 12;
      out += kind === 'AM/PM' ? (am ? 'AM' : 'PM') : kind === 'am/pm' ? (am ? 'am' : 'pm') : kind === 'A/P' ? (am ? 'A' : 'P') : am ? 'a' : 'p';
    } else if (t.startsWith('.')) out += '.' + pad(ms, 3).slice(0, t.length - 1).padEnd(t.length - 1, '0');
  }
  return out;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Automatic display of a number (no explicit format): up to 10 significant digits like Sheets' default. */
export function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(10));
  const s = String(p);
  if (/e/.test(s)) {
    const [mant, exp] = p.toExponential().split('e');
    const e = Number(exp);
    return mant.toUpperCase() + 'E' + (e < 0 ? '-' : '+') + pad(Math.abs(e), 2);
  }
  return s;
}

function formatNumberSection(n: number, section: string, symbols: NumberSymbols): string {
  // split literal prefix / numeric body / literal suffix
  let i = 0;
  let prefix = '';
  let body = '';
  let suffix = '';
  let state: 'pre' | 'body' | 'post' = 'pre';
  while (i < section.length) {
    const c = section[i];
    if (c === '"') {
      const e = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, e < 0 ? undefined : e);
      i = e < 0 ? section.length : e + 1;
      if (state === 'pre') prefix += lit;
      else { state = 'post'; suffix += lit; }
      continue;
    }
    if (c === '\\') {
      const lit = section[i + 1] ?? '';
      i += 2;
      if (state === 'pre') prefix += lit;
      else { state = 'post'; suffix += lit; }
      continue;
    }
    if (c === '[') {
      const e = section.indexOf(']', i);
      const inner = section.slice(i + 1, e < 0 ? undefined : e);
      const cur = /^\$([^-\]]*)/.exec(inner);
      const lit = cur ? cur[1] : '';
      i = e < 0 ? section.length : e + 1;
      if (state === 'pre') prefix += lit;
      else { state = 'post'; suffix += lit; }
      continue;
    }
    if (c === '_' || c === '*') {
      i += 2;
      continue;
    }
    if (/[0#?.,]/.test(c) && state !== 'post') {
      state = 'body';
      body += c;
      i++;
      continue;
    }
    if ((c === 'E' || c === 'e') && state === 'body' && /^[eE][+-]0+/.test(section.slice(i))) {
      const m = /^[eE][+-]0+/.exec(section.slice(i))!;
      body += m[0];
      i += m[0].length;
      continue;
    }
    if (state === 'pre') prefix += c;
    else { state = 'post'; suffix += c; }
    i++;
  }
  const percent = (prefix + suffix).split('%').length - 1;
  let v = n * Math.pow(100, percent);
  if (!body) return prefix + suffix;
  const sci = /[eE]([+-])(0+)$/.exec(body);
  let numBody = sci ? body.slice(0, sci.index) : body;
  // trailing commas scale by 1000
  while (numBody.endsWith(',')) {
    v /= 1000;
    numBody = numBody.slice(0, -1);
  }
  const dot = numBody.indexOf('.');
  const intPat = dot < 0 ? numBody : numBody.slice(0, dot);
  const fracPat = dot < 0 ? '' : numBody.slice(dot + 1).replace(/,/g, '');
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  let exponent = 0;
  if (sci) {
    if (v !== 0) exponent = Math.floor(Math.log10(Math.abs(v)));
    v = v / Math.pow(10, exponent);
  }
  const neg = v < 0;
  let fixed = Math.abs(v).toFixed(maxFrac);
  if (sci && Number(fixed) >= 10) {
    exponent++;
    fixed = (Math.abs(v) / 10).toFixed(maxFrac);
  }
  let [ip, fp = ''] = fixed.split('.');
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  while (ip.length < minInt) ip = '0' + ip;
  if (grouping) ip = groupThousands(ip);
  let s = ip === '' && fp === '' ? '0' : ip;
  if (fp.length > 0) s += '.' + fp;
  if (sci) s += 'E' + (exponent < 0 ? '-' : sci[1] === '+' ? '+' : '') + pad(Math.abs(exponent), sci[2].length);
  return (neg ? '-' : '') + prefix + withSymbols(s, symbols) + suffix;
}

/**
 * The separators a locale shows numbers with. A format pattern is written with "," for grouping and
 * "." for the decimal point whatever the locale, and Sheets shows the locale's own symbols ("the
 * locale affects formatting details such as … currency", support.google.com/docs/answer/58515): the
 * symbols are CLDR's (cs, pl, hu, sk, ru: a no-break space and a decimal comma; de, es, it, nl: "."
 * and ","; fr: a narrow no-break space and ",").
 */
export interface NumberSymbols {
  decimal: string;
  group: string;
}
export const EN_SYMBOLS: NumberSymbols = { decimal: '.', group: ',' };
const SYMBOLS: Record<string, NumberSymbols> = {
  cs: { decimal: ',', group: '\u00a0' }, pl: { decimal: ',', group: '\u00a0' }, hu: { decimal: ',', group: '\u00a0' }, sk: { decimal: ',', group: '\u00a0' },
  ru: { decimal: ',', group: '\u00a0' }, de: { decimal: ',', group: '.' }, es: { decimal: ',', group: '.' }, it: { decimal: ',', group: '.' },
  nl: { decimal: ',', group: '.' }, fr: { decimal: ',', group: '\u202f' },
};

/** A spreadsheet locale's number symbols ("cs_CZ" → no-break space and ","); English ones otherwise. */
export function numberSymbols(locale: string | undefined): NumberSymbols {
  const [lang, region] = String(locale ?? '').split(/[_-]/);
  if (region === 'CH' || region === 'LI') return { decimal: '.', group: '\u2019' };
  return SYMBOLS[(lang ?? '').toLowerCase()] ?? EN_SYMBOLS;
}

function withSymbols(text: string, symbols: NumberSymbols): string {
  if (symbols === EN_SYMBOLS) return text;
  return text.replace(/[,.]/g, (c) => (c === ',' ? symbols.group : symbols.decimal));
}

/** Display text of a number under a Sheets number format (sections pos;neg;zero;text supported), with the locale's symbols. */
export function formatNumber(n: number, fmt: string | undefined, symbols: NumberSymbols = EN_SYMBOLS): string {
  if (!fmt || fmt === DEFAULT_NUMBER_FORMAT || /^general$/i.test(fmt.trim())) return withSymbols(formatAutomaticNumber(n), symbols);
  if (isDateFormat(fmt)) return formatSerialAsDate(n, fmt);
  const sections = splitSections(fmt);
  if (n < 0 && sections.length >= 2) return formatNumberSection(-n, sections[1], symbols);
  if (n === 0 && sections.length >= 3) return formatNumberSection(0, sections[2], symbols);
  return formatNumberSection(n, sections[0], symbols);
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '"') q = !q;
    if (c === '\\' && !q) {
      cur += c + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ';' && !q) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** Sheets format pattern to an Excel numFmt (they share syntax; only the automatic default differs). */
export function toExcelNumFmt(fmt: string | undefined): string | undefined {
  if (!fmt || fmt === DEFAULT_NUMBER_FORMAT) return undefined;
  return fmt;
}
