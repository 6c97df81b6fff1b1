// Getting data in (CSV/TSV, the CDNOW log) and out (xlsx through exceljs).
import ExcelJS from 'exceljs';
import { quoteSheetName, rangeA1 } from './a1.js';
import { detectDelimiter, parseCsvText } from './csv.js';
import { DEFAULT_NUMBER_FORMAT, serialToWall, ymdToSerial } from './dates.js';
import { DEFAULT_COLS, DEFAULT_COLUMN_WIDTH, DEFAULT_ROWS, Range, isDateFormat, type Cell, type Sheet, type Spreadsheet } from './spreadsheet.js';
import { parseInput } from './values.js';

export interface ImportCsvOptions {
  sheetName?: string;
  delimiter?: ',' | '\t' | ';' | 'auto';
  /** Make the new sheet the active one, as Sheets' import does (default true). */
  activate?: boolean;
}

function newImportSheet(ss: Spreadsheet, name: string, rows: number, cols: number, activate: boolean): Sheet {
  const sheet = ss._addSheet(name, undefined, Math.max(DEFAULT_ROWS, rows), Math.max(DEFAULT_COLS, cols));
  if (activate) {
    ss._active = sheet;
    ss._activeRange = null;
  }
  return sheet;
}

/**
 * A new sheet from CSV/TSV text, typed as Sheets' import types it (numbers, ISO dates, TRUE/FALSE),
 * except that digit strings with a leading zero ("00012") and would-be formulas stay text: the
 * emulator imports as with "convert text to numbers, dates and formulas" off for those.
 */
export function importCsv(ss: Spreadsheet, text: string, opts: ImportCsvOptions = {}): Sheet {
  const delim = !opts.delimiter || opts.delimiter === 'auto' ? detectDelimiter(text) : opts.delimiter;
  const rows = parseCsvText(text, delim);
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const sheet = newImportSheet(ss, opts.sheetName ?? 'Imported', rows.length, width, opts.activate !== false);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const out: (Cell | undefined)[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const p = parseInput(row[c], 'import');
      if (p.v === undefined) continue;
      const cell: Cell = { v: p.v };
      if (p.nf) cell.nf = p.nf;
      out[c] = cell;
    }
    sheet._rows[r] = out;
  }
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
  const sheet = newImportSheet(ss, opts.sheetName ?? 'CDNOW', data.length + 1, 4, opts.activate !== false);
  sheet._rows[0] = CDNOW_HEADER.map((h) => ({ v: h }));
  for (let r = 0; r < data.length; r++) sheet._rows[r + 1] = data[r];
  return sheet;
}

// -----------------------------------------------------------------------------------------------
// xlsx

function argb(hex: string | undefined): string | undefined {
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return undefined;
  return 'FF' + hex.slice(1).toUpperCase();
}

const CF_TYPES: Record<string, 'min' | 'max' | 'num' | 'percent' | 'percentile'> = {
  MIN: 'min',
  MAX: 'max',
  NUMBER: 'num',
  PERCENT: 'percent',
  PERCENTILE: 'percentile',
};

const CELL_IS: Record<string, string> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
};

function rangeRef(r: Range): string {
  return rangeA1(r._r, r._c, r._nr, r._nc);
}

/**
 * Builds an exceljs workbook of the whole spreadsheet: values (dates as dates), formulas, number
 * formats, bold/italic/colors/backgrounds/alignment/wrap, notes, merges, frozen panes, column widths,
 * hidden sheets, tab colors, named ranges (defined names) and conditional format rules (gradients as
 * color scales, number/text/formula conditions as cellIs/containsText/expression rules).
 * Not written: charts (exceljs cannot write them) and developer metadata (no xlsx equivalent).
 */
