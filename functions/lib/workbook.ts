/**
 * exceljs's Workbook, without the rest of the package. The package's entry also loads its
 * streaming reader and writer (unzipper, archiver and their dependencies), which nothing here
 * uses: importing the class alone halves the roster and eventExports bundles and their init.
 */
import type { Workbook as ExcelWorkbook } from 'exceljs';
// @ts-expect-error exceljs types its entry only; this is the very class the entry exports.
import WorkbookClass from 'exceljs/lib/doc/workbook.js';

export const Workbook: typeof ExcelWorkbook = WorkbookClass;
export type { Cell } from 'exceljs';
