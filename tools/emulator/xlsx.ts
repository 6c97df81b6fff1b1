// The spreadsheet as an .xlsx file through exceljs: exportXlsx streams it to disk (exceljs'
// WorkbookWriter: each row is written and dropped as it goes, so a sheet of millions of cells
// never exists twice in memory); toWorkbook builds the same workbook in memory for tests.
import ExcelJS from 'exceljs';
import { quoteSheetName, rangeA1 } from './a1.js';
import { DEFAULT_NUMBER_FORMAT, serialToWall } from './dates.js';
import { DEFAULT_COLUMN_WIDTH, isDateFormat, type Cell, type CfRuleData, type Range, type Sheet, type Spreadsheet } from './spreadsheet.js';

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

/** What the in-memory worksheet and the streaming one have in common, as this file uses them. */
interface TargetSheet {
  getColumn(c: number): { width?: number };
  mergeCells(top: number, left: number, bottom: number, right: number): void;
  addConditionalFormatting(cf: ExcelJS.ConditionalFormattingOptions): void;
}

function addOptions(sheet: Sheet): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    state: sheet._hidden ? 'hidden' : 'visible',
    properties: sheet._tabColor && argb(sheet._tabColor) ? { tabColor: { argb: argb(sheet._tabColor)! } } : undefined,
    views: sheet._frozenRows || sheet._frozenCols ? [{ state: 'frozen', xSplit: sheet._frozenCols, ySplit: sheet._frozenRows }] : undefined,
  };
}

/** Every used column gets Sheets' width (100 px by default), which Excel's default would not match. */
function columnWidths(sheet: Sheet): number[] {
  let used = 0;
  for (const row of sheet._rows) if (row && row.length > used) used = row.length;
  for (const col of sheet._colWidths.keys()) if (col > used) used = col;
  const widths: number[] = [];
  for (let col = 1; col <= used; col++) widths.push(Math.round(((sheet._colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH) / 7) * 100) / 100);
  return widths;
}

/** The cell's number format, font, fill and alignment as an exceljs style. */
function cellStyle(cell: Cell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cell.nf && cell.nf !== DEFAULT_NUMBER_FORMAT) style.numFmt = cell.nf;
  const font: Partial<ExcelJS.Font> = {};
  if (cell.fw === 'bold') font.bold = true;
  if (cell.fs === 'italic') font.italic = true;
  if (cell.fz) font.size = cell.fz;
  if (cell.ff) font.name = cell.ff;
  if (argb(cell.fc)) font.color = { argb: argb(cell.fc)! };
  if (Object.keys(font).length) style.font = font;
  if (argb(cell.bg)) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.bg)! } };
  const al: Partial<ExcelJS.Alignment> = {};
  if (cell.ha && ['left', 'center', 'right'].includes(cell.ha)) al.horizontal = cell.ha as 'left';
  if (cell.va) al.vertical = (cell.va === 'middle' ? 'middle' : cell.va) as 'top';
  if (cell.wrap) al.wrapText = true;
  if (Object.keys(al).length) style.alignment = al;
  return style;
}

/**
 * One style object per distinct look, shared by the cells that have it: exceljs' style registry
 * then recognizes it by identity instead of serializing every cell's style to compare it.
 */
/** A cell that carries at most a number format (no font, fill or alignment). */
function isPlain(cell: Cell): boolean {
  return cell.fw === undefined && cell.fs === undefined && cell.fz === undefined && cell.ff === undefined && cell.fc === undefined &&
    cell.bg === undefined && cell.ha === undefined && cell.va === undefined && cell.wrap === undefined;
}

class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  private readonly byFormat = new Map<string | undefined, Partial<ExcelJS.Style>>();
  get(cell: Cell): Partial<ExcelJS.Style> {
    if (isPlain(cell)) {
      // Most cells (a source sheet's) carry at most a number format.
      let style = this.byFormat.get(cell.nf);
      if (!style) this.byFormat.set(cell.nf, (style = Object.freeze(cellStyle(cell))));
      return style;
    }
    const key = `${cell.nf}|${cell.fw}|${cell.fs}|${cell.fz}|${cell.ff}|${cell.fc}|${cell.bg}|${cell.ha}|${cell.va}|${cell.wrap}`;
    let style = this.byKey.get(key);
    if (!style) this.byKey.set(key, (style = Object.freeze(cellStyle(cell))));
    return style;
  }
}

