import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Http } from '../../src/server/http.js';
import { PASSWORD } from '../support/test-app.js';

export type Cell = string | number | Date | null;

/** The import columns as the template heads them; tests pick some by their zh or en half only. */
export const HEADERS = [
  '外部编号 external ref',
  '渠道 channel',
  '投诉时间 received at',
  '投诉人 name',
  '电话 phone',
  '邮箱',
  'title',
  '投诉内容 content',
  '诉求 demands',
  '诉求金额(元) demand amount',
  '运单号 waybill',
  '分类编码 category code',
  '优先级 priority',
];

/**
 * Ten rows as a branch would send them, of which exactly three are bad: row 4 names an unknown
 * category code, row 7 has no content, row 9 has a phone number that is no phone number.
 * (Row numbers as the sheet shows them: the header is row 1.)
 */
export function branchRows(prefix: string, firstDay = Date.UTC(2026, 10, 10)): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 1; i <= 10; i++) {
    rows.push([
      `${prefix}-${String(i).padStart(3, '0')}`,
      i % 2 ? '电话' : 'wechat',
      // A date cell: the wall clock of Shanghai, as Excel keeps it.
      new Date(firstDay + i * 86_400_000 + (9 * 60 + 30) * 60_000),
      `客户${i}`,
      i === 7 ? '13912345678' : 13800138000 + i,
      i === 4 ? 'li@example.com' : null,
      `包裹延误 ${i}`,
      `第 ${i} 件包裹三天没有物流更新。`,
      '解释、赔偿',
      i === 2 ? '12.50' : 20,
      `SF${9000000 + i}`,
      i === 2 ? 'damage.contents.fragile' : 'delay.transit',
      i === 5 ? 'P2 高' : null,
    ]);
  }
  const set = (row: number, column: number, value: Cell) => {
    const r = rows[row - 2];
    if (r) r[column] = value;
  };
  set(4, 11, 'no.such.category');
  set(7, 7, null);
  set(9, 4, '12345');
  return rows;
}

export async function xlsxOf(header: string[], rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分公司投诉');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The first worksheet of an xlsx as rows of cell texts (what a user would see). */
export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

export async function sheetNames(buffer: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book.worksheets.map((w) => w.name);
}

/** A multipart/form-data body with one file in the field `file`, as a browser sends it. */
export function multipart(
  content: Buffer,
  filename: string,
  type = 'application/octet-stream',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kesu${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A signed-in user's cookie, for requests whose answer is not JSON. */
export async function cookieOf(http: Http, username: string): Promise<string> {
  const res = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD },
  });
  const setCookie = res.headers['set-cookie'];
  return ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0] ?? '';
}

export interface Raw {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes and assert on them
  json(): any;
}

export async function uploadSheet(
  http: Http,
  cookie: string,
  file: { content: Buffer; filename: string; type?: string; field?: string },
  options: { query?: string; language?: string } = {},
): Promise<Raw> {
  const { payload, headers } = multipart(file.content, file.filename, file.type, file.field);
  const res = await http.inject({
    method: 'POST',
    url: `/api/v1/spreadsheets/imports${options.query ? `?${options.query}` : ''}`,
    payload,
    headers: { ...headers, cookie, ...(options.language ? { 'accept-language': options.language } : {}) },
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json: () => res.json() };
}

export async function download(http: Http, cookie: string, url: string): Promise<Raw> {
  const res = await http.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json: () => res.json() };
}
