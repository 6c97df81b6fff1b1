import type { Area, SheetLayout } from './grid';
import { HEATMAP } from './styles';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The batched writes of a layout: the grid of values and formats with the column widths (what a
 * staging sheet holds), and the sheet's own features — frozen rows, the heatmap rule, the chart —
 * which are set on the sheet that shows the result. Every call count depends on the number of
 * tables, never on rows or cohorts.
 */

/** Column 1 holds the labels of the header block. */
const FIRST_COLUMN_WIDTH = 190;

export function rangeOf(sheet: Sheet, a: Area): Range {
  return sheet.getRange(a.row, a.column, a.rows, a.columns);
}

/** Grows a sheet to at least rows × columns; `size` is its current size and is updated. */
export function ensureSize(sheet: Sheet, size: { rows: number; columns: number }, rows: number, columns: number): void {
  if (size.rows < rows) {
    sheet.insertRowsAfter(size.rows, rows - size.rows);
    size.rows = rows;
  }
  if (size.columns < columns) {
    sheet.insertColumnsAfter(size.columns, columns - size.columns);
    size.columns = columns;
  }
}

/** Values and formats in six batched calls, then the column widths. */
export function writeGrid(sheet: Sheet, layout: SheetLayout): void {
  const g = layout.grid;
  const all = sheet.getRange(1, 1, g.height, g.width);
  all.setValues(g.valueMatrix());
  all.setNumberFormats(g.numberFormats());
  all.setFontWeights(g.fontWeights() as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  all.setFontColors(g.fontColors());
  all.setBackgrounds(g.backgrounds());
  all.setWraps(g.wraps());
  const widths = { 1: FIRST_COLUMN_WIDTH, ...layout.columnWidths };
  for (const [column, width] of Object.entries(widths)) sheet.setColumnWidth(Number(column), width);
}

/**
 * Frozen rows and columns, the heatmap (replacing every rule of the sheet), and the chart: the
 * sheet's first chart is updated in place (it keeps its id, so a chart linked into Slides or Docs
 * keeps working), any other is removed, and one is inserted when there was none. Safe to repeat.
 */
export function applySheetFeatures(sheet: Sheet, layout: SheetLayout): void {
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns ?? 0);
  const rules = (layout.heatmaps ?? []).map((area) =>
    SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue(HEATMAP.low, SpreadsheetApp.InterpolationType.NUMBER, '0')
      .setGradientMaxpointWithValue(HEATMAP.high, SpreadsheetApp.InterpolationType.PERCENTILE, '95')
      .setRanges([rangeOf(sheet, area)])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);

  const charts = sheet.getCharts();
  const keep = layout.chartData ? charts[0] : undefined;
  for (const c of charts) if (c !== keep) sheet.removeChart(c);
  if (!layout.chartData) return;
  const builder = keep ? keep.modify().clearRanges() : sheet.newChart();
  const chart = builder
    .setChartType(Charts.ChartType.LINE)
    .addRange(rangeOf(sheet, layout.chartData))
    .setNumHeaders(1)
    .setPosition(layout.chartAnchor?.row ?? 2, layout.chartAnchor?.column ?? Math.min(layout.grid.width, 14) + 1, 0, 0)
    .setOption('title', layout.chartTitle ?? '')
    .setOption('vAxis.format', 'percent')
    .setOption('legend', { position: 'right' })
    .setOption('width', 640)
    .setOption('height', 360)
    .build();
  if (keep) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
