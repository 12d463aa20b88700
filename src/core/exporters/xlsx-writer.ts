/**
 * A minimal XLSX (SpreadsheetML) writer for workbooks of text cells: shared strings, a Text
 * number format on every cell, bold rows, column widths, and for a table sheet a frozen header row
 * and a filter (`<autoFilter>` plus the hidden `_xlnm._FilterDatabase` name Excel writes with it).
 *
 * It writes the same XML that write-excel-file 4.1.1 wrote for the planner's workbooks (the goldens
 * in tests/golden/*.xlsx.xml did not change), but a part at a time and a sheet in chunks of rows,
 * each chunk deflated as it is made (fflate's streaming zip), so no part is ever one string: the
 * library built each sheet as one string (the Rules sheet of 5,000 devices went over V8's string
 * length limit) and spent most of its time on per-cell objects, style keys and escaping; here a
 * cell costs a map lookup and a short string, and a text is escaped once (issue 18).
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** Rows a sheet can hold (Excel 2007 and later). */
export const EXCEL_MAX_ROWS = 1_048_576;

/** A sheet to write: text cells only ('' is an empty cell, still formatted as Text). */
export interface XlsxSheetSpec {
  name: string;
  rows: readonly (readonly string[])[];
  /** Indexes of the rows printed bold. */
  boldRows: readonly number[];
  /** A table: the first row frozen, a filter over every row. */
  table: boolean;
  /** Column widths, in characters. */
  widths: readonly number[];
}

export interface XlsxWriteOptions {
  /** The date every zip entry carries (so that the same workbook gives the same bytes). */
  mtime: Date;
  /** Rows a sheet may hold (EXCEL_MAX_ROWS; smaller in tests). */
  maxRows?: number;
  /** Told how far the writing is, from 0 to 1. */
  progress?: (fraction: number) => void;
}

/**
 * What XML cannot hold or discourages (C0 controls other than tab, LF and CR, C1 controls but NEL,
 * noncharacters, lone surrogates) and U+FFFD: removed from a text before it is written, as
 * write-excel-file did.
 */
export const XML_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\p{Noncharacter_Code_Point}\p{Cs}]/gu;

