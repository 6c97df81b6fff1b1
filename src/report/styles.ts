import type { CellStyle } from './grid';

/** The looks the add-on's sheets share, after Google's own: grey header band, grey notes, red warnings. */
export const HEADER: CellStyle = { bold: true, background: '#f1f3f4', wrap: true };
export const TITLE: CellStyle = { bold: true };
export const NOTE: CellStyle = { color: '#5f6368' };
export const WARNING: CellStyle = { color: '#c5221f' };
/** Cells of the last, partial period. */
export const PARTIAL: CellStyle = { color: '#80868b' };
