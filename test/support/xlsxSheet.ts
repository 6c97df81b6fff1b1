// A sheet of a workbook `npm start` wrote, as rows of cell values (row n of the sheet at index n − 1).
import ExcelJS from 'exceljs';

export async function xlsxSheet(path: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}