/** Values (dates as dates, wall-clock), formulas, number formats, fonts, fills, alignment, notes. */
function writeCell(xc: ExcelJS.Cell, cell: Cell, styles?: SharedStyles): void {
  if (cell.f !== undefined) {
    if (cell.f === '' && cell.err) xc.value = { error: cell.err as ExcelJS.CellErrorValue['error'] };
    else xc.value = { formula: cell.f.replace(/^=/, ''), result: cell.err ? { error: cell.err as ExcelJS.CellErrorValue['error'] } : undefined } as ExcelJS.CellFormulaValue;
  } else if (cell.v !== undefined) {
    if (typeof cell.v === 'number' && isDateFormat(cell.nf)) xc.value = new Date(serialToWall(cell.v));
    else xc.value = cell.v;
  }
  xc.style = styles ? styles.get(cell) : cellStyle(cell);
  if (cell.note) xc.note = cell.note;
}

function hasContent(cell: Cell | undefined): cell is Cell {
  if (!cell) return false;
  for (const _ in cell) return true;
  return false;
}

/** Gradient rules as color scales, number/text/formula conditions as cellIs/containsText/expression. */
function conditionalFormats(rules: CfRuleData[]): ExcelJS.ConditionalFormattingOptions[] {
  const out: ExcelJS.ConditionalFormattingOptions[] = [];
  let priority = 1;
  for (const rule of rules) {
    const ref = rule.ranges.map(rangeRef).join(' ');
    if (!ref) continue;
    if (rule.gradient) {
      const pts = [rule.gradient.min, rule.gradient.mid, rule.gradient.max].filter((p): p is NonNullable<typeof p> => !!p);
      out.push({
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
        out.push({ ref, rules: [xr] });
      }
    }
  }
  return out;
}

/** Column widths, merges and conditional formats: the parts written before (or beside) the rows. */
function writeSheetParts(ws: TargetSheet, sheet: Sheet): void {
  columnWidths(sheet).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const m of sheet._merges) ws.mergeCells(m.r, m.c, m.r + m.nr - 1, m.c + m.nc - 1);
  for (const cf of conditionalFormats(sheet._cf)) ws.addConditionalFormatting(cf);
}

/** Named ranges as defined names. */
function addDefinedNames(ss: Spreadsheet, names: ExcelJS.DefinedNames): void {
  for (const n of ss._named.values()) {
    const a = `$${rangeA1(n.r, n.c, 1, 1).replace(/(\d+)$/, '$$$1')}`;
    const b = `$${rangeA1(n.r + n.nr - 1, n.c + n.nc - 1, 1, 1).replace(/(\d+)$/, '$$$1')}`;
    names.add(`${quoteSheetName(n.sheet._name)}!${a}${n.nr * n.nc > 1 ? ':' + b : ''}`, n.name);
  }
}

const CREATOR = 'retention-analytics sheets emulator';

/**
 * Builds an exceljs workbook of the whole spreadsheet in memory: values (dates as dates), formulas,
 * number formats, bold/italic/colors/backgrounds/alignment/wrap, notes, merges, frozen panes, column
 * widths, hidden sheets, tab colors, named ranges (defined names) and conditional format rules.
 * Not written: charts (exceljs cannot write them) and developer metadata (no xlsx equivalent).
 */
export function toWorkbook(ss: Spreadsheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, addOptions(sheet));
    writeSheetParts(ws as unknown as TargetSheet, sheet);
    sheet._rows.forEach((row, ri) => {
      if (!row) return;
      row.forEach((cell, ci) => {
        if (hasContent(cell)) writeCell(ws.getCell(ri + 1, ci + 1), cell);
      });
    });
  }
  addDefinedNames(ss, wb.definedNames);
  return wb;
}

