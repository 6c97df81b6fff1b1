// Getting data in (CSV/TSV, the CDNOW log) and out (xlsx: xlsx.ts).
import { ENV } from './core.js';
import { csvShape, detectDelimiter, forEachCsvRow } from './csv.js';
import { ymdToSerial } from './dates.js';
import { MAX_CELLS, type Cell, type Sheet, type Spreadsheet } from './spreadsheet.js';
import { inputLocale, parseInput, type ParsedInput } from './values.js';

export interface ImportCsvOptions {
  sheetName?: string;
  delimiter?: ',' | '\t' | ';' | 'auto';
  /** Make the new sheet the active one, as Sheets' import does (default true). */
  activate?: boolean;
  /**
   * Sheets' "Convert text to numbers, dates, and formulas" (on by default, as in Sheets): values
   * are read as if typed in the spreadsheet's locale. Off keeps every value as text.
   */
  convert?: boolean;
  /** The file's name, for messages ('"export.csv" needs …'). */
  fileName?: string;
}

/** Google Sheets' limits on a spreadsheet's grid (https://support.google.com/drive/answer/37603). */
export const MAX_COLUMNS = 18_278;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The import refused for its size, with the counts, so a caller that speaks another language (npm
 * start's --locale) can say it in its own words; the message is the English one.
 */
export class ImportTooLargeError extends Error {
  constructor(
    message: string,
    readonly size: { rows: number; columns: number; existing: number; maxCells: number; maxColumns: number },
  ) {
    super(message);
  }
}

function refuseIfTooLarge(what: string, rows: number, columns: number, existing: number): void {
  const refusal = importTooLarge(what, rows, columns, existing);
  if (refusal) throw new ImportTooLargeError(refusal, { rows, columns, existing, maxCells: MAX_CELLS, maxColumns: MAX_COLUMNS });
}

/** Why data of this size cannot be imported (the cell count and the limit), or null when it fits. */
export function importTooLarge(what: string, rows: number, columns: number, existing: number): string | null {
  if (columns > MAX_COLUMNS) {
    return `${what} has ${count(columns)} columns: Google Sheets allows at most ${count(MAX_COLUMNS)} columns (up to ZZZ) in a sheet.`;
  }
  const needs = rows * columns;
  if (existing + needs <= MAX_CELLS) return null;
  return (
    `${what} needs ${count(needs)} cells (${count(rows)} rows × ${count(columns)} columns)` +
    (existing ? ` and the spreadsheet already has ${count(existing)}` : '') +
    `: ${count(existing + needs - MAX_CELLS)} more than Google Sheets' limit of ${count(MAX_CELLS)} cells in a spreadsheet.`
  );
}

/**
 * A new sheet sized to the data, as Sheets makes one (see importCsv); refuses, before any change,
 * data that would take the spreadsheet past its 10 million cells.
 */
function newImportSheet(ss: Spreadsheet, name: string, rows: number, cols: number, activate: boolean, what: string): Sheet {
  refuseIfTooLarge(what, rows, cols, ss._totalCells());
  const sheet = ss._addSheet(name, undefined, rows, cols);
  if (activate) {
    ss._active = sheet;
    ss._activeRange = null;
  }
  return sheet;
}

/**
 * A new sheet from CSV/TSV text, as File → Import → "Insert new sheet(s)" makes it
 * (https://support.google.com/docs/answer/40608, "Import data sets in Google Sheets": separator
 * detected automatically or chosen, and "Convert text to numbers, dates, and formulas", checked by
 * default). With conversion on, every value is read as typed input in the spreadsheet's locale
 * (values.ts): `17850.0` is the number 17850, `12/1/2010 8:26` a date-time in en_US (1 December),
 * `00123` the number 123 (Sheets drops the zeros, as when typed), `=…` a formula. With it off,
 * every value stays text.
 *
 * The sheet is as large as the data: as many rows as records and as many columns as the widest
 * one, not a new sheet's 1000 × 26. Google's help does not state the size; it is what Sheets does
 * (observed: an imported sheet ends at its last row and column), and it matters, since empty cells
 * count against the limit below. A spreadsheet holds at most 10 million cells ("Up to 10 million cells or
 * 18,278 columns … for spreadsheets that are created in or converted to Google Sheets",
 * https://support.google.com/drive/answer/37603, "Files you can store in Google Drive"): a file that
 * does not fit is refused with its cell count and the limit, and nothing changes.
 */
export function importCsv(ss: Spreadsheet, text: string, opts: ImportCsvOptions = {}): Sheet {
  const delim = !opts.delimiter || opts.delimiter === 'auto' ? detectDelimiter(text) : opts.delimiter;
  const convert = opts.convert !== false;
  const locale = inputLocale(ss[ENV].locale);
  const what = opts.fileName ? `"${opts.fileName}"` : 'The file';
  // Its size first, without reading a value: a file too large is refused at once.
  const shape = csvShape(text, delim);
  refuseIfTooLarge(what, Math.max(1, shape.rows), Math.max(1, shape.columns), ss._totalCells());
  const rows: (Cell | undefined)[][] = [];
  let width = 0;
  // Consecutive lines often repeat a value (an invoice's date, customer and country): parse once.
  const lastRaw: string[] = [];
  const lastParsed: ParsedInput[] = [];
  forEachCsvRow(text, delim, (fields) => {
    if (fields.length > width) width = fields.length;
    const out: (Cell | undefined)[] = new Array(fields.length);
    for (let c = 0; c < fields.length; c++) {
      const raw = fields[c];
      if (raw === '') continue;
      let p: ParsedInput;
      if (lastRaw[c] === raw) p = lastParsed[c];
      else {
        p = convert ? parseInput(raw, locale) : { v: raw };
        lastRaw[c] = raw;
        lastParsed[c] = p;
      }
      if (p.f !== undefined) out[c] = p.err !== undefined ? { f: p.f, err: p.err } : { f: p.f };
      else if (p.v !== undefined) out[c] = p.nf ? { v: p.v, nf: p.nf } : { v: p.v };
    }
    rows.push(out);
  });
  const sheet = newImportSheet(ss, opts.sheetName ?? 'Imported', Math.max(1, rows.length), Math.max(1, width), opts.activate !== false, what);
  sheet._rows = rows;
  return sheet;
}

export const CDNOW_HEADER = ['Customer ID', 'Date', 'CDs', 'Amount'] as const;

/**
 * The CDNOW transaction log (whitespace separated "00001 19970101 1 11.77" lines after a header
 * line, CRLF) into a sheet headed Customer ID | Date | CDs | Amount: ids as text, dates as date
 * cells (yyyy-mm-dd), CDs and amounts as numbers.
 */
export function importCdnow(ss: Spreadsheet, text: string, opts: { sheetName?: string; activate?: boolean } = {}): Sheet {
  const lines = text.split(/\r?\n/);
  const data: Cell[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const f = line.split(/\s+/);
    if (data.length === 0 && i === 0 && /[A-Za-z]/.test(line)) continue; // the header line
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(f[1] ?? '');
    if (f.length !== 4 || !m || !Number.isFinite(Number(f[2])) || !Number.isFinite(Number(f[3]))) {
      throw new Error(`CDNOW line ${i + 1}: expected "id yyyymmdd cds amount", got ${JSON.stringify(lines[i])}`);
    }
    data.push([{ v: f[0] }, { v: ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])), nf: 'yyyy-mm-dd' }, { v: Number(f[2]) }, { v: Number(f[3]) }]);
  }
  const sheet = newImportSheet(ss, opts.sheetName ?? 'CDNOW', data.length + 1, 4, opts.activate !== false, 'The CDNOW log');
  sheet._rows[0] = CDNOW_HEADER.map((h) => ({ v: h }));
  for (let r = 0; r < data.length; r++) sheet._rows[r + 1] = data[r];
  return sheet;
}

export { exportXlsx, toWorkbook } from './xlsx.js';
