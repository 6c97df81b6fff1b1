import type { Area, SheetLayout } from './grid';
import { freeSheetName, ownedSheets, retagSheet, tagSheet, type OwnedKind } from './ownedSheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes a layout to a sheet the add-on owns, safely: the new sheet is built aside under a temporary
 * name and only swapped in (old one deleted, new one renamed into its place) once complete. A failure
 * while building deletes the half-built sheet and leaves every existing sheet exactly as it was.
 * Every write is batched: the call count depends on the number of tables, not rows or cohorts.
 */
export function replaceOwnedSheet(ss: Spreadsheet, kind: OwnedKind, baseName: string, layout: SheetLayout): Sheet {
  const owned = ownedSheets(ss);
  // A sheet left half-built by a run that died (e.g. at the 6-minute limit) is ours to clean up.
  for (const o of owned) if (o.kind === 'building') ss.deleteSheet(o.sheet);
  const previous = owned.find((o) => o.kind === kind)?.sheet ?? null;

  const sheet = ss.insertSheet(freeSheetName(ss, `${baseName} (updating)`), ss.getSheets().length);
  tagSheet(sheet, 'building');
  try {
    fillSheet(sheet, layout);
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // Leave it: it is tagged "building" and the next run removes it.
    }
    throw e;
  }

  let name = freeSheetName(ss, baseName, previous ?? undefined);
  let index = ss.getSheets().length;
  // Our named ranges on the old sheet that the new layout no longer has (a table that is gone, e.g.
  // revenue without amounts) would dangle as #REF!: they go. Their number is the document's, not the data's.
  if (previous) {
    const keep = new Set(layout.namedAreas.map((n) => n.name));
    const previousId = previous.getSheetId();
    for (const nr of ss.getNamedRanges()) {
      if (!keep.has(nr.getName()) && nr.getRange().getSheet().getSheetId() === previousId) nr.remove();
    }
    name = previous.getName();
    index = previous.getIndex();
    ss.deleteSheet(previous);
  }
  sheet.setName(name);
  retagSheet(sheet, kind);
  ss.setActiveSheet(sheet);
  ss.moveActiveSheet(Math.min(index, ss.getSheets().length));
  for (const n of layout.namedAreas) ss.setNamedRange(n.name, rangeOf(sheet, n.area));
  return sheet;
}

function rangeOf(sheet: Sheet, a: Area): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(a.row, a.column, a.rows, a.columns);
}

function fillSheet(sheet: Sheet, layout: SheetLayout): void {
  const g = layout.grid;
  const rows = g.height;
  const columns = g.width;
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  const all = sheet.getRange(1, 1, rows, columns);
  all.setValues(g.valueMatrix());
  all.setNumberFormats(g.numberFormats());
  all.setFontWeights(g.fontWeights() as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  all.setFontColors(g.fontColors());
  all.setBackgrounds(g.backgrounds());
  all.setWraps(g.wraps());
  sheet.setFrozenRows(layout.frozenRows);
  const widths = { 1: 190, ...layout.columnWidths };
  for (const [column, width] of Object.entries(widths)) sheet.setColumnWidth(Number(column), width);

  if (layout.heatmap) {
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue('#ffffff', SpreadsheetApp.InterpolationType.NUMBER, '0')
      .setGradientMaxpointWithValue('#57bb8a', SpreadsheetApp.InterpolationType.PERCENTILE, '95')
      .setRanges([rangeOf(sheet, layout.heatmap)])
      .build();
    sheet.setConditionalFormatRules([rule]);
  }
  if (layout.chartData) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(rangeOf(sheet, layout.chartData))
      .setNumHeaders(1)
      .setPosition(2, Math.min(columns, 14) + 1, 0, 0)
      .setOption('title', layout.chartTitle ?? '')
      .setOption('vAxis.format', 'percent')
      .setOption('legend', { position: 'right' })
      .setOption('width', 640)
      .setOption('height', 360)
      .build();
    sheet.insertChart(chart);
  }
}
