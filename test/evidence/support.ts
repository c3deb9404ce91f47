import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Http } from '../../src/server/http.js';
import { PASSWORD } from '../support/test-app.js';

/** A 1×1 transparent PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A minimal PDF: the magic bytes and a trailer are what makes it one. */
export const pdf = (text = 'receipt') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Title (${text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
/** The start of a Linux executable. */
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
/** The start of a Windows executable. */
export const MZ = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]);
/** A gzip stream header: a real file type, but not evidence. */
export const GZIP = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(20)]);

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export type Part =
  | { filename: string; contentType?: string; data: Buffer; field?: string }
  | { field: string; value: string };

/** A multipart/form-data body written by hand, as a browser would send it. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kesu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A signed-in user who uploads and downloads evidence (raw bytes, which the JSON test client does not handle). */
export class EvidenceClient {
  private constructor(
    private readonly http: Http,
    private readonly cookie: string,
  ) {}

  static async signIn(http: Http, username: string): Promise<EvidenceClient> {
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    return new EvidenceClient(http, (first ?? '').split(';')[0] ?? '');
  }

  async upload(number: string, parts: Part[]) {
    const { payload, headers } = multipart(parts);
    const res = await this.http.inject({
      method: 'POST',
      url: `/api/v1/complaints/${number}/evidence`,
      payload,
      headers: { ...headers, cookie: this.cookie },
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  }

  download(number: string, id: number) {
    return this.http.inject({
      method: 'GET',
      url: `/api/v1/complaints/${number}/evidence/${id}`,
      headers: { cookie: this.cookie },
    });
  }
}

/** Every file under the evidence store, staging area included. */
export function storedFiles(dataDir: string): string[] {
  const walk = (dir: string): string[] => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  };
  return walk(join(dataDir, 'evidence'));
}