const XML_SPECIAL = /[<>&"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Text for an XML element or attribute; characters XML 1.0 cannot hold are dropped, as exceljs does. */
function xmlText(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(/[<>&"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : ''));
}

function columnLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The parts of exceljs' streaming worksheet that the plain-row writer uses. */
interface StreamSheetInternals {
  stream: { write(text: string): unknown };
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/**
 * A sheet without merges or notes (a user's data sheet, often millions of cells) is written as
 * SpreadsheetML rows directly into exceljs' worksheet stream, the same markup exceljs' own row
 * writer produces (`<c r s t><v>`, strings as t="str", dates as serials with their number format,
 * formulas as `<f>`): exceljs builds a cell object, a value object and an XML buffer per cell,
 * about 2 µs a cell, which for a 541,909-line export was 9 s of a 30 s budget. Styles still go
 * through exceljs' style registry, and everything around the rows (columns, frozen panes,
 * conditional formats, the zip) stays exceljs'.
 */
async function writePlainRows(ws: StreamSheetInternals, sheet: Sheet, wb: { styles: { addStyleModel(style: unknown, type?: number): number } }, styles: SharedStyles): Promise<void> {
  if (!ws.startedData) {
    ws._writeColumns();
    ws._writeOpenSheetData();
    ws.startedData = true;
  }
  const letters: string[] = [];
  const styleIds = new Map<Partial<ExcelJS.Style>, number>();
  // Per column, the last cell's number format and style id, and the last number and its text:
  // a column mostly keeps one format, and consecutive lines often repeat a value.
  const lastNf: (string | undefined)[] = [];
  const lastSid: number[] = [];
  const lastNumber: number[] = [];
  const lastNumberText: string[] = [];
  let out = '';
  const rows = sheet._rows;
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    if (!row) continue;
    const r = ri + 1;
    let xml = '';
    for (let ci = 0; ci < row.length; ci++) {
      const cell = row[ci];
      if (!hasContent(cell)) continue;
      let sid: number;
      if (lastSid[ci] !== undefined && cell.nf === lastNf[ci] && isPlain(cell)) sid = lastSid[ci];
      else {
        const style = styles.get(cell);
        let id = styleIds.get(style);
        if (id === undefined) styleIds.set(style, (id = wb.styles.addStyleModel(style)));
        sid = id;
        if (isPlain(cell)) {
          lastNf[ci] = cell.nf;
          lastSid[ci] = sid;
        } else lastSid[ci] = undefined as unknown as number;
      }
      const ref = (letters[ci] ??= columnLetters(ci + 1)) + r;
      const head = sid ? `<c r="${ref}" s="${sid}"` : `<c r="${ref}"`;
      if (cell.f !== undefined) {
        const f = cell.f.replace(/^=/, '');
        if (cell.err) xml += f ? `${head} t="e"><f>${xmlText(f)}</f><v>${cell.err}</v></c>` : `${head} t="e"><v>${cell.err}</v></c>`;
        else xml += `${head}><f>${xmlText(f)}</f></c>`;
        continue;
      }
      const v = cell.v;
      if (typeof v === 'number') {
        if (lastNumber[ci] !== v || lastNumberText[ci] === undefined) {
          lastNumber[ci] = v;
          lastNumberText[ci] = String(v);
        }
        xml += `${head}><v>${lastNumberText[ci]}</v></c>`;
      } else if (typeof v === 'string') xml += `${head} t="str"><v>${xmlText(v)}</v></c>`;
      else if (typeof v === 'boolean') xml += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (sid) xml += `${head}/>`;
    }
    if (xml) out += `<row r="${r}">${xml}</row>`;
    if (out.length > 1 << 16) {
      ws.stream.write(out);
      out = '';
      // Let the zip take what is written so far, rather than holding the whole sheet in memory.
      if ((ri & 0x3fff) === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (out) ws.stream.write(out);
}

/** The same workbook as toWorkbook, streamed to a file a row at a time. */
export async function exportXlsx(ss: Spreadsheet, path: string): Promise<void> {
  // Deflate level 1: a third of the default's CPU for a file about a tenth larger.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  wb.creator = CREATOR;
  const styles = new SharedStyles();
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, addOptions(sheet));
    // Merges first: the streaming writer marks merged cells on rows not yet written.
    writeSheetParts(ws as unknown as TargetSheet, sheet);
    const plain = sheet._merges.length === 0 && !sheet._rows.some((row) => row?.some((cell) => cell?.note));
    if (plain) await writePlainRows(ws as unknown as StreamSheetInternals, sheet, wb as unknown as Parameters<typeof writePlainRows>[2], styles);
    else {
      const rows = sheet._rows;
      for (let ri = 0; ri < rows.length; ri++) {
        const row = rows[ri];
        if (!row) continue;
        let xr: ExcelJS.Row | undefined;
        for (let ci = 0; ci < row.length; ci++) {
          const cell = row[ci];
          if (!hasContent(cell)) continue;
          xr ??= ws.getRow(ri + 1);
          writeCell(xr.getCell(ci + 1), cell, styles);
        }
        xr?.commit();
      }
    }
    ws.commit();
  }
  addDefinedNames(ss, wb.definedNames as unknown as ExcelJS.DefinedNames);
  await wb.commit();
}
