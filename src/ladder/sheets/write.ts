/**
 * Sheets out: an XLSX workbook or a folder of CSV files (the one CSV
 * writer, src/ladder/csv.ts). Header rows are bold and frozen, columns as
 * wide as their content up to a readable limit, and every text cell goes
 * through the formula guard, so that no spreadsheet program runs a cell and
 * the import reads back exactly what was exported.
 *
 * The workbook is SpreadsheetML written here and zipped with fflate:
 * write-excel-file, tried first, indexes its shared strings in a plain
 * object, so a cell that reads "toString" or "constructor" comes out as
 * "function toString() { [native code] }" (found by the property test in
 * tests/import.property.test.ts). Inline strings need no index at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { guard, toCsv } from '../csv.ts';
import type { Sheet } from './export.ts';
import { columnName } from './table.ts';

/** Characters: the widest a column gets (long text wraps inside it). */
const MAX_WIDTH = 60;

function width(rows: readonly (readonly (string | number)[])[], column: number): number {
  let widest = 6;
  for (const row of rows) {
    const value = row[column];
    const longest = String(value ?? '')
      .split('\n')
      .reduce((n, line) => Math.max(n, line.length), 0);
    widest = Math.max(widest, Math.min(MAX_WIDTH, longest + 2));
  }
  return widest;
}

/** Text as XML character data; characters XML 1.0 cannot hold are written as OOXML's _xHHHH_ escapes. */
function xml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Cell styles: 0 plain, 1 bold (header), 2 wrapped and aligned top (text with line breaks). */
const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(sheet: Sheet): string {
  const columns = (sheet.rows[0] ?? []).map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="${width(sheet.rows, i)}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${columnName(c + 1)}${r + 1}`;
          if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
          const text = guard(value);
          if (text === '') return '';
          const style = r === 0 ? 1 : text.includes('\n') ? 2 : 0;
          return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const frozen =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${frozen}<sheetFormatPr defaultRowHeight="15"/>${columns ? `<cols>${columns}</cols>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

export async function xlsxBuffer(sheets: readonly Sheet[]): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, text: string) => (files[path] = strToU8(text));
  put(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  put(
    '_rels/.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  sheets.forEach((sheet, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet)));
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}

/** One CSV file per sheet, UTF-8 with a byte-order mark so that Excel reads accents right. */
export function writeCsvFolder(dir: string, sheets: readonly Sheet[]): string[] {
  mkdirSync(dir, { recursive: true });
  return sheets.map((sheet) => {
    const path = join(dir, `${sheet.name}.csv`);
    writeFileSync(path, `\ufeff${toCsv(sheet.rows)}`);
    return path;
  });
}