function escapeText(text: string): string {
  return text
    .replace(XML_UNSAFE, '')
    .replaceAll('&', '&amp;')
    .replaceAll('>', '&gt;')
    .replaceAll('<', '&lt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

/** Column letters of a 0-based column: A, B, ..., Z, AA, ... */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The range of a sheet, header included ("A1:T42"). */
export function sheetRange(sheet: Pick<XlsxSheetSpec, 'rows'>): string {
  const columns = sheet.rows[0]?.length ?? 1;
  return `A1:${columnLetters(columns - 1)}${Math.max(1, sheet.rows.length)}`;
}

const XML_HEAD = '<?xml version="1.0" ?>';
const XML_HEAD_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const WORKSHEET_OPEN =
  `<worksheet xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" ' +
  `xmlns:r="${DOC_RELS}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ` +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">';

const WORKBOOK_OPEN =
  `<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_RELS}" ` +
  'xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:mv="urn:schemas-microsoft-com:mac:vml" ' +
  'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ' +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">';

/** The number format id of Text ("@"): custom formats start at 100. */
const TEXT_FORMAT_ID = 100;

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override ContentType="${CONTENT_TYPE}.worksheet+xml" PartName="/xl/worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_HEAD_STANDALONE}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default ContentType="application/xml" Extension="xml"/>' +
    '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>' +
    `<Override ContentType="${CONTENT_TYPE}.sheet.main+xml" PartName="/xl/workbook.xml"/>` +
    `<Override ContentType="${CONTENT_TYPE}.sharedStrings+xml" PartName="/xl/sharedStrings.xml"/>` +
    `<Override ContentType="${CONTENT_TYPE}.styles+xml" PartName="/xl/styles.xml"/>` +
    `${sheets}</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD_STANDALONE}<Relationships xmlns="${PACKAGE_RELS_NS}">` +
  `<Relationship Id="rId-workbook-1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const SHEET_RELS = `${XML_HEAD_STANDALONE}<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS_NS}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${DOC_RELS}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/** `$A$1:$T$42` of `A1:T42`: the absolute reference a defined name holds. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => `$${col}$${row}`);
}

function workbookXml(sheets: readonly XlsxSheetSpec[]): string {
  const entries = sheets
    .map(
      (sheet, i) =>
        `<sheet r:id="rId${i + 1}" sheetId="${i + 1}" name="${escapeAttribute(sheet.name)}"/>`,
    )
    .join('');
  const names = sheets
    .map((sheet, i) =>
      sheet.table
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">` +
          `${escapeText(`'${sheet.name}'!${absolute(sheetRange(sheet))}`)}</definedName>`
        : '',
    )
    .join('');
  return (
    `${XML_HEAD_STANDALONE}${WORKBOOK_OPEN}<workbookPr/><bookViews><workbookView/></bookViews>` +
    `<sheets>${entries}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '<definedNames/>') +
    '<calcPr/></workbook>'
  );
}

/** The cell styles (xf) in the order of their first use, as write-excel-file numbered them. */
type CellStyle = 'bold' | 'plain';

function stylesXml(styles: readonly CellStyle[]): string {
  const bold = styles.includes('bold');
  const font = (b: boolean) =>
    `<font><family val="2"/><scheme val="minor"/>${b ? '<b/>' : ''}<color theme="1"/></font>`;
  const xf = (style: CellStyle) =>
    style === 'bold'
      ? `<xf numFmtId="${TEXT_FORMAT_ID}" applyNumberFormat="1" fontId="1" applyFont="1"></xf>`
      : `<xf numFmtId="${TEXT_FORMAT_ID}" applyNumberFormat="1"></xf>`;
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (styles.length > 0
      ? `<numFmts count="1"><numFmt numFmtId="${TEXT_FORMAT_ID}" formatCode="@"/></numFmts>`
      : '') +
    `<fonts count="${bold ? 2 : 1}">${font(false)}${bold ? font(true) : ''}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    `<cellXfs count="${styles.length + 1}"><xf ></xf>${styles.map(xf).join('')}</cellXfs>` +
    '</styleSheet>'
  );
}

function sharedStringsXml(strings: Iterable<string>): string[] {
  const parts = [`<?xml version="1.0"?><sst xmlns="${MAIN_NS}">`];
  for (const text of strings) {
    const space = text.trim().length === text.length ? '' : ' xml:space="preserve"';
    parts.push(`<si><t${space}>${escapeText(text)}</t></si>`);
  }
  parts.push('</sst>');
  return parts;
}

/** Characters of sheet XML gathered before they are encoded and deflated. */
const CHUNK_CHARS = 1 << 20;

/**
 * The DEFLATE level: 2 compresses the Rules sheet of 2,000 devices (101 MB of XML) in 1.8 s to
 * 9.6 MB, level 6 (fflate's default) in 4.8 s to 8.9 MB (docs/performance.md).
 */
const DEFLATE_LEVEL = 2;

/**
 * Writes the workbook: the sheets in tab order (the first one selected). Throws an Error that says
 * which sheet when a sheet has more rows than a sheet can hold (maxRows); the caller splits a
 * sheet that may grow so far (the Rules sheet) before.
 */
export function writeXlsx(sheets: readonly XlsxSheetSpec[], options: XlsxWriteOptions): Uint8Array {
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  for (const sheet of sheets) {
    if (sheet.rows.length > maxRows) {
      throw new Error(
        `the ${sheet.name} sheet would have ${sheet.rows.length.toLocaleString('en-US')} rows, ` +
          `more than the ${maxRows.toLocaleString('en-US')} a sheet can hold`,
      );
    }
  }
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else output.push(chunk);
  });
  const add = (name: string, parts: Iterable<string>) => {
    const file = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    file.mtime = options.mtime;
    zip.add(file);
    let pending = '';
    for (const part of parts) {
      pending += part;
      if (pending.length >= CHUNK_CHARS) {
        file.push(strToU8(pending));
        pending = '';
      }
    }
    file.push(strToU8(pending), true);
  };

  const strings = new Map<string, number>();
  const styles: CellStyle[] = [];
  const styleIds = new Map<CellStyle, number>();
  const styleId = (style: CellStyle): number => {
    let id = styleIds.get(style);
    if (id === undefined) {
      styles.push(style);
      id = styles.length;
      styleIds.set(style, id);
    }
    return id;
  };
  const totalRows = sheets.reduce((n, s) => n + s.rows.length, 0);
  let rowsDone = 0;
  const letters = Array.from({ length: 26 * 27 }, (_, i) => columnLetters(i));

  function* sheetParts(sheet: XlsxSheetSpec, index: number): Generator<string> {
    yield XML_HEAD + WORKSHEET_OPEN;
    if (sheet.table) {
      yield (
        `<sheetViews><sheetView tabSelected="${index === 0 ? 1 : 0}" workbookViewId="0">` +
        '<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/>' +
        '</sheetView></sheetViews>'
      );
    }
    const cols = sheet.widths
      .map((w, i) => (w ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
      .join('');
    if (cols) yield `<cols>${cols}</cols>`;
    const bold = new Set(sheet.boldRows);
    yield sheet.rows.length > 0 ? '<sheetData>' : '<sheetData/>';
    for (let r = 0; r < sheet.rows.length; r += 1) {
      const row = sheet.rows[r] ?? [];
      const n = r + 1;
      if (row.length === 0) {
        yield `<row r="${n}"/>`;
      } else {
        const s = styleId(bold.has(r) ? 'bold' : 'plain');
        let xml = `<row r="${n}">`;
        for (let c = 0; c < row.length; c += 1) {
          const text = row[c] ?? '';
          const ref = `${letters[c] ?? columnLetters(c)}${n}`;
          if (text === '') {
            xml += `<c r="${ref}" s="${s}"/>`;
          } else {
            let id = strings.get(text);
            if (id === undefined) {
              id = strings.size;
              strings.set(text, id);
            }
            xml += `<c r="${ref}" s="${s}" t="s"><v>${id}</v></c>`;
          }
        }
        yield `${xml}</row>`;
      }
      rowsDone += 1;
      if (options.progress && rowsDone % 50_000 === 0) options.progress(rowsDone / totalRows);
    }
    if (sheet.rows.length > 0) yield '</sheetData>';
    if (sheet.table) yield `<autoFilter ref="${sheetRange(sheet)}"/>`;
    yield '</worksheet>';
  }

  add('[Content_Types].xml', [contentTypesXml(sheets.length)]);
  add('_rels/.rels', [ROOT_RELS]);
  add('xl/_rels/workbook.xml.rels', [workbookRelsXml(sheets.length)]);
  add('xl/workbook.xml', [workbookXml(sheets)]);
  sheets.forEach((sheet, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, sheetParts(sheet, i));
    add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [SHEET_RELS]);
  });
  add('xl/styles.xml', [stylesXml(styles)]);
  add('xl/sharedStrings.xml', sharedStringsXml(strings.keys()));
  zip.end();
  if (failure) throw failure;
  const size = output.reduce((n, chunk) => n + chunk.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of output) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
