import type { Writable } from 'node:stream';
import { type ZipEntryWriter, ZipStream } from './zip-stream.js';

/**
 * A one-sheet xlsx written as a stream: the fixed parts of the workbook, then the sheet's rows as
 * they come — cells as exceljs's streaming writer wrote them (text as `t="str"`, no shared strings,
 * no styles), without its objects per row and cell. See docs/adr/0018-export-writes-its-own-xlsx.md.
 */
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const SHEET = 'xl/worksheets/sheet1.xml';

/**
 * Sheet XML gathered before it is handed to the zip: big enough to make each write cheap, small
 * enough to stay out of V8's large-object space. Its UTF-8 goes into buffers that are reused once
 * compressed, since a million rows (≈ 800 MB of XML) in new buffers keep tens of MB of garbage around.
 */
const CHUNK_CHARS = 32 * 1024;
/** A reused buffer: room for a chunk of UTF-8 (at most 3 bytes per UTF-16 unit) and a long last row. */
const BUFFER_BYTES = 4 * CHUNK_CHARS;

const ESCAPES: Record<number, string> = { 34: '&quot;', 38: '&amp;', 39: '&apos;', 60: '&lt;', 62: '&gt;' };

/** What XML allows in a cell's text: markup characters escaped, control characters (but tab and newlines) dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML cannot hold are what it looks for
const NEEDS_ESCAPE = /[\x00-\x08\x0b\x0c\x0e-\x1f"&'<>\x7f]/;

function escapeXml(text: string): string {
  // Most cells have nothing to escape: one native scan instead of a loop over every character.
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain = c > 62 ? c !== 127 : c > 31 ? ESCAPES[c] === undefined : c === 9 || c === 10 || c === 13;
    if (plain) continue;
    out += text.slice(from, i) + (ESCAPES[c] ?? '');
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A, B, …, Z, AA, … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function fixedParts(sheetName: string, now: Date): Array<[string, string]> {
  const created = `${now.toISOString().slice(0, 19)}Z`;
  const name = escapeXml(sheetName);
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${SHEET}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'docProps/app.xml',
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Kesu</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${name}</vt:lpstr></vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`,
    ],
    [
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kesu</dc:creator><cp:lastModifiedBy>Kesu</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet sheetId="1" name="${name}" state="visible" r:id="rId2"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ];
}

export interface SheetWriter {
  /** Adds a row; resolves at once unless the output is behind (then await it before the next rows). */
  addRow(cells: ReadonlyArray<string | number>): Promise<void> | undefined;
  /** Ends the sheet and the file (and `output`). */
  finish(): Promise<void>;
}

/** Starts an xlsx with one sheet named `sheetName` on `output`. */
export async function streamSheet(
  output: Writable,
  sheetName: string,
  now = new Date(),
): Promise<SheetWriter> {
  const zip = new ZipStream(output, now);
  for (const [name, content] of fixedParts(sheetName, now)) await zip.file(name, content);
  const entry: ZipEntryWriter = await zip.stream(SHEET);
  const columns: string[] = [];
  const column = (i: number) => {
    const name = columns[i] ?? columnName(i);
    columns[i] = name;
    return name;
  };
  let rowNumber = 0;
  let xml = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}"><sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/><sheetData>`;
  const spare: Buffer[] = [];
  const flush = () => {
    const reused = xml.length * 3 <= BUFFER_BYTES;
    const buffer = reused ? (spare.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES)) : Buffer.from(xml, 'utf8');
    const bytes = reused ? buffer.write(xml, 'utf8') : buffer.length;
    xml = '';
    return entry.write(buffer.subarray(0, bytes), reused ? () => spare.push(buffer) : undefined);
  };
  return {
    addRow(cells) {
      rowNumber++;
      const r = String(rowNumber);
      xml += `<row r="${r}" spans="1:${cells.length}" x14ac:dyDescent="0.25">`;
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        // An empty cell is left out: the sheet is sparse, each cell names its place.
        if (value === '' || value === undefined) continue;
        xml +=
          typeof value === 'number'
            ? `<c r="${column(i)}${r}"><v>${value}</v></c>`
            : `<c r="${column(i)}${r}" t="str"><v>${escapeXml(value)}</v></c>`;
      }
      xml += '</row>';
      return xml.length >= CHUNK_CHARS ? flush() : undefined;
    },
    async finish() {
      xml +=
        '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
      await flush();
      await entry.end();
      await zip.finish();
    },
  };
}
