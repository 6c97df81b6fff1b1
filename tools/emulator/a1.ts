// A1 notation: column letters, cell and range references, sheet-qualified references.

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; missing ends (open rows/columns) are undefined and resolved against the sheet size. */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parsePart(p: string): { row?: number; col?: number } | null {
  const m = PART.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1]) : undefined;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return null;
  return { row, col };
}

/** Splits "'My sheet'!A1:B2" into sheet name and the rest. */
export function splitSheetName(a1: string): { sheetName?: string; rest: string } {
  const s = a1.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i] === "'" && s[i + 1] === '!') return { sheetName: name, rest: s.slice(i + 2) };
    return { rest: s };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheetName: s.slice(0, bang), rest: s.slice(bang + 1) };
  return { rest: s };
}

/**
 * Parses A1 notation: "A1", "$A$1", "A1:C10", "A2:A" (open-ended), "A:C" (whole columns),
 * "1:3" (whole rows), optionally prefixed by a sheet name ("Sheet1!A1", "'My sheet'!A1").
 * Returns null when the text is not a reference.
 */
export function parseA1(a1: string): A1Ref | null {
  if (typeof a1 !== 'string') return null;
  const { sheetName, rest } = splitSheetName(a1);
  const parts = rest.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const a = parsePart(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.row === undefined || a.col === undefined) return null;
    return { sheetName, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(parts[1]);
  if (!b) return null;
  // Whole rows ("1:3") need rows on both sides, whole columns ("A:C") need columns on both sides.
  if (a.col === undefined && (b.col !== undefined || a.row === undefined || b.row === undefined)) return null;
  if (a.row === undefined && (b.row !== undefined || a.col === undefined || b.col === undefined)) return null;
  if (a.row !== undefined && a.col !== undefined && b.row === undefined && b.col === undefined) return null;
  let startRow = a.row;
  let endRow = b.row;
  let startCol = a.col;
  let endCol = b.col;
  if (startRow !== undefined && endRow !== undefined && endRow < startRow) [startRow, endRow] = [endRow, startRow];
  if (startCol !== undefined && endCol !== undefined && endCol < startCol) [startCol, endCol] = [endCol, startCol];
  // "A:C" starts at row 1; "1:3" starts at column 1.
  if (startRow === undefined) startRow = 1;
  if (startCol === undefined) startCol = 1;
  return { sheetName, startRow, startCol, endRow, endCol };
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + row;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const a = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return a;
  return a + ':' + cellA1(row + numRows - 1, col + numCols - 1);
}

/** Quotes a sheet name for a qualified reference when needed: 'My sheet'!A1 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !parseA1(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}
