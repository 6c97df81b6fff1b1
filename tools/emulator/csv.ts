// RFC 4180 CSV/TSV parsing: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF.

/** Picks ',', '\t' or ';' for 'auto' from the first line (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') q = !q;
    else if (!q && (c === '\n' || c === '\r')) break;
    else if (!q && c in counts) counts[c]++;
  }
  let best = ',';
  for (const d of ['\t', ';']) if (counts[d] > counts[best]) best = d;
  return best;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Calls onRow with the fields of each record in turn. The array is reused for the next record:
 * copy it to keep it. Fields are sliced out of the text, found with indexOf (not built a character
 * at a time): a 40 MB export parses in a fraction of a second.
 * A final line break does not start another record; an empty line is a record of one empty field.
 */
export function forEachCsvRow(text: string, delimiter: string, onRow: (fields: string[]) => void): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return;
  const row: string[] = [];
  // Positions of the next delimiter, line feed and carriage return (n when there is none).
  let nextDelim = -1;
  let nextLf = -1;
  let nextCr = -1;
  const find = (what: string, from: number) => {
    const k = text.indexOf(what, from);
    return k < 0 ? n : k;
  };
  /** Where the field starting at `from` ends: the next delimiter, CR or LF. */
  const separator = (from: number) => {
    if (nextDelim < from) nextDelim = find(delimiter, from);
    if (nextLf < from) nextLf = find('\n', from);
    if (nextCr < from) nextCr = find('\r', from);
    return Math.min(nextDelim, nextLf, nextCr);
  };
  for (;;) {
    // One field starts at i.
    let field: string;
    let end: number; // where the field's separator (delimiter, line break or end of text) is
    if (text.charCodeAt(i) === QUOTE) {
      let start = i + 1;
      field = '';
      for (;;) {
        const close = text.indexOf('"', start);
        if (close < 0) throw new Error('CSV: unterminated quoted field');
        if (text.charCodeAt(close + 1) === QUOTE) {
          field += text.slice(start, close + 1);
          start = close + 2;
          continue;
        }
        field += text.slice(start, close);
        i = close + 1;
        break;
      }
      end = separator(i);
      // Anything between the closing quote and the separator belongs to the field, as written.
      if (end > i) field += text.slice(i, end);
    } else {
      end = separator(i);
      field = text.slice(i, end);
    }
    row.push(field);
    i = end;
    if (i >= n) {
      onRow(row);
      return;
    }
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) {
      // the delimiter
      i++;
      if (i >= n) {
        row.push('');
        onRow(row);
        return;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    onRow(row);
    row.length = 0;
    if (i >= n) return;
  }
}

/**
 * The number of records and the widest record's field count, by the same rules as forEachCsvRow,
 * without building any field: enough to refuse a file too large before reading it.
 */
export function csvShape(text: string, delimiter: string): { rows: number; columns: number } {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return { rows: 0, columns: 0 };
  let rows = 0;
  let columns = 0;
  let fields = 1;
  // Jump from separator to separator with indexOf, as forEachCsvRow does.
  let nextDelim = -1;
  let nextLf = -1;
  let nextCr = -1;
  const find = (what: string, from: number) => {
    const k = text.indexOf(what, from);
    return k < 0 ? n : k;
  };
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) throw new Error('CSV: unterminated quoted field');
        if (text.charCodeAt(close + 1) === QUOTE) j = close + 2;
        else {
          i = close + 1;
          break;
        }
      }
    }
    if (nextDelim < i) nextDelim = find(delimiter, i);
    if (nextLf < i) nextLf = find('\n', i);
    if (nextCr < i) nextCr = find('\r', i);
    i = Math.min(nextDelim, nextLf, nextCr);
    if (i >= n) break;
    if (i === nextDelim) {
      fields++;
      i++;
      if (i >= n) break;
      continue;
    }
    rows++;
    if (fields > columns) columns = fields;
    fields = 1;
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (i >= n) return { rows, columns };
  }
  rows++;
  if (fields > columns) columns = fields;
  return { rows, columns };
}

export function parseCsvText(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, delimiter, (r) => rows.push(r.slice()));
  return rows;
}
