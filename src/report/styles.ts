import type { CellStyle } from './grid';

/** The looks the add-on's sheets share, after Google's own: grey header band, grey notes, red warnings. */
export const HEADER: CellStyle = { bold: true, background: '#f1f3f4', wrap: true };
export const TITLE: CellStyle = { bold: true };
export const NOTE: CellStyle = { color: '#5f6368' };
export const WARNING: CellStyle = { color: '#c5221f' };
/**
 * Cells of the last, partial period: grey, yet dark enough to read on the heatmap's darkest green
 * (4.2:1 against HEATMAP.high, 6:1 on white; black text 14.7:1 on it).
 */
export const PARTIAL: CellStyle = { color: '#5f6368' };
/** The retention heatmap's scale, white at 0 to a light green at the 95th percentile. */
export const HEATMAP = { low: '#ffffff', high: '#b7e1cd' } as const;