export function toWorkbook(ss: Spreadsheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'retention-analytics sheets emulator';
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, {
      state: sheet._hidden ? 'hidden' : 'visible',
      properties: sheet._tabColor && argb(sheet._tabColor) ? { tabColor: { argb: argb(sheet._tabColor)! } } : undefined,
    });
    if (sheet._frozenRows || sheet._frozenCols) {
      ws.views = [{ state: 'frozen', xSplit: sheet._frozenCols, ySplit: sheet._frozenRows }];
    }
    // Every used column gets Sheets' width (100 px by default), which Excel's default would not match.
    const usedColumns = sheet._rows.reduce((m, row) => Math.max(m, row ? row.length : 0), 0);
    for (let col = 1; col <= Math.max(usedColumns, ...sheet._colWidths.keys()); col++) {
      const px = sheet._colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
      ws.getColumn(col).width = Math.round((px / 7) * 100) / 100;
    }
    sheet._rows.forEach((row, ri) => {
      if (!row) return;
      row.forEach((cell, ci) => {
        if (!cell || Object.keys(cell).length === 0) return;
        const xc = ws.getCell(ri + 1, ci + 1);
        if (cell.f !== undefined) {
          if (cell.f === '' && cell.err) xc.value = { error: cell.err as ExcelJS.CellErrorValue['error'] };
          else xc.value = { formula: cell.f.replace(/^=/, ''), result: cell.err ? { error: cell.err as ExcelJS.CellErrorValue['error'] } : undefined } as ExcelJS.CellFormulaValue;
        } else if (cell.v !== undefined) {
          if (typeof cell.v === 'number' && isDateFormat(cell.nf)) xc.value = new Date(serialToWall(cell.v));
          else xc.value = cell.v;
        }
        if (cell.nf && cell.nf !== DEFAULT_NUMBER_FORMAT) xc.numFmt = cell.nf;
        const font: Partial<ExcelJS.Font> = {};
        if (cell.fw === 'bold') font.bold = true;
        if (cell.fs === 'italic') font.italic = true;
        if (cell.fz) font.size = cell.fz;
        if (cell.ff) font.name = cell.ff;
        if (argb(cell.fc)) font.color = { argb: argb(cell.fc)! };
        if (Object.keys(font).length) xc.font = font;
        if (argb(cell.bg)) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.bg)! } };
        const al: Partial<ExcelJS.Alignment> = {};
        if (cell.ha && ['left', 'center', 'right'].includes(cell.ha)) al.horizontal = cell.ha as 'left';
        if (cell.va) al.vertical = (cell.va === 'middle' ? 'middle' : cell.va) as 'top';
        if (cell.wrap) al.wrapText = true;
        if (Object.keys(al).length) xc.alignment = al;
        if (cell.note) xc.note = cell.note;
      });
    });
    for (const m of sheet._merges) ws.mergeCells(m.r, m.c, m.r + m.nr - 1, m.c + m.nc - 1);
    let priority = 1;
    for (const rule of sheet._cf) {
      const ref = rule.ranges.map(rangeRef).join(' ');
      if (!ref) continue;
      if (rule.gradient) {
        const pts = [rule.gradient.min, rule.gradient.mid, rule.gradient.max].filter((p): p is NonNullable<typeof p> => !!p);
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: 'colorScale',
              priority: priority++,
              cfvo: pts.map((p) => (p.type === 'MIN' || p.type === 'MAX' ? { type: CF_TYPES[p.type] } : { type: CF_TYPES[p.type], value: Number(p.value) })),
              color: pts.map((p) => ({ argb: argb(p.color) ?? 'FFFFFFFF' })),
            },
          ],
        });
      } else if (rule.boolean) {
        const b = rule.boolean;
        const style: Partial<ExcelJS.Style> = {};
        if (argb(b.background)) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(b.background)! } };
        const font: Partial<ExcelJS.Font> = {};
        if (argb(b.fontColor)) font.color = { argb: argb(b.fontColor)! };
        if (b.bold) font.bold = true;
        if (b.italic) font.italic = true;
        if (Object.keys(font).length) style.font = font;
        let xr: ExcelJS.ConditionalFormattingRule | undefined;
        if (CELL_IS[b.criteria]) xr = { type: 'cellIs', priority, operator: CELL_IS[b.criteria] as 'greaterThan', formulae: b.values.map(String), style };
        else if (b.criteria === 'TEXT_CONTAINS') xr = { type: 'containsText', priority, operator: 'containsText', text: String(b.values[0]), style };
        else if (b.criteria === 'CELL_EMPTY') xr = { type: 'containsText', priority, operator: 'containsBlanks', style };
        else if (b.criteria === 'CELL_NOT_EMPTY') xr = { type: 'containsText', priority, operator: 'notContainsBlanks', style };
        else if (b.criteria === 'CUSTOM_FORMULA') xr = { type: 'expression', priority, formulae: [String(b.values[0]).replace(/^=/, '')], style };
        if (xr) {
          priority++;
          ws.addConditionalFormatting({ ref, rules: [xr] });
        }
      }
    }
  }
  for (const n of ss._named.values()) {
    const a = `$${rangeA1(n.r, n.c, 1, 1).replace(/(\d+)$/, '$$$1')}`;
    const b = `$${rangeA1(n.r + n.nr - 1, n.c + n.nc - 1, 1, 1).replace(/(\d+)$/, '$$$1')}`;
    wb.definedNames.add(`${quoteSheetName(n.sheet._name)}!${a}${n.nr * n.nc > 1 ? ':' + b : ''}`, n.name);
  }
  return wb;
}

export async function exportXlsx(ss: Spreadsheet, path: string): Promise<void> {
  await toWorkbook(ss).xlsx.writeFile(path);
}
